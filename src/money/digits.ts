/** Normalise the characters numbers are written with: full-width digits and signs to ASCII. */
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

const SIGN_MAP: Record<string, string> = {
  '．': '.',
  '，': ',',
  '－': '-',
  '−': '-',
  '＋': '+',
  '％': '%',
  '　': ' ',
};

export function normalizeDigits(text: string): string {
  // Every character changed here is outside ASCII: ASCII text is already normal.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else out += SIGN_MAP[ch] ?? ch;
  }
  return out;
}
