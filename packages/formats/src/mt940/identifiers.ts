const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;

/** Whether `text[from, to)` is upper-case letters and digits only. */
function isUpperAlnum(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isUpper(c) && !isDigit(c)) return false;
  }
  return true;
}

/**
 * `^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$`: the shape of a BIC. By character codes, since it runs
 * for every statement's `:25:` and every `?30` sub-field.
 */
export function isBic(text: string): boolean {
  const n = text.length;
  if (n !== 8 && n !== 11) return false;
  for (let i = 0; i < 6; i++) if (!isUpper(text.charCodeAt(i))) return false;
  return isUpperAlnum(text, 6, n);
}

/** `^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$`: the shape of an IBAN (no checksum test), by character codes. */
export function isIban(text: string): boolean {
  const n = text.length;
  if (n < 15 || n > 34) return false;
  return isUpper(text.charCodeAt(0)) && isUpper(text.charCodeAt(1)) && isDigit(text.charCodeAt(2)) && isDigit(text.charCodeAt(3)) && isUpperAlnum(text, 4, n);
}
