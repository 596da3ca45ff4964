/**
 * The scenario's statement lines, served by each bank the way that bank serves them. The bank
 * sandboxes generate seeded statements of their own; the demo starts them empty (`count: 0`) and
 * posts its lines into the running sandbox's dataset, which every statement request reads afresh.
 */
import { formatMoney, money, toDecimalString } from '@recon/core';
import type { IciciSandbox } from '@recon/icici/sandbox';
import type { HdfcSandbox } from '@recon/hdfc/sandbox';
import type { SbiSandbox } from '@recon/sbi/sandbox';
import type { BankLine, DemoBank } from './scenario';

/** Opening balances, paise: the statements carry a running balance. */
const OPENING: Readonly<Record<DemoBank, bigint>> = { icici: 8_42_315_50n, hdfc: 3_10_000_00n, sbi: 12_75_440_00n, kotak: 1_96_002_75n };

/** The bank's lines in posting order, each with the balance after it. */
function withBalances(lines: readonly BankLine[], bank: DemoBank): { line: BankLine; balance: bigint }[] {
  let balance = OPENING[bank];
  return lines
    .filter((l) => l.bank === bank)
    .map((line) => {
      balance += line.direction === 'CREDIT' ? line.amountMinor : -line.amountMinor;
      return { line, balance };
    });
}

const dmy = (day: string, sep: string) => day.split('-').reverse().join(sep);
const inr = (minor: bigint) => money(minor, 'INR');

/** ICICI CIB rows: `dd-mm-yyyy` dates, Indian digit grouping, `CR`/`DR`, remarks as ICICI writes them. */
export function postToIcici(sandbox: IciciSandbox, lines: readonly BankLine[]): number {
  const posted = withBalances(lines, 'icici');
  for (const { line, balance } of posted) {
    const at = Date.parse(`${line.date}T${line.time}+05:30`);
    const row = {
      TRANSACTIONID: line.bankRef,
      TXNDATE: `${dmy(line.date, '-')} ${line.time}`,
      VALUEDATE: dmy(line.valueDate, '-'),
      TYPE: line.direction === 'CREDIT' ? 'CR' : 'DR',
      AMOUNT: formatMoney(inr(line.amountMinor)),
      BALANCE: formatMoney(inr(balance)),
      CHEQUENO: '',
      REMARKS: line.narration,
    };
    sandbox.dataset.entries.push({ row, at, day: line.date });
  }
  sandbox.dataset.entries.sort((a, b) => a.at - b.at);
  return posted.length;
}

/** HDFC statement lines (the sandbox renders them as Account Aggregator deposit transactions). */
export function postToHdfc(sandbox: HdfcSandbox, lines: readonly BankLine[]): number {
  const posted = withBalances(lines, 'hdfc');
  for (const { line, balance } of posted) {
    sandbox.dataset.lines.push({
      bankTxnId: line.bankRef,
      date: line.date,
      time: line.time,
      valueDate: line.valueDate,
      direction: line.direction,
      amountMinor: line.amountMinor,
      balanceMinor: balance,
      narration: { text: line.narration, rail: line.utr ? 'NEFT' : 'FEE', ...(line.utr && { utr: line.utr }) },
      mode: line.utr ? 'FT' : 'OTHERS',
    });
  }
  sandbox.dataset.lines.sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : 1));
  return posted.length;
}

/** SBI statement lines: signed amounts, `TRANSFER FROM/TO` statement column, record numbers per day. */
export function postToSbi(sandbox: SbiSandbox, lines: readonly BankLine[]): number {
  const posted = withBalances(lines, 'sbi');
  const perDay = new Map<string, number>();
  for (const { line } of posted) {
    const n = (perDay.get(line.date) ?? 0) + 1;
    perDay.set(line.date, n);
    sandbox.dataset.lines.push({
      date: line.date,
      direction: line.direction,
      amountMinor: line.amountMinor,
      narration: { text: line.narration, rail: 'NEFT', ...(line.utr && { utr: line.utr }) },
      statement: `${line.direction === 'CREDIT' ? 'TRANSFER FROM' : 'TRANSFER TO'} ${line.bankRef}`,
      recordNumber: String(n),
      unsignedCredit: false,
    });
  }
  sandbox.dataset.lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return posted.length;
}

/** Kotak's account number in the MT940 `:25:` field. */
export const KOTAK_ACCOUNT = '7411223344';

const yymmdd = (day: string) => day.slice(2).replaceAll('-', '');
const mt940Amount = (minor: bigint) => toDecimalString(inr(minor)).replace('.', ',');
const mt940Balance = (tag: string, day: string, minor: bigint) => `${tag}${minor < 0n ? 'D' : 'C'}${yymmdd(day)}INR${mt940Amount(minor < 0n ? -minor : minor)}`;

/**
 * Kotak's statements as MT940 files, one per posting day (`KOTAK_STMT_<yyyymmdd>.sta`), with
 * opening and closing balances that add up: what the bank drops into its SFTP outbox.
 */
export function kotakMt940Files(lines: readonly BankLine[]): { name: string; content: string }[] {
  const posted = withBalances(lines, 'kotak');
  const days = [...new Set(posted.map((p) => p.line.date))].sort();
  let opening = OPENING.kotak;
  return days.map((day, i) => {
    const today = posted.filter((p) => p.line.date === day);
    const closing = today.at(-1)!.balance;
    const body = today.flatMap(({ line }) => [
      `:61:${yymmdd(line.valueDate)}${line.date.slice(5).replace('-', '')}${line.direction === 'CREDIT' ? 'C' : 'D'}${mt940Amount(line.amountMinor)}NTRF${line.utr ?? 'NONREF'}//${line.bankRef}`,
      `:86:${line.narration}`,
    ]);
    const content = [`:20:KKBK${yymmdd(day)}`, `:25:${KOTAK_ACCOUNT}`, `:28C:${101 + i}/1`, mt940Balance(':60F:', day, opening), ...body, mt940Balance(':62F:', day, closing), '-'].join('\r\n');
    opening = closing;
    return { name: `KOTAK_STMT_${day.replaceAll('-', '')}.sta`, content };
  });
}
