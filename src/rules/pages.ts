/** The page a layout line of a PDF is on, from the first line of each page. */
export function pageOfLine(starts: number[], line: number): number | null {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || line < starts[0]!) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
