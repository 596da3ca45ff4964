import type { Rng } from '@recon/core/testing';

/** A counterparty of the seeded statement (fictional names, real IFSC layout). */
export interface SbiParty {
  name: string;
  bank: string;
  ifsc: string;
  vpa: string;
}

export const SBI_PARTIES: readonly SbiParty[] = [
  { name: 'PhonePe Limited', bank: 'YESB', ifsc: 'YESB0000001', vpa: 'merchant@ybl' },
  { name: 'Upwork Escrow In', bank: 'INDB', ifsc: 'INDB0000006', vpa: 'upwork@indus' },
  { name: 'RIO PRINT', bank: 'SBIN', ifsc: 'SBIN0040669', vpa: 'rio@sbi' },
  { name: 'ACME INDIA PVT LTD', bank: 'HDFC', ifsc: 'HDFC0000001', vpa: 'acmeindia@okhdfcbank' },
  { name: 'SHARMA BUILDERS', bank: 'ICIC', ifsc: 'ICIC0000104', vpa: 'sharmabuild@okicici' },
  { name: 'RAVI KUMAR', bank: 'BARB', ifsc: 'BARB0VJMUMB', vpa: 'ravikumar@okbizaxis' },
  { name: 'NOBROKER RENT', bank: 'UTIB', ifsc: 'UTIB0000001', vpa: 'nobroker.rent@axisbank' },
];

const NOTES = ['Flex banner', 'INVOICE 1042', 'RENT', 'SALARY', 'ORDER 88121', 'ADVANCE'];

/** 12-digit RRN laid out `Y DDD HH nnnnnn` (§5). */
export function rrnFor(date: string, hour: number, rng: Rng): string {
  const dayOfYear = Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
  return `${date.slice(3, 4)}${String(dayOfYear).padStart(3, '0')}${String(hour).padStart(2, '0')}${rng.digits(6)}`;
}

/** One SBI narration and the references inside it. */
export interface SbiNarration {
  text: string;
  rail: 'NEFT' | 'RTGS' | 'IMPS' | 'UPI' | 'ATM' | 'FEE';
  utr?: string;
  rrn?: string;
}

/**
 * SBI-style narrations [S: public statement samples]: `BY TRANSFER-NEFT*<IFSC>*<UTR>*<name>--`,
 * `TO TRANSFER-INB NEFT UTR NO: <UTR>--<name>`, `BY|TO TRANSFER-RTGS UTR NO: <UTR>--<name>`,
 * `BY|TO TRANSFER-UPI/CR|DR/<RRN>/<name>/<bank>/<vpa>/<note>--`, `BY|TO TRANSFER-IMPS/P2A/<RRN>/<name>/<bank>--`,
 * `ATM WDL-ATM CASH <terminal> <city>`, charges.
 */
export function sbiNarration(direction: 'CREDIT' | 'DEBIT', date: string, hour: number, rng: Rng): SbiNarration {
  const party = rng.pick(SBI_PARTIES);
  const by = direction === 'CREDIT' ? 'BY TRANSFER' : 'TO TRANSFER';
  const compact = date.replaceAll('-', '');
  const roll = rng.next();
  if (direction === 'DEBIT' && roll < 0.08) return { text: `ATM WDL-ATM CASH ${rng.digits(4)} MUMBAI ANDHERI EAST`, rail: 'ATM' };
  if (direction === 'DEBIT' && roll < 0.13) return { text: 'TO TRANSFER-NEFT CHARGES INCL GST--', rail: 'FEE' };
  if (roll < 0.36) {
    if (direction === 'CREDIT') {
      const utr = `${party.bank}N${rng.digits(11)}`;
      return { text: `${by}-NEFT*${party.ifsc}*${utr}*${party.name}--`, rail: 'NEFT', utr };
    }
    const utr = `SBIN${rng.int(1, 9)}${rng.digits(11)}`;
    return { text: `${by}-INB NEFT UTR NO: ${utr}--${party.name}`, rail: 'NEFT', utr };
  }
  if (roll < 0.46) {
    const utr = `${direction === 'CREDIT' ? party.bank : 'SBIN'}R${rng.int(1, 9)}${compact}${rng.digits(8)}`;
    return { text: `${by}-RTGS UTR NO: ${utr}--${party.name}`, rail: 'RTGS', utr };
  }
  const rrn = rrnFor(date, hour, rng);
  if (roll < 0.64) return { text: `${by}-IMPS/P2A/${rrn}/${party.name}/${party.bank}--`, rail: 'IMPS', rrn };
  return { text: `${by}-UPI/${direction === 'CREDIT' ? 'CR' : 'DR'}/${rrn}/${party.name}/${party.bank}/${party.vpa}/${rng.pick(NOTES)}--`, rail: 'UPI', rrn };
}
