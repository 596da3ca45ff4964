import { createRng, type Rng } from '../sandbox/rng';
import { BANKS, MERCHANTS, OWN_ACCOUNTS, PEOPLE, PURPOSES, UPI_HANDLES, type Bank } from './ledger-vocabulary';

/** A ledger row exactly as the sample API serves it. */
export interface LedgerApiRow {
  id: string;
  account_number: string;
  /** Decimal string in rupees with paise ("1250.00"); invalid rows break this on purpose. */
  amount: string;
  currency: string;
  type: 'credit' | 'debit';
  channel: 'UPI' | 'NEFT' | 'IMPS';
  status: 'settled' | 'pending' | 'failed' | 'reversed';
  /** NEFT unique transaction reference (16 characters). */
  utr?: string;
  /** 12-digit retrieval reference number (UPI, IMPS). */
  rrn?: string;
  narration: string;
  counterparty: { name: string; vpa?: string; account?: string; ifsc?: string };
  /** ISO 8601 in IST (`+05:30`); missing on one kind of invalid row. */
  created_at?: string;
  value_date: string;
}

/** A row plus what the server needs to page it. */
export interface LedgerEntry {
  row: LedgerApiRow;
  /** Epoch milliseconds of the booking time; rows are served in (`at`, `id`) order. */
  at: number;
  /** Why the row is deliberately invalid, if it is. */
  invalid?: 'amount_scale' | 'missing_timestamp' | 'grouped_amount';
}

/** A generated dataset. */
export interface LedgerDataset {
  /** Every entry in serving order. */
  entries: LedgerEntry[];
  /** Ids of rows that must become records, in serving order. */
  validIds: string[];
  /** Ids of deliberately invalid rows, in serving order. */
  invalidIds: string[];
}

/** Options of {@link createLedgerDataset}. */
export interface LedgerDatasetOptions {
  seed: number | string;
  count: number;
  /** Make every n-th row invalid (cycling through the invalid kinds). Default: none. */
  invalidEvery?: number;
  /** Time of the first row (epoch ms). Default 1 April 2024, 09:00 IST. */
  start?: number;
}

const IST_OFFSET_MS = 330 * 60_000;
const DEFAULT_START = Date.UTC(2024, 3, 1, 3, 30); // 09:00 IST
const INVALID_KINDS = ['amount_scale', 'missing_timestamp', 'grouped_amount'] as const;

/** `2024-04-01T09:00:00+05:30` for an epoch time. */
export function toIst(at: number): string {
  return `${new Date(at + IST_OFFSET_MS).toISOString().slice(0, 19)}+05:30`;
}

/** Rupees and paise as a decimal string, built from integers only. */
function rupees(rng: Rng, min: number, max: number): { whole: string; paise: string } {
  const whole = String(rng.int(min, max));
  const paise = rng.chance(0.5) ? '00' : String(rng.int(0, 99)).padStart(2, '0');
  return { whole, paise };
}

/** Indian digit grouping: 125000 → "1,25,000". Used for one kind of invalid row. */
export function groupIndian(whole: string): string {
  if (whole.length <= 3) return whole;
  const head = whole.slice(0, -3);
  const tail = whole.slice(-3);
  return `${head.replace(/\B(?=(\d{2})+$)/g, ',')},${tail}`;
}

/** Day of the year in IST, 1-based, three digits. */
function julianDay(at: number): string {
  const ist = new Date(at + IST_OFFSET_MS);
  const startOfYear = Date.UTC(ist.getUTCFullYear(), 0, 1);
  return String(Math.floor((ist.getTime() - startOfYear) / 86_400_000) + 1).padStart(3, '0');
}

/** RRN: last digit of the year, day of year, hour, then a 6-digit sequence (the NPCI layout). */
function rrnFor(rng: Rng, at: number): string {
  const ist = new Date(at + IST_OFFSET_MS);
  return `${String(ist.getUTCFullYear()).slice(-1)}${julianDay(at)}${String(ist.getUTCHours()).padStart(2, '0')}${rng.digits(6)}`;
}

/** NEFT UTR: IFSC prefix, `N`, year digit + day of year, 7-digit sequence: 16 characters. */
function utrFor(rng: Rng, bank: Bank, at: number): string {
  const ist = new Date(at + IST_OFFSET_MS);
  return `${bank.code}N${String(ist.getUTCFullYear()).slice(-1)}${julianDay(at)}${rng.digits(7)}`;
}

function ifscFor(rng: Rng, bank: Bank): string {
  return `${bank.code}0${rng.digits(6)}`;
}

function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

function makeRow(rng: Rng, at: number, index: number): LedgerApiRow {
  const channel = rng.pick(['UPI', 'UPI', 'UPI', 'NEFT', 'IMPS'] as const);
  const type = rng.chance(0.65) ? 'credit' : 'debit';
  const roll = rng.next();
  const status = roll < 0.88 ? 'settled' : roll < 0.94 ? 'pending' : roll < 0.98 ? 'failed' : 'reversed';
  const bank = rng.pick(BANKS);
  const person = rng.pick(PEOPLE);
  const account_number = rng.pick(OWN_ACCOUNTS);
  const id = `ltx_${String(index + 1).padStart(5, '0')}${rng.hex(8)}`;
  const created_at = toIst(at);
  const value_date = created_at.slice(0, 10);
  const base = { id, account_number, currency: 'INR', type, channel, status, created_at, value_date } as const;

  if (channel === 'UPI') {
    const rrn = rrnFor(rng, at);
    const { whole, paise } = rupees(rng, 1, 50_000);
    if (type === 'credit') {
      const vpa = `${firstName(person).toLowerCase()}${rng.chance(0.4) ? rng.digits(2) : ''}@${rng.pick(UPI_HANDLES)}`;
      return { ...base, amount: `${whole}.${paise}`, rrn, narration: `UPI/${rrn}/PAYMENT FROM ${firstName(person)}/${vpa}/${bank.name}`, counterparty: { name: person, vpa } };
    }
    const merchant = rng.pick(MERCHANTS);
    return { ...base, amount: `${whole}.${paise}`, rrn, narration: `UPI/${rrn}/PAID TO ${merchant.name}/${merchant.vpa}`, counterparty: { name: merchant.name, vpa: merchant.vpa } };
  }
  if (channel === 'NEFT') {
    const utr = utrFor(rng, bank, at);
    const ifsc = ifscFor(rng, bank);
    const account = rng.digits(rng.int(11, 16));
    const purpose = rng.pick(PURPOSES);
    const { whole, paise } = rupees(rng, 1_000, 10_00_000);
    const direction = type === 'credit' ? 'CR' : 'DR';
    return { ...base, amount: `${whole}.${paise}`, utr, narration: `NEFT ${direction}-${ifsc}-${person}-${purpose}-${utr}`, counterparty: { name: person, account, ifsc } };
  }
  const rrn = rrnFor(rng, at);
  const ifsc = ifscFor(rng, bank);
  const account = rng.digits(rng.int(11, 16));
  const purpose = rng.pick(PURPOSES);
  const { whole, paise } = rupees(rng, 100, 2_00_000);
  const narration = type === 'credit' ? `IMPS/P2A/${rrn}/${person}/${ifsc}/${purpose}` : `MMT/IMPS/${rrn}/${purpose}/${person}/${bank.name}`;
  return { ...base, amount: `${whole}.${paise}`, rrn, narration, counterparty: { name: person, account, ifsc } };
}

/** Break a row the way real feeds do: too many decimals, a missing timestamp, a grouped amount. */
function breakRow(row: LedgerApiRow, kind: (typeof INVALID_KINDS)[number]): LedgerApiRow {
  const [whole = '0', paise = '00'] = row.amount.split('.');
  switch (kind) {
    case 'amount_scale':
      return { ...row, amount: `${whole}.${paise}5` };
    case 'missing_timestamp': {
      const { created_at: _dropped, ...rest } = row;
      return rest;
    }
    case 'grouped_amount':
      return { ...row, amount: `${groupIndian(`${whole}000`)}.${paise}` };
  }
}

/**
 * A deterministic ledger: the same options give the same rows, ids and credentials-independent
 * content. Some rows share a timestamp on purpose, so keyset paging must tie-break on the id.
 */
export function createLedgerDataset(options: LedgerDatasetOptions): LedgerDataset {
  if (!Number.isInteger(options.count) || options.count < 0) throw new RangeError('count must be a non-negative integer');
  const rng = createRng(`ledger:${options.seed}`);
  const entries: LedgerEntry[] = [];
  let at = options.start ?? DEFAULT_START;
  let invalidSeen = 0;
  for (let i = 0; i < options.count; i++) {
    if (i > 0 && !rng.chance(0.15)) at += rng.int(1, 180) * 60_000;
    const row = makeRow(rng, at, i);
    const every = options.invalidEvery;
    if (every && every > 0 && (i + 1) % every === 0) {
      const kind = INVALID_KINDS[invalidSeen % INVALID_KINDS.length] ?? 'amount_scale';
      invalidSeen += 1;
      entries.push({ row: breakRow(row, kind), at, invalid: kind });
    } else {
      entries.push({ row, at });
    }
  }
  entries.sort((a, b) => a.at - b.at || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return {
    entries,
    validIds: entries.filter((e) => !e.invalid).map((e) => e.row.id),
    invalidIds: entries.filter((e) => e.invalid).map((e) => e.row.id),
  };
}
