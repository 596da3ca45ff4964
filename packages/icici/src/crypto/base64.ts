const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * Decode standard base64 strictly. `Buffer.from(s, 'base64')` silently skips characters it does
 * not know, so a corrupted field would decode to *something*; here it decodes to nothing.
 * Line breaks and spaces are allowed (Java's MIME encoder inserts CRLF every 76 characters).
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}
