/** Input the readers refuse, with a one-line reason. Faces map it to exit code 2 or HTTP 4xx. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'empty'
      | 'binary'
      | 'too-large'
      | 'not-disclosure'
      | 'incomplete'
      | 'unsupported'
      | 'encrypted'
      | 'no-text'
      | 'unreadable',
  ) {
    super(message);
    this.name = 'InputError';
  }
}
