/**
 * Razorpay `notes` as a plain object of strings, whatever shape it arrived in:
 * - `[]` is how Razorpay's PHP encoder writes an *empty* object (every sample without notes);
 * - recon rows have been seen with a plain string, the string `"{}"`, and `null`;
 * - values are strings in the docs, but numbers sneak in through merchant integrations.
 * A plain string that is not a JSON object is kept under the key `text`, so nothing is dropped.
 */
export function normalizeNotes(notes: unknown): Record<string, string> {
  if (notes === null || notes === undefined) return {};
  if (Array.isArray(notes)) {
    const out: Record<string, string> = {};
    notes.forEach((value, i) => {
      if (value !== null && value !== undefined) out[String(i)] = typeof value === 'string' ? value : JSON.stringify(value);
    });
    return out;
  }
  if (typeof notes === 'string') {
    const trimmed = notes.trim();
    if (trimmed === '') return {};
    if (trimmed.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return normalizeNotes(parsed);
      } catch {
        // not JSON after all: keep the text
      }
    }
    return { text: notes };
  }
  if (typeof notes === 'object') {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(notes)) {
      if (value === null || value === undefined) continue;
      out[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return out;
  }
  return { text: String(notes) };
}

/** Keys merchants commonly use in notes for their own order or invoice reference, most specific first. */
const MERCHANT_REFERENCE_KEYS = ['merchant_reference', 'merchant_order_id', 'order_reference', 'invoice_id', 'invoice', 'receipt', 'reference', 'order_id'];

/** The merchant's own reference from notes, when one of the usual keys is set. */
export function merchantReferenceFromNotes(notes: Record<string, string>): string | undefined {
  for (const key of MERCHANT_REFERENCE_KEYS) {
    const value = notes[key]?.trim();
    if (value) return value.slice(0, 256);
  }
  return undefined;
}
