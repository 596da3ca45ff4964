import type { FileFormat } from '../types';

/** Result of {@link detectFormat}. */
export interface DetectedFormat {
  /** The format, or undefined when nothing fits. */
  format: FileFormat | undefined;
  /** One line saying what the decision rests on. */
  reason: string;
}

const HEAD = 64 * 1024;
const CAMT_ROOT = /<(?:[A-Za-z_][\w.-]*:)?(BkToCstmrStmt|BkToCstmrAcctRpt|BkToCstmrDbtCdtNtfctn)(?:V[0-9]{2})?[\s>/]/;
const CAMT_NAMESPACE = /camt\.05([234])\.001\.[0-9]{2}/;
const MT_TAG_LINE = /(?:^|[\r\n])(?::(?:20|25|28C?|60[FM]|61|62[FM]|86|13D?|34F|90[CD]):|\{[1-4]:)/;
const AT_AT = /@@:(?:20|25|28C?|60[FM]|61):/;
const ROOT_NAMES: Readonly<Record<string, FileFormat>> = { BkToCstmrStmt: 'camt.053', BkToCstmrAcctRpt: 'camt.052', BkToCstmrDbtCdtNtfctn: 'camt.054' };

/**
 * Which statement format a decoded text is, from its content only (never a file name): camt by
 * root element (then by namespace, for a document with no message), MT940 by a line starting
 * with a SWIFT tag or block, JSON by `[`/`{`, CSV by a consistent delimiter. MT942 is told apart
 * from MT940 per message when parsing, so detection answers `mt940` for both.
 */
export function detectFormat(text: string): DetectedFormat {
  // A byte-order mark is skipped by its code (most files have none, and short ones are used whole).
  const whole = text.length > HEAD ? text.slice(0, HEAD) : text;
  const head = whole.charCodeAt(0) === 0xfeff ? whole.slice(1) : whole;
  const start = head.trimStart();
  if (start === '') return { format: undefined, reason: 'the file is empty' };
  if (start.startsWith('<')) {
    const root = CAMT_ROOT.exec(head);
    if (root) return { format: ROOT_NAMES[root[1] as string] as FileFormat, reason: `XML with a <${root[1]}> element` };
    const namespace = CAMT_NAMESPACE.exec(head);
    if (namespace) return { format: `camt.05${namespace[1]}` as FileFormat, reason: `XML in the ${namespace[0]} namespace` };
    const name = /<([A-Za-z_][\w:.-]*)/.exec(start.replace(/^<\?[\s\S]*?\?>\s*/, ''))?.[1];
    return { format: undefined, reason: `XML${name ? ` with root <${name}>` : ''}, but no camt.052/053/054 message` };
  }
  if (start.startsWith('[') || start.startsWith('{"') || start.startsWith('{ "') || /^\{\s*"/.test(start)) return { format: 'json', reason: 'starts like JSON' };
  if (MT_TAG_LINE.test(head)) return { format: 'mt940', reason: 'a line starts with a SWIFT MT94x tag or block' };
  if (AT_AT.test(head)) return { format: 'mt940', reason: 'SWIFT MT94x tags separated by "@@"' };
  const lines = head.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 80);
  for (const delimiter of [',', ';', '\t', '|']) {
    const widths = lines.map((l) => l.split(delimiter).length).filter((w) => w >= 3);
    if (widths.length >= 2) return { format: 'csv', reason: `rows separated by ${JSON.stringify(delimiter)}` };
  }
  return { format: undefined, reason: 'no SWIFT tags, no camt XML, no JSON and no delimited rows' };
}
