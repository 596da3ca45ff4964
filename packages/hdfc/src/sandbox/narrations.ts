import type { Rng } from '@recon/core/testing';

/** A counterparty the sandbox pays or is paid by. */
export interface Party {
  name: string;
  /** Four-letter bank code (the IFSC prefix). */
  bank: string;
  ifsc: string;
  vpa: string;
}

/** Realistic Indian counterparties (fictional names, real IFSC layout: 4 letters + `0` + 6 alphanumerics). */
export const PARTIES: readonly Party[] = [
  { name: 'RAZORPAY SOFTWARE PVT LTD', bank: 'UTIB', ifsc: 'UTIB0000001', vpa: 'razorpay@axisbank' },
  { name: 'ACME TRADERS', bank: 'SBIN', ifsc: 'SBIN0007631', vpa: 'acmetraders@oksbi' },
  { name: 'SHARMA BUILDERS', bank: 'ICIC', ifsc: 'ICIC0000104', vpa: 'sharmabuild@okicici' },
  { name: 'KAVYA BHAT', bank: 'KKBK', ifsc: 'KKBK0000958', vpa: 'kavya.bhat@kotak' },
  { name: 'SWIGGY LTD', bank: 'YESB', ifsc: 'YESB0YBLUPI', vpa: 'swiggy@ybl' },
  { name: 'MERIDIAN SOLAR EPC', bank: 'PUNB', ifsc: 'PUNB0012300', vpa: 'meridiansolar@pnb' },
  { name: 'RAVI KUMAR', bank: 'BARB', ifsc: 'BARB0VJMUMB', vpa: 'ravikumar@okbizaxis' },
  { name: 'OFFICE WORKS', bank: 'HDFC', ifsc: 'HDFC0000240', vpa: 'officeworks@okhdfcbank' },
];

const NOTES = ['INVOICE 1042', 'SALARY', 'RENT', 'SETTLEMENT', 'ORDER 88121', 'REFUND', 'VENDOR PAYMENT', 'ADVANCE'];

/** 12-digit RRN laid out `Y DDD HH nnnnnn` (last digit of the year, day of year, hour, sequence), as IMPS RRNs are (§5). */
export function rrnFor(date: string, hour: number, rng: Rng): string {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  const dayOfYear = Math.floor((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000) + 1;
  return `${date.slice(3, 4)}${String(dayOfYear).padStart(3, '0')}${String(hour).padStart(2, '0')}${rng.digits(6)}`;
}

/** A 22-character UTR (`XXXX` + `N`/`R` + channel digit + YYYYMMDD + 8 digits), the RTGS and newer NEFT layout (§5). */
export function utr22(bank: string, rail: 'N' | 'R', date: string, rng: Rng): string {
  return `${bank}${rail}${rng.int(1, 9)}${date.replaceAll('-', '')}${rng.digits(8)}`;
}

/** A classic 16-character NEFT UTR: bank code, two letters, ten digits (e.g. `AXISCN0118376057`). */
export function utr16(bank: string, rng: Rng): string {
  return `${bank}${rng.pick(['CN', 'CH', 'HN'])}${rng.digits(10)}`;
}

/** One narration with the references it carries. */
export interface Narration {
  text: string;
  rail: 'NEFT' | 'RTGS' | 'IMPS' | 'UPI' | 'ATM' | 'FEE';
  utr?: string;
  rrn?: string;
  party?: Party;
}

/**
 * An HDFC-style narration for a credit or debit on `date` [S: public statement parsers and SMS
 * samples]: `NEFT CR-<IFSC>-<name>-<note>-<UTR>`, `NEFT DR-<IFSC>-<name>-NETBANK, MUM-<UTR>-<note>`,
 * `RTGS CR-<IFSC>-<name>-<UTR>`, `IMPS-<RRN>-<name>-<bank>-XXXXXXXX<4>-<note>`,
 * `UPI-<name>-<vpa>-<IFSC>-<RRN>-<note>`, `ATW-<card>-<terminal>-<city>`, `CHGS ...`.
 */
export function hdfcNarration(direction: 'CREDIT' | 'DEBIT', date: string, hour: number, rng: Rng): Narration {
  const party = rng.pick(PARTIES);
  const note = rng.pick(NOTES);
  const roll = rng.next();
  if (direction === 'DEBIT' && roll < 0.08) return { text: `ATW-512345XXXXXX${rng.digits(4)}-S1ANMU${rng.digits(2)}-MUMBAI`, rail: 'ATM' };
  if (direction === 'DEBIT' && roll < 0.14) return { text: 'CHGS FOR NEFT TXN INCL GST', rail: 'FEE' };
  if (roll < 0.38) {
    if (direction === 'CREDIT') {
      const utr = rng.chance(0.5) ? utr22(party.bank, 'N', date, rng) : utr16(party.bank, rng);
      return { text: `NEFT CR-${party.ifsc}-${party.name}-${note}-${utr}`, rail: 'NEFT', utr, party };
    }
    const utr = utr22('HDFC', 'N', date, rng);
    return { text: `NEFT DR-${party.ifsc}-${party.name}-NETBANK, MUM-${utr}-${note}`, rail: 'NEFT', utr, party };
  }
  if (roll < 0.48) {
    const utr = utr22(direction === 'CREDIT' ? party.bank : 'HDFC', 'R', date, rng);
    return { text: `RTGS ${direction === 'CREDIT' ? 'CR' : 'DR'}-${party.ifsc}-${party.name}-${utr}`, rail: 'RTGS', utr, party };
  }
  const rrn = rrnFor(date, hour, rng);
  if (roll < 0.68) return { text: `IMPS-${rrn}-${party.name}-${party.bank}-XXXXXXXX${rng.digits(4)}-${note}`, rail: 'IMPS', rrn, party };
  return { text: `UPI-${party.name}-${party.vpa}-${party.ifsc}-${rrn}-${note}`, rail: 'UPI', rrn, party };
}
