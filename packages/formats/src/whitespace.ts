/**
 * Whether a character code is white space as JavaScript's `\s` and `String.prototype.trim` see it
 * (the two agree): tab to carriage return, space, no-break space, the Unicode space separators,
 * line and paragraph separators, and the byte-order mark. For scanners that test characters
 * instead of building trimmed copies or running patterns.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text.trim() === ''` without making the trimmed copy: usually settled by the first character. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}
