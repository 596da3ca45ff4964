import type { Channel, TransactionType } from '@recon/core';

/** What an HDFC narration says beyond its text: the rail, the references, the other party. */
export interface NarrationFacts {
  channel?: Channel;
  transactionType: TransactionType;
  utr?: string;
  rrn?: string;
  upiTxnId?: string;
  counterparty: { name?: string; ifsc?: string; vpa?: string };
}

/** Leading markers of HDFC narrations [S: public statement parsers and SMS samples]. */
const CHANNEL_PREFIXES: ReadonlyArray<[RegExp, Channel]> = [
  [/^NEFT\b/, 'NEFT'],
  [/^RTGS\b/, 'RTGS'],
  [/^(MMT\/)?IMPS\b/, 'IMPS'],
  [/^UPI\b/, 'UPI'],
  [/^(ATW|NWD|EAW)-/, 'ATM'],
  [/^POS\b/, 'CARD'],
  [/^(CHQ|CLG|CHEQUE)\b/, 'CHEQUE'],
  [/^(CASH|BY CASH)\b/, 'CASH'],
  [/^(IB FUNDS TRANSFER|FT\b|FUNDS TRF)/, 'INTERNAL'],
];

const TYPE_MARKERS: ReadonlyArray<[RegExp, TransactionType]> = [
  [/\b(RVSL|REVERSAL|RETURN|REV)\b/, 'REVERSAL'],
  [/^(I|C|S)?GST\b/, 'TAX'],
  [/\b(CHGS|CHARGES?|FEE)\b/, 'FEE'],
  [/\b(INT\.?PD|INTEREST)\b/, 'INTEREST'],
];

/** RTGS UTR and the 22-character NEFT UTR: bank code, R/N, channel digit, YYYYMMDD, sequence (§5). */
const UTR_22 = /^[A-Z]{4}[RN][0-9A-Z]\d{16}$/;
/** Classic 16-character NEFT UTR: bank code + 12 characters, at least 6 of them digits (a word is not a UTR). */
const UTR_16 = /^[A-Z]{4}[A-Z0-9]{12}$/;
const RRN = /^\d{12}$/;
const UPI_TXN_ID = /^[A-Z]{3}[A-Z0-9]{32}$/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const digits = (token: string) => token.replace(/\D/g, '').length;

/**
 * Read an HDFC narration: `NEFT CR-<IFSC>-<name>-<note>-<UTR>`, `RTGS CR-<IFSC>-<name>-<UTR>`,
 * `IMPS-<RRN>-<name>-<bank>-<account>-<note>`, `UPI-<name>-<vpa>-<IFSC>-<RRN>-<note>`. Reference
 * tokens are recognised by shape wherever they sit, because templates drift and get truncated; the
 * counterparty only where the template puts it. Never throws; unknown text gives only the type.
 */
export function readNarration(narration: string | undefined): NarrationFacts {
  const facts: NarrationFacts = { transactionType: 'PAYMENT', counterparty: {} };
  if (!narration) return facts;
  const upper = narration.trim().toUpperCase();
  const channel = CHANNEL_PREFIXES.find(([pattern]) => pattern.test(upper))?.[1];
  if (channel) facts.channel = channel;
  facts.transactionType = TYPE_MARKERS.find(([pattern]) => pattern.test(upper))?.[1] ?? 'PAYMENT';

  for (const token of upper.split(/[^A-Z0-9]+/)) {
    if (!facts.utr && (UTR_22.test(token) || (UTR_16.test(token) && digits(token) >= 6))) facts.utr = token;
    else if (!facts.rrn && RRN.test(token) && (channel === 'IMPS' || channel === 'UPI')) facts.rrn = token;
    else if (!facts.upiTxnId && channel === 'UPI' && UPI_TXN_ID.test(token)) facts.upiTxnId = token;
  }

  const parts = narration.trim().split('-').map((part) => part.trim());
  const ifsc = parts.find((part) => IFSC.test(part.toUpperCase()));
  if (ifsc) facts.counterparty.ifsc = ifsc.toUpperCase();
  const vpa = parts.find((part) => /^[\w.-]+@[\w.-]+$/.test(part));
  if (vpa) facts.counterparty.vpa = vpa.toLowerCase();
  const nameAt = channel === 'UPI' ? 1 : channel === 'NEFT' || channel === 'RTGS' || channel === 'IMPS' ? 2 : -1;
  const name = nameAt > 0 ? parts[nameAt] : undefined;
  if (name && !RRN.test(name) && !IFSC.test(name.toUpperCase())) facts.counterparty.name = name;
  return facts;
}
