import type { Channel, TransactionType } from '@recon/core';
import { isIfsc, isRrn, isUpiTxnId, isUtr } from './references';

/** What an ICICI narration (`REMARKS`) says about a statement line. */
export interface NarrationFacts {
  /** Payment rail, when the template names one. */
  channel?: Channel;
  transactionType: TransactionType;
  /** NEFT/RTGS UTR. */
  utr?: string;
  /** IMPS/UPI 12-digit RRN. */
  rrn?: string;
  /** 35-character NPCI UPI transaction id, when one appears. */
  upiTxnId?: string;
  /** Another bank reference the template carries (internal transfer or bill-pay ref). */
  reference?: string;
  counterparty?: { name?: string; vpa?: string; ifsc?: string; bank?: string };
}

type Rule = { pattern: RegExp; read: (m: RegExpExecArray) => Omit<NarrationFacts, 'transactionType'> & { transactionType?: TransactionType } };

const clean = (text: string | undefined): string | undefined => {
  const value = text?.trim().replace(/\s+/g, ' ');
  return value ? value.slice(0, 256) : undefined;
};
const utrOf = (value: string | undefined): { utr?: string } => (value && isUtr(value.toUpperCase()) ? { utr: value.toUpperCase() } : {});
const rrnOf = (value: string | undefined): { rrn?: string } => (value && isRrn(value) ? { rrn: value } : {});
const segments = (rest: string | undefined): string[] => (rest ?? '').split('/').map((s) => s.trim()).filter((s) => s !== '');

/** Counterparty from trailing `/`-separated segments: a VPA (has `@`), an IFSC, the first other segment as the name. */
function partyFromSegments(parts: string[], options: { nameFirst: boolean }): NarrationFacts['counterparty'] {
  const vpaAt = parts.findIndex((p) => /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$/.test(p));
  const ifsc = parts.find((p) => isIfsc(p.toUpperCase()));
  const vpa = vpaAt >= 0 ? parts[vpaAt] : undefined;
  const bank = vpaAt >= 0 ? clean(parts[vpaAt + 1]) : undefined;
  const name = options.nameFirst ? clean(parts.find((p) => p !== vpa && p !== ifsc)) : undefined;
  const party = { ...(name && { name }), ...(vpa && { vpa }), ...(ifsc && { ifsc: ifsc.toUpperCase() }), ...(bank && { bank }) };
  return Object.keys(party).length > 0 ? party : undefined;
}

/**
 * RazorpayX's production code turns a NEFT return reference such as `23629988951DC` into the
 * 12-digit UTR `023629988951`: drop the trailing letters, left-pad the digits to 12.
 */
function neftReturnUtr(ref: string): string | undefined {
  const m = /^([0-9]{1,12})[A-Z]*$/.exec(ref);
  return m ? m[1]!.padStart(12, '0') : undefined;
}

/**
 * The ICICI templates (bank-apis.md §2.6, from RazorpayX's production ICICI statement code),
 * most specific first. Matched case-insensitively, so names and VPAs keep their case; references
 * are upper-cased.
 */
const RULES: readonly Rule[] = [
  {
    pattern: /^NEFT-RETURN-([A-Z0-9]+)-?(.*)$/i,
    read: (m) => {
      const reference = m[1]!.toUpperCase();
      const utr = neftReturnUtr(reference);
      return { channel: 'NEFT', transactionType: 'REVERSAL', reference, ...(utr && { utr }) };
    },
  },
  { pattern: /^NEFT-([A-Z0-9]+)-([^-]*)/i, read: (m) => ({ channel: 'NEFT', ...utrOf(m[1]), counterparty: clean(m[2]) ? { name: clean(m[2])! } : undefined }) },
  { pattern: /^RTGS-([A-Z0-9]+)-([^-]*)/i, read: (m) => ({ channel: 'RTGS', ...utrOf(m[1]), counterparty: clean(m[2]) ? { name: clean(m[2])! } : undefined }) },
  { pattern: /^RTGS\/([A-Z0-9]+)\/?(.*)$/i, read: (m) => ({ channel: 'RTGS', ...utrOf(m[1]), counterparty: partyFromSegments(segments(m[2]), { nameFirst: true }) }) },
  { pattern: /^INF\/NEFT\/([A-Z0-9]+)\/?(.*)$/i, read: (m) => ({ channel: 'NEFT', ...utrOf(m[1]), counterparty: partyFromSegments(segments(m[2]), { nameFirst: true }) }) },
  { pattern: /^(?:INF|BIL)\/INFT\/([A-Z0-9]+)\/?(.*)$/i, read: (m) => ({ channel: 'INTERNAL', reference: m[1]!.toUpperCase(), counterparty: partyFromSegments(segments(m[2]), { nameFirst: true }) }) },
  { pattern: /^BIL\/(?:BPAY|ONL)\/([A-Z0-9]+)\/?(.*)$/i, read: (m) => ({ channel: 'NETBANKING', transactionType: 'PAYMENT', reference: m[1]!.toUpperCase(), counterparty: partyFromSegments(segments(m[2]), { nameFirst: true }) }) },
  { pattern: /^(?:PRO-|FT-)?MMT\/IMPS\/([0-9]{12})\/?(.*)$/i, read: (m) => ({ channel: 'IMPS', ...rrnOf(m[1]), counterparty: partyFromSegments(segments(m[2]), { nameFirst: true }) }) },
  { pattern: /^MMT IMPS ([0-9]{12})\b\s*(.*)$/i, read: (m) => ({ channel: 'IMPS', ...rrnOf(m[1]) }) },
  {
    pattern: /^IMPS ([0-9]{12}) [0-9]{2} [0-9]{2} [0-9]{4}\s*(.*)$/i,
    read: (m) => ({ channel: 'IMPS', ...rrnOf(m[1]), counterparty: clean(m[2]) ? { bank: clean(m[2])! } : undefined }),
  },
  { pattern: /^UPI\/RVSL([0-9]{12})\/?(.*)$/i, read: (m) => ({ channel: 'UPI', transactionType: 'REVERSAL', ...rrnOf(m[1]), counterparty: partyFromSegments(segments(m[2]), { nameFirst: false }) }) },
  { pattern: /^UPI\/([0-9]{12})\/?(.*)$/i, read: (m) => ({ channel: 'UPI', ...rrnOf(m[1]), counterparty: partyFromSegments(segments(m[2]), { nameFirst: false }) }) },
  { pattern: /^(?:CLG|CHQ|CHEQUE)\b/i, read: () => ({ channel: 'CHEQUE' }) },
];

/** Line kinds that are not transfers, recognised by words ICICI uses in their narrations. */
function kindFromWords(upper: string): TransactionType | undefined {
  if (/\bGST\b|\bCGST\b|\bSGST\b|\bIGST\b/.test(upper)) return 'TAX';
  if (/\bCHRGS?\b|\bCHARGES?\b|\bCHGS?\b|\bFEE\b/.test(upper)) return 'FEE';
  if (/\bINT\.?\s?PD\b|\bINTEREST\b/.test(upper)) return 'INTEREST';
  return undefined;
}

/**
 * Read an ICICI narration: rail, kind of line, and the references reconciliation matches on (UTR,
 * RRN, UPI transaction id, internal refs) plus whatever the template says about the other party.
 * Template first; then any UTR- or UPI-id-shaped token anywhere (bare 12-digit runs are *not*
 * taken outside a template: a 12-digit account number looks exactly like an RRN).
 */
export function parseRemarks(remarks: string | undefined): NarrationFacts {
  const text = (remarks ?? '').trim();
  const upper = text.toUpperCase();
  let facts: NarrationFacts = { transactionType: 'TRANSFER' };
  let matched = false;
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const read = rule.read(m);
    facts = {
      transactionType: read.transactionType ?? 'TRANSFER',
      ...(read.channel && { channel: read.channel }),
      ...(read.utr && { utr: read.utr }),
      ...(read.rrn && { rrn: read.rrn }),
      ...(read.reference && { reference: read.reference }),
      ...(read.counterparty && { counterparty: read.counterparty }),
    };
    matched = true;
    break;
  }
  // A UTR-shaped token counts where a UTR can be: outside the templates, or on a NEFT/RTGS line
  // whose template slot held none. On a UPI or IMPS line it would be some other code.
  const utrExpected = !matched || facts.channel === 'NEFT' || facts.channel === 'RTGS';
  for (const token of upper.split(/[^A-Z0-9]+/)) {
    if (utrExpected && !facts.utr && (token.length === 16 || token.length === 22) && isUtr(token)) facts.utr = token;
    if (!facts.upiTxnId && token.length === 35 && isUpiTxnId(token)) facts.upiTxnId = token;
  }
  // Only lines outside the transfer templates are charges, tax or interest: "SCHOOL FEE" in a
  // NEFT credit's purpose is still a transfer.
  if (!matched) facts.transactionType = kindFromWords(upper) ?? (facts.utr ? 'TRANSFER' : 'OTHER');
  return facts;
}
