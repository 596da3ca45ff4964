import { FormatErrorCode, fileError } from '../errors';
import { continuityWarnings } from '../statement/balance-check';
import type { FormatWarning, Statement, StatementFormat } from '../types';
import { buildCamtEntry } from './entry';
import { buildCamtRecord, type CollectedEntries } from './record';
import { parseXml, type XmlElement } from './xml/parse-xml';
import { attribute, child, textAt } from './xml/query';

/** The three camt message kinds, by root element (without the `V01` suffix of version 1). */
const MESSAGES: ReadonlyArray<{ root: string; record: string; format: StatementFormat }> = [
  { root: 'BkToCstmrStmt', record: 'Stmt', format: 'camt.053' },
  { root: 'BkToCstmrAcctRpt', record: 'Rpt', format: 'camt.052' },
  { root: 'BkToCstmrDbtCdtNtfctn', record: 'Ntfctn', format: 'camt.054' },
];
const RECORD_NAMES: ReadonlySet<string> = new Set(MESSAGES.map((m) => m.record));
const ENTRY: ReadonlySet<string> = new Set(['Ntry']);

/** Result of {@link parseCamt}. */
export interface CamtResult {
  format: StatementFormat;
  /** `camt.053.001.08`, from the namespace (or the `AppHdr`), when it names one. */
  messageName?: string;
  messageId?: string;
  createdAt?: string;
  statements: Statement[];
  warnings: FormatWarning[];
}

function messageKind(element: XmlElement) {
  const bare = element.name.replace(/V[0-9]{2}$/, '');
  return MESSAGES.find((m) => m.root === bare);
}

/** Breadth-first search for the message element: it sits in `Document`, possibly inside a BAH wrapper. */
function findMessage(root: XmlElement): { element: XmlElement; kind: (typeof MESSAGES)[number] } | undefined {
  const queue: Array<{ element: XmlElement; depth: number }> = [{ element: root, depth: 0 }];
  while (queue.length > 0) {
    const { element, depth } = queue.shift() as { element: XmlElement; depth: number };
    const kind = messageKind(element);
    if (kind) return { element, kind };
    if (depth < 4) for (const c of element.children) queue.push({ element: c, depth: depth + 1 });
  }
  return undefined;
}

function namespaceMessage(root: XmlElement): string | undefined {
  const queue = [root];
  for (let i = 0; i < queue.length && i < 50; i++) {
    const element = queue[i] as XmlElement;
    for (const value of Object.values(element.attributes ?? {})) {
      const match = /camt\.05[234]\.001\.[0-9]{2}/.exec(value);
      if (match) return match[0];
    }
    const defined = element.name === 'MsgDefIdr' ? /camt\.05[234]\.001\.[0-9]{2}/.exec(element.text) : null;
    if (defined) return defined[0];
    queue.push(...element.children);
  }
  return undefined;
}

/**
 * Parse camt.052 (account report), camt.053 (statement) or camt.054 (debit/credit notification),
 * any `001.NN` version. The message is recognised by its root element, so a misspelt namespace
 * (`iso:20023`) or a Business Application Header wrapper (`AppHdr` + `Document`) does not matter.
 * Entries are converted as the XML streams past and their elements dropped, so memory holds the
 * text, the results and one entry's elements.
 *
 * @throws InvalidDataError `FORMAT_UNKNOWN` (XML but not camt.05x), `NOT_A_STATEMENT` (a camt
 *   message without any `Stmt`/`Rpt`/`Ntfctn`), `XML_MALFORMED`, `XML_DTD_FORBIDDEN`, `XML_TOO_DEEP`.
 */
export function parseCamt(text: string): CamtResult {
  const collected = new Map<XmlElement, CollectedEntries>();
  const root = parseXml(text, {
    detach: ENTRY,
    onDetached(ntry, parent) {
      let bucket = collected.get(parent);
      if (!bucket) {
        bucket = { entries: [], errors: [] };
        collected.set(parent, bucket);
      }
      // Entries are numbered in file order, unreadable ones included, so indexes match the file.
      const index = bucket.entries.length + bucket.errors.filter((e) => e.code === FormatErrorCode.ENTRY_INVALID).length;
      const built = buildCamtEntry(ntry, { text, index, accountCurrency: textAt(parent, 'Acct', 'Ccy') });
      if (built.entry) bucket.entries.push(built.entry);
      if (built.error) bucket.errors.push(built.error);
    },
  });
  const found = findMessage(root);
  const messageName = namespaceMessage(root);
  if (!found) {
    if (messageName) {
      throw fileError(FormatErrorCode.NOT_A_STATEMENT, `The ${messageName} document holds no BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn message`, text);
    }
    throw fileError(FormatErrorCode.FORMAT_UNKNOWN, `XML root <${root.name}> is not a camt.052, camt.053 or camt.054 message`, text);
  }
  const { element, kind } = found;
  const records = element.children.filter((c) => RECORD_NAMES.has(c.name));
  if (records.length === 0) {
    throw fileError(FormatErrorCode.NOT_A_STATEMENT, `The ${kind.format} message holds no <${kind.record}>: there is no statement in it`, text);
  }
  const header = child(element, 'GrpHdr');
  const messageId = textAt(header, 'MsgId');
  const createdAt = textAt(header, 'CreDtTm');
  const statements = records.map((record) =>
    buildCamtRecord(record, messageKind(element)?.format ?? kind.format, collected.get(record) ?? { entries: [], errors: [] }, createdAt, text),
  );
  const warnings: FormatWarning[] = [];
  const misplaced = [...collected.keys()].filter((parent) => !records.includes(parent));
  if (misplaced.length > 0) {
    warnings.push({
      code: 'ENTRIES_OUTSIDE_STATEMENT',
      message: `${misplaced.length} element(s) outside any ${kind.record} hold <Ntry> elements; they were not read as statement entries`,
      // Nothing is dropped silently: the entries' text travels with the warning.
      data: {
        parents: misplaced.map((p) => p.name),
        entries: misplaced.flatMap((p) => {
          const bucket = collected.get(p) as CollectedEntries;
          return [...bucket.entries.map((e) => e.raw), ...bucket.errors.map((e) => String(e.raw))];
        }),
      },
    });
  }
  const namespace = attribute(root, 'xmlns');
  if (namespace !== undefined && !/^urn:iso:std:iso:20022:tech:xsd:/.test(namespace)) {
    warnings.push({ code: 'NAMESPACE_UNEXPECTED', message: `Unexpected namespace ${namespace}; read by root element`, data: { namespace } });
  }
  for (const { statement, warning } of continuityWarnings(statements)) statement.warnings.push(warning);
  return {
    format: kind.format,
    ...(messageName && { messageName }),
    ...(messageId && { messageId }),
    ...(createdAt && { createdAt }),
    statements,
    warnings,
  };
}
