import type { BenchRng } from './rng';
import { begin, end, put, putDigits, putPadded } from './text';

/** The rail a settlement was paid out on: decides the UTR layout and the narration template. */
export type PayoutRail = 'NEFT' | 'RTGS';

/** A settlement payout reference as banks show it. */
export interface Utr {
  rail: PayoutRail;
  value: string;
}

/**
 * A UTR in one of the layouts seen in the wild (`reference/bank-apis.md` §5): classic 16-character
 * NEFT (`AXISCN0118376057`, `KKBKH14156891582`), the newer 22-character NEFT
 * (`ICICN42025030751922184`) and 22-character RTGS (`UTIBR52024040112345678`).
 * `yyyymmdd` is the payout date.
 */
export function randomUtr(rng: BenchRng, yyyymmdd: string): Utr {
  const u = rng.next();
  begin();
  if (u < 0.35) {
    put('AXISCN');
    putDigits(rng, 10);
    return { rail: 'NEFT', value: end() };
  }
  if (u < 0.6) {
    put('KKBKH');
    putDigits(rng, 11);
    return { rail: 'NEFT', value: end() };
  }
  if (u < 0.85) {
    put('ICICN4');
    put(yyyymmdd);
    putDigits(rng, 8);
    return { rail: 'NEFT', value: end() };
  }
  put('UTIBR5');
  put(yyyymmdd);
  putDigits(rng, 8);
  return { rail: 'RTGS', value: end() };
}

/** How the UTR appears in a narration. */
export type UtrPresence = 'full' | 'truncated' | 'absent';

/** Characters cut from the end of a truncated UTR (banks cap narration fields). */
export const TRUNCATED_CHARS = 4;

/**
 * The bank narration of a settlement credit, in one of the templates Indian banks use:
 * `NEFT-<UTR>-RAZORPAY SOFTWARE` (ICICI), `BY TRANSFER-NEFT*<UTR>*RAZORPAY` (SBI),
 * `NEFT CR-<UTR>-RAZORPAY …` (HDFC) and `RTGS/<UTR>/RAZORPAY` for RTGS.
 */
export function settlementNarration(rng: BenchRng, utr: Utr, presence: UtrPresence): string {
  const ref = presence === 'full' ? utr.value : presence === 'truncated' ? utr.value.slice(0, -TRUNCATED_CHARS) : '';
  begin();
  if (utr.rail === 'RTGS') {
    put(ref ? `RTGS/${ref}/RAZORPAY SOFTWARE PVT LTD` : 'RTGS CR RAZORPAY SOFTWARE PVT LTD');
    return end();
  }
  const template = rng.int(0, 2);
  if (template === 0) put(ref ? `NEFT-${ref}-RAZORPAY SOFTWARE PVT LTD` : 'NEFT-RAZORPAY SOFTWARE PVT LTD');
  else if (template === 1) put(ref ? `BY TRANSFER-NEFT*${ref}*RAZORPAY SOFTWARE` : 'BY TRANSFER-NEFT*RAZORPAY SOFTWARE');
  else put(ref ? `NEFT CR-${ref}-RAZORPAY SOFTWARE PRIVATE LIMITED` : 'NEFT CR-RAZORPAY SOFTWARE PRIVATE LIMITED');
  return end();
}

/** Narration of a bank line that has nothing to do with the gateway (payroll, vendors, other payers). */
export function unrelatedNarration(rng: BenchRng, credit: boolean, yyyymmdd: string): string {
  begin();
  if (credit) {
    if (rng.chance(0.5)) {
      put('NEFT-HDFCN5');
      put(yyyymmdd);
      putDigits(rng, 8);
      put('-ACME TRADERS PVT LTD');
    } else {
      put('IMPS ');
      putDigits(rng, 12);
      put(' CUSTOMER REFUND REVERSAL');
    }
  } else if (rng.chance(0.5)) {
    put('INF/NEFT/SBINN5');
    put(yyyymmdd);
    putDigits(rng, 8);
    put('/SBIN0000');
    putPadded(rng.int(100, 999), 3);
    put('/OFFICE RENT');
  } else {
    put('UPI/');
    putDigits(rng, 12);
    put('/VENDOR PAYMENT/vendor@okaxis/AXIS');
  }
  return end();
}
