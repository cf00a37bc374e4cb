/**
 * Character normalisation for extracted text. Some PDFs map CJK characters to Kangxi radicals or
 * CJK-radical supplement code points (`⻔` for `门`). We normalise those ranges only: NFKC on the
 * Kangxi radicals and compatibility ideographs, a small table for the supplement (which NFKC leaves
 * alone), and nothing else, so full-width punctuation and brackets stay as printed.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺇': '几',
  '⺌': '小',
  '⺍': '小',
  '⺎': '兀',
  '⺏': '尣',
  '⺐': '尢',
  '⺑': '𡯂',
  '⺒': '巳',
  '⺓': '幺',
  '⺔': '彑',
  '⺖': '忄',
  '⺗': '心',
  '⺘': '扌',
  '⺙': '攵',
  '⺛': '旡',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⺡': '氵',
  '⺢': '氺',
  '⺣': '灬',
  '⺤': '爫',
  '⺦': '丬',
  '⺨': '犭',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '罒',
  '⺬': '示',
  '⺭': '礻',
  '⺯': '糸',
  '⺰': '纟',
  '⺲': '罒',
  '⺳': '网',
  '⺶': '羊',
  '⺷': '羊',
  '⺹': '耂',
  '⺺': '肀',
  '⺻': '聿',
  '⺼': '肉',
  '⺽': '臼',
  '⺾': '艹',
  '⺿': '艹',
  '⻀': '艹',
  '⻁': '虎',
  '⻂': '衤',
  '⻃': '覀',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻇': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻍': '辶',
  '⻏': '阝',
  '⻐': '钅',
  '⻑': '長',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻕': '阝',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻟': '食',
  '⻠': '饣',
  '⻡': '首',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '齐',
  '⻬': '齐',
  '⻭': '齿',
  '⻮': '齿',
  '⻯': '龙',
  '⻰': '龙',
  '⻱': '龟',
  '⻲': '龟',
  '⻳': '龟',
};

function inNfkcRange(code: number): boolean {
  return (
    (code >= 0x2f00 && code <= 0x2fdf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2f800 && code <= 0x2fa1f)
  );
}

const RADICALS = /[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/u;

/** The text has a character that normalizeCjk changes or looks up. */
export function hasRadicals(text: string): boolean {
  return RADICALS.test(text);
}

/** Normalise Kangxi radicals and compatibility ideographs to the unified ideographs they stand for. */
export function normalizeCjk(text: string): string {
  if (!RADICALS.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (inNfkcRange(code)) out += ch.normalize('NFKC');
    else out += SUPPLEMENT[ch] ?? ch;
  }
  return out;
}

/** CJK characters and punctuation, full-width forms, curly quotes and book-title marks. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x300a ||
    code === 0x300b
  );
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 12 ||
    code === 11
  );
}

/** Join text broken by layout: drop whitespace next to CJK characters, collapse the rest. */
export function compactText(text: string): string {
  // Copy runs of non-space characters as slices; decide at each whitespace run whether it stays
  // as one space (between two non-CJK characters) or goes.
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  while (i < n) {
    let j = i;
    while (j < n && !isSpace(text.charCodeAt(j))) j++;
    out += text.slice(i, j);
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (k < n && k > j && !isCjk(text.charCodeAt(j - 1)) && !isCjk(text.charCodeAt(k))) out += ' ';
    i = k;
  }
  return out;
}

/** Remove every space: for matching labels printed with letter spacing (`合 计`). */
export function squash(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** The first code unit of `squash(text)`, or -1 when that is empty: a cheap test before squashing. */
export function squashedHead(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isSpace(code)) return code;
  }
  return -1;
}
