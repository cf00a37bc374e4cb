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

/** The characters normalised: full-width digits and the keys of SIGN_MAP. */
const TO_NORMALISE = /[\uff10-\uff19．，－−＋％　]/g;

function normalised(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - FULL_WIDTH_OFFSET) : SIGN_MAP[ch]!;
}

export function normalizeDigits(text: string): string {
  return text.replace(TO_NORMALISE, normalised);
}
