import type { Channel, TransactionType } from '@recon/core';

/** What an SBI narration says: the rail, the references and, where the template has it, the other party. */
export interface SbiNarrationFacts {
  channel?: Channel;
  transactionType: TransactionType;
  utr?: string;
  rrn?: string;
  counterparty: { name?: string; ifsc?: string; vpa?: string };
}

const UTR_22 = /^[A-Z]{4}[RN][0-9A-Z]\d{16}$/;
const UTR_16 = /^[A-Z]{4}[A-Z0-9]{12}$/;
const RRN = /^\d{12}$/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;

/** Rails by marker anywhere in the text (SBI puts `BY TRANSFER-` / `TO TRANSFER-` first). */
const RAILS: ReadonlyArray<[RegExp, Channel]> = [
  [/\bNEFT\b/, 'NEFT'],
  [/\bRTGS\b/, 'RTGS'],
  [/\bIMPS/, 'IMPS'],
  [/\bUPI\//, 'UPI'],
  [/\bATM\b/, 'ATM'],
  [/\b(CLG|CHQ|CHEQUE)\b/, 'CHEQUE'],
  [/\bCASH\b/, 'CASH'],
];

const TYPES: ReadonlyArray<[RegExp, TransactionType]> = [
  [/\b(RETURN|REVERSAL|RVSL|REV)\b/, 'REVERSAL'],
  [/\b(CHARGES?|CHRGS|COMMISSION|AMC)\b/, 'FEE'],
  [/\b(INT\.?PD|INTEREST|CREDIT INTEREST)\b/, 'INTEREST'],
];

/**
 * Read an SBI narration [S: public statement samples and parsers]:
 * `BY TRANSFER-NEFT*<IFSC>*<UTR>*<name>--`, `TO TRANSFER-INB NEFT UTR NO: <UTR>--<name>`,
 * `BY TRANSFER-RTGS UTR NO: <UTR>--<name>`, `TO TRANSFER-UPI/DR/<RRN>/<name>/<bank>/<vpa>/<note>--`,
 * `BY TRANSFER-IMPS/P2A/<RRN>/<name>/<bank>--`. References are recognised by shape; the
 * counterparty only where the template places it. Never throws.
 */
export function readSbiNarration(narration: string | undefined): SbiNarrationFacts {
  const facts: SbiNarrationFacts = { transactionType: 'PAYMENT', counterparty: {} };
  if (!narration) return facts;
  const text = narration.trim();
  const upper = text.toUpperCase();
  const channel = RAILS.find(([pattern]) => pattern.test(upper))?.[1];
  if (channel) facts.channel = channel;
  facts.transactionType = TYPES.find(([pattern]) => pattern.test(upper))?.[1] ?? 'PAYMENT';
  for (const token of upper.split(/[^A-Z0-9]+/)) {
    if (!facts.utr && (UTR_22.test(token) || (UTR_16.test(token) && token.replace(/\D/g, '').length >= 6))) facts.utr = token;
    else if (!facts.rrn && (channel === 'UPI' || channel === 'IMPS') && RRN.test(token)) facts.rrn = token;
  }
  const body = text.replace(/^(BY|TO) TRANSFER-/i, '').replace(/-+$/, '');
  if (body.includes('*')) {
    // NEFT*<IFSC>*<UTR>*<name>
    const [, ifsc, , name] = body.split('*').map((p) => p.trim());
    if (ifsc && IFSC.test(ifsc.toUpperCase())) facts.counterparty.ifsc = ifsc.toUpperCase();
    if (name) facts.counterparty.name = name;
  } else if (channel === 'UPI' || channel === 'IMPS') {
    // UPI/DR/<rrn>/<name>/<bank>/<vpa>/<note>, IMPS/P2A/<rrn>/<name>/<bank>
    const parts = body.split('/').map((p) => p.trim());
    const at = parts.findIndex((p) => RRN.test(p));
    const name = at >= 0 ? parts[at + 1] : undefined;
    if (name) facts.counterparty.name = name;
    const vpa = parts.find((p) => /^[\w.-]+@[\w.-]+$/.test(p));
    if (vpa) facts.counterparty.vpa = vpa.toLowerCase();
  } else if (/UTR NO:/i.test(body)) {
    // ... UTR NO: <utr>--<name>
    const name = body.split('--')[1]?.trim();
    if (name) facts.counterparty.name = name;
  }
  return facts;
}
