import { formatMoney, money } from '@recon/core';
import { createRng, type Rng } from '@recon/core/testing';
import { IST_OFFSET_MS, istDayOf } from '../mapping/ist-dates';
import { BANKS, BILLERS, COMPANIES, PEOPLE, PURPOSES, UPI_HANDLES, type Bank } from './vocabulary';

/** A statement row exactly as the sandbox serves it: strings only, possibly broken on purpose. */
export type ServedRow = Record<string, string>;

/** Why a row is deliberately invalid. */
export type InvalidKind = 'bad_amount' | 'bad_txndate' | 'bad_type';

/** One row plus what the server needs to filter and page it. */
export interface DatasetEntry {
  row: ServedRow;
  /** Posting instant (epoch ms); rows are served in this order. */
  at: number;
  /** IST posting day, `YYYY-MM-DD`: what `FROMDATE`/`TODATE` select on. */
  day: string;
  invalid?: InvalidKind;
}

/** A generated statement. */
export interface IciciDataset {
  accountNumber: string;
  /** Every row in serving order. */
  entries: DatasetEntry[];
  /** Rows that must become records, in serving order. */
  validRows: ServedRow[];
  /** Deliberately invalid rows, in serving order. */
  invalidRows: ServedRow[];
  /** IST days of the first and last row. */
  firstDay: string;
  lastDay: string;
}

/** Options of {@link createIciciDataset}. */
export interface IciciDatasetOptions {
  seed: number | string;
  count: number;
  accountNumber: string;
  /** IST day of the first row [2024-04-01]. */
  start?: string;
  /** Largest gap between two rows, in minutes [240]. Raise it to spread rows over years. */
  maxGapMinutes?: number;
  /** Make every n-th row invalid, cycling through the kinds. */
  invalidEvery?: number;
}

const INVALID_KINDS: readonly InvalidKind[] = ['bad_amount', 'bad_txndate', 'bad_type'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `dd-mm-yyyy HH:MM:SS` and `dd-mm-yyyy` in IST, as ICICI writes them. */
function iciciTimes(at: number): { txnDate: string; valueDate: string } {
  const ist = new Date(at + IST_OFFSET_MS);
  const date = `${pad(ist.getUTCDate())}-${pad(ist.getUTCMonth() + 1)}-${ist.getUTCFullYear()}`;
  return { txnDate: `${date} ${pad(ist.getUTCHours())}:${pad(ist.getUTCMinutes())}:${pad(ist.getUTCSeconds())}`, valueDate: date };
}

function dayOfYear(at: number): string {
  const ist = new Date(at + IST_OFFSET_MS);
  return pad(Math.floor((ist.getTime() - Date.UTC(ist.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
}

/** IMPS/UPI RRN: last digit of the year, day of year, hour (IST), 6-digit sequence. */
function rrn(rng: Rng, at: number): string {
  const ist = new Date(at + IST_OFFSET_MS);
  return `${String(ist.getUTCFullYear()).slice(-1)}${dayOfYear(at)}${pad(ist.getUTCHours())}${rng.digits(6)}`;
}

/** Classic 16-character NEFT UTR: bank code, `N`, year digit, day of year, 7-digit sequence. */
function neftUtr16(rng: Rng, bank: Bank, at: number): string {
  return `${bank.code}N${String(new Date(at + IST_OFFSET_MS).getUTCFullYear()).slice(-1)}${dayOfYear(at)}${rng.digits(7)}`;
}

/** 22-character UTR (RTGS, and newer NEFT): bank code, R/N, channel digit, YYYYMMDD, 8 digits. */
function utr22(rng: Rng, bank: Bank, rail: 'R' | 'N', at: number): string {
  return `${bank.code}${rail}${rng.int(1, 6)}${istDayOf(at).replaceAll('-', '')}${rng.digits(8)}`;
}

const ifsc = (rng: Rng, bank: Bank) => `${bank.code}0${rng.string(6, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')}`;
const firstName = (name: string) => (name.split(' ')[0] ?? name).toLowerCase();

/** Rupees between min and max with random paise, in paise (integers only). */
const paise = (rng: Rng, minRupees: number, maxRupees: number): bigint => BigInt(rng.int(minRupees, maxRupees)) * 100n + BigInt(rng.chance(0.4) ? 0 : rng.int(0, 99));

interface Line {
  type: 'CR' | 'DR';
  amount: bigint;
  remarks: string;
  cheque?: string;
}

function creditLine(rng: Rng, at: number): Line {
  const bank = rng.pick(BANKS);
  const roll = rng.next();
  if (roll < 0.3) {
    const handle = rng.pick(UPI_HANDLES);
    const person = rng.pick(PEOPLE);
    return { type: 'CR', amount: paise(rng, 1, 50_000), remarks: `UPI/${rrn(rng, at)}/${rng.pick(PURPOSES)}/${firstName(person)}${rng.digits(2)}@${handle.handle}/${handle.bank}` };
  }
  if (roll < 0.55) {
    const utr = rng.chance(0.5) ? neftUtr16(rng, bank, at) : utr22(rng, bank, 'N', at);
    return { type: 'CR', amount: paise(rng, 1_000, 25_00_000), remarks: `NEFT-${utr}-${rng.pick(COMPANIES)}-${rng.pick(PURPOSES)}-${rng.digits(12)}-${ifsc(rng, bank)}` };
  }
  if (roll < 0.75) {
    const r = rrn(rng, at);
    const remarks = rng.chance(0.7) ? `MMT/IMPS/${r}/${rng.pick(PEOPLE)}/${ifsc(rng, bank)}` : `IMPS ${r} ${iciciTimes(at).valueDate.replaceAll('-', ' ')} ${bank.name}`;
    return { type: 'CR', amount: paise(rng, 100, 2_00_000), remarks };
  }
  if (roll < 0.85) return { type: 'CR', amount: paise(rng, 2_00_000, 5_00_00_000), remarks: `RTGS-${utr22(rng, bank, 'R', at)}-${rng.pick(COMPANIES)}-${rng.digits(14)}` };
  if (roll < 0.93) return { type: 'CR', amount: paise(rng, 1_000, 10_00_000), remarks: `INF/INFT/${rng.digits(12)}/${rng.pick(COMPANIES)}` };
  if (roll < 0.97) {
    const handle = rng.pick(UPI_HANDLES);
    return { type: 'CR', amount: paise(rng, 1, 20_000), remarks: `UPI/RVSL${rrn(rng, at)}/${rng.pick(PURPOSES)}/${firstName(rng.pick(PEOPLE))}@${handle.handle}/${handle.bank}` };
  }
  return { type: 'CR', amount: paise(rng, 1_000, 5_00_000), remarks: `NEFT-RETURN-${rng.digits(11)}DC-${rng.pick(COMPANIES)}` };
}

function debitLine(rng: Rng, at: number): Line {
  const bank = rng.pick(BANKS);
  const roll = rng.next();
  if (roll < 0.25) {
    const handle = rng.pick(UPI_HANDLES);
    const payee = rng.pick(COMPANIES);
    return { type: 'DR', amount: paise(rng, 10, 1_00_000), remarks: `UPI/${rrn(rng, at)}/${rng.pick(PURPOSES)}/${payee.split(' ')[0]!.toLowerCase()}@${handle.handle}/${handle.bank}` };
  }
  if (roll < 0.45) return { type: 'DR', amount: paise(rng, 1_000, 25_00_000), remarks: `INF/NEFT/${utr22(rng, { code: 'ICIC', name: 'ICICI BANK' }, 'N', at)}/${ifsc(rng, bank)}/${rng.pick(COMPANIES)}` };
  if (roll < 0.6) return { type: 'DR', amount: paise(rng, 100, 2_00_000), remarks: `MMT/IMPS/${rrn(rng, at)}/${rng.pick(PEOPLE)}/${ifsc(rng, bank)}` };
  if (roll < 0.68) return { type: 'DR', amount: paise(rng, 2_00_000, 50_00_000), remarks: `RTGS/${utr22(rng, { code: 'ICIC', name: 'ICICI BANK' }, 'R', at)}/${ifsc(rng, bank)}/${rng.pick(COMPANIES)}` };
  if (roll < 0.78) return { type: 'DR', amount: paise(rng, 500, 50_000), remarks: `BIL/ONL/${rng.digits(12)}/${rng.pick(BILLERS)}` };
  if (roll < 0.85) return { type: 'DR', amount: paise(rng, 1_000, 5_00_000), remarks: `INF/INFT/${rng.digits(12)}/${rng.pick(PEOPLE)}` };
  if (roll < 0.92) {
    const cheque = rng.digits(6);
    return { type: 'DR', amount: paise(rng, 5_000, 10_00_000), remarks: `CLG/${cheque}/${rng.pick(COMPANIES)}/${bank.name}`, cheque };
  }
  if (roll < 0.96) return { type: 'DR', amount: BigInt(rng.int(5, 590)) * 100n + 90n, remarks: `IMPS CHRG ${iciciTimes(at).valueDate}` };
  return { type: 'DR', amount: BigInt(rng.int(1, 106)) * 100n + BigInt(rng.int(0, 99)), remarks: `GST ON CHRGS ${iciciTimes(at).valueDate}` };
}

function breakRow(row: ServedRow, kind: InvalidKind): ServedRow {
  switch (kind) {
    case 'bad_amount':
      return { ...row, AMOUNT: `1,2,${row['AMOUNT']}` };
    case 'bad_txndate':
      return { ...row, TXNDATE: `31-02-${row['TXNDATE']!.slice(6)}` };
    case 'bad_type':
      return { ...row, TYPE: 'C' };
  }
}

/**
 * A deterministic ICICI statement: the same options give the same rows. Running balance in exact
 * paise, Indian comma grouping, IST times, realistic NEFT/RTGS/IMPS/UPI narrations with UTRs and
 * RRNs in their real formats, a few cheques, charges and reversals, and `TRANSACTIONID`s that
 * repeat across days (as ICICI's do).
 */
export function createIciciDataset(options: IciciDatasetOptions): IciciDataset {
  if (!Number.isInteger(options.count) || options.count < 0) throw new RangeError('count must be a non-negative integer');
  const rng = createRng(`icici-statement:${options.seed}`);
  const maxGap = options.maxGapMinutes ?? 240;
  let at = Date.parse(`${options.start ?? '2024-04-01'}T09:${pad(rng.int(0, 59))}:00+05:30`);
  let balance = BigInt(rng.int(5_00_000, 50_00_000)) * 100n;
  const usedIds: string[] = [];
  const entries: DatasetEntry[] = [];
  for (let i = 0; i < options.count; i++) {
    if (i > 0) at += rng.int(1, maxGap) * 60_000 + rng.int(0, 59) * 1000;
    let line = rng.chance(0.55) ? creditLine(rng, at) : debitLine(rng, at);
    if (line.type === 'DR' && line.amount > balance) line = creditLine(rng, at);
    balance += line.type === 'CR' ? line.amount : -line.amount;
    // ICICI transaction ids are not unique across time: reuse an earlier one now and then.
    const reused = i > 10 && rng.chance(0.08) ? rng.pick(usedIds.slice(0, -5)) : undefined;
    const transactionId = reused ?? `S${rng.digits(rng.int(7, 9))}`;
    usedIds.push(transactionId);
    const { txnDate, valueDate } = iciciTimes(at);
    const row: ServedRow = {
      TRANSACTIONID: transactionId,
      TXNDATE: txnDate,
      VALUEDATE: valueDate,
      TYPE: line.type,
      AMOUNT: formatMoney(money(line.amount, 'INR')),
      BALANCE: formatMoney(money(balance, 'INR')),
      CHEQUENO: line.cheque ?? '',
      REMARKS: line.remarks,
    };
    const every = options.invalidEvery;
    const kind = every && every > 0 && (i + 1) % every === 0 ? INVALID_KINDS[Math.floor(i / every) % INVALID_KINDS.length] : undefined;
    entries.push(kind ? { row: breakRow(row, kind), at, day: istDayOf(at), invalid: kind } : { row, at, day: istDayOf(at) });
  }
  return {
    accountNumber: options.accountNumber,
    entries,
    validRows: entries.filter((e) => !e.invalid).map((e) => e.row),
    invalidRows: entries.filter((e) => e.invalid).map((e) => e.row),
    firstDay: entries[0]?.day ?? options.start ?? '2024-04-01',
    lastDay: entries.at(-1)?.day ?? options.start ?? '2024-04-01',
  };
}
