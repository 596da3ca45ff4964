/**
 * Decoders for the single-byte code pages the WHATWG TextDecoder in Node 20 gets wrong or lacks.
 * Node 20 decodes `windows-1252` as ISO-8859-1 (0x80 becomes U+0080 instead of €), and it has no
 * IBM code page 852 at all, so both are tables here: 128 characters each, nothing to install.
 */

/** windows-1252 0x80–0x9F; the five undefined bytes map to themselves (as WHATWG specifies). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** IBM 852 (DOS Latin-2) 0x80–0xFF, as Python's `cp852` codec maps it. */
const CP852_HIGH =
  'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00AD˝˛ˇ˘§÷¸°¨˙űŘř■\u00A0';

/** The windows-1252 bytes with no character assigned (a hint that the text is really ISO-8859-1). */
export const CP1252_UNDEFINED: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function tableDecoder(high: (byte: number) => string, differs: RegExp): (bytes: Uint8Array) => string {
  return (bytes) => {
    // Latin-1 first (fast, native), then patch only the characters that differ. A native search
    // for the first one, since most files have none.
    const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const firstHigh = latin.search(differs);
    if (firstHigh < 0) return latin;
    let out = '';
    let from = 0;
    for (let i = firstHigh; i < latin.length; i++) {
      const code = latin.charCodeAt(i);
      if (code < 0x80) continue;
      const replacement = high(code);
      if (replacement === latin[i]) continue;
      out += latin.slice(from, i) + replacement;
      from = i + 1;
    }
    return out + latin.slice(from);
  };
}

/** Decode windows-1252 bytes. */
export const decodeCp1252 = tableDecoder((code) => (code <= 0x9f ? (CP1252_HIGH[code - 0x80] as string) : String.fromCharCode(code)), /[\x80-\x9f]/);

/** Decode IBM 852 bytes. */
export const decodeCp852 = tableDecoder((code) => CP852_HIGH[code - 0x80] as string, /[\x80-\xff]/);
