import { formatMoney, money } from '@recon/core';
import { formatBankDate } from '../mapping/dates';
import { rupees, type HdfcStatementLine } from './hdfc-dataset';

/** Row layouts the sandbox can serve: the two shipped statement mappings. */
export type HdfcSandboxFormat = 'aa-deposit' | 'netbanking-columns';

/** A line as an Account Aggregator deposit `Transaction` (§6), broken on purpose when the line says so. */
function aaRow(line: HdfcStatementLine): Record<string, string> {
  return {
    txnId: line.bankTxnId,
    type: line.broken === 'direction' ? 'CRDR' : line.direction,
    mode: line.mode,
    amount: line.broken === 'amount' ? '1,2,3.45' : rupees(line.amountMinor),
    currentBalance: rupees(line.balanceMinor),
    transactionTimestamp: line.broken === 'date' ? `${line.date.slice(0, 5)}13-45T${line.time}+05:30` : `${line.date}T${line.time}+05:30`,
    valueDate: line.valueDate,
    narration: line.narration.text,
    // Real AA data often leaves `reference` empty (§6).
    reference: line.narration.utr ?? '',
  };
}

/** A line in the columns of HDFC's downloadable statement, amounts with Indian digit grouping. */
function netbankingRow(line: HdfcStatementLine): Record<string, string> {
  const amount = formatMoney(money(line.amountMinor, 'INR'));
  const debit = line.direction === 'DEBIT' || line.broken === 'amount' ? amount : '';
  const credit = line.direction === 'CREDIT' || line.broken === 'amount' ? amount : '';
  return {
    Date: line.broken === 'date' ? '31/02/26' : formatBankDate(line.date, 'dd/mm/yy'),
    Narration: line.narration.text,
    'Chq./Ref.No.': line.bankTxnId,
    'Value Dt': formatBankDate(line.valueDate, 'dd/mm/yy'),
    'Withdrawal Amt.': line.broken === 'direction' ? '' : debit,
    'Deposit Amt.': line.broken === 'direction' ? '' : credit,
    'Closing Balance': formatMoney(money(line.balanceMinor, 'INR')),
  };
}

/** Render one line in `format`. */
export function renderRow(line: HdfcStatementLine, format: HdfcSandboxFormat): Record<string, string> {
  return format === 'aa-deposit' ? aaRow(line) : netbankingRow(line);
}

/**
 * The decrypted page payload (project-defined envelope). A page of exactly one row carries it as
 * a bare object rather than a one-element array, the quirk ICICI's statement API shows.
 */
export function renderPage(lines: HdfcStatementLine[], format: HdfcSandboxFormat, range: { fromDate: string; toDate: string }, nextPageToken: string | undefined): Record<string, unknown> {
  const rows = lines.map((line) => renderRow(line, format));
  const rowsValue = rows.length === 1 ? rows[0] : rows;
  const paging = nextPageToken === undefined ? {} : { nextPageToken };
  if (format === 'aa-deposit') return { status: 'SUCCESS', Transactions: { startDate: range.fromDate, endDate: range.toDate, Transaction: rowsValue }, ...paging };
  return { status: 'SUCCESS', rows: rowsValue, ...paging };
}
