import { describe, expect, it } from 'vitest';
import { StandardTransactionSchema } from '@recon/core';
import { parseCamt } from '../camt/parse-camt';
import { parseCsvStatement } from '../csv/parse-csv';
import { parseMt940 } from '../mt940/parse-mt940';
import { toStandardTransactions } from './to-transactions';

const mt = (...rows: string[]) => parseMt940(rows.join('\n')).statements;

const COFFEES = mt(
  ':20:X',
  ':25:NL46ABNA0499998748',
  ':60F:C240101EUR10,00',
  ':61:2401020102D3,50NMSCNONREF',
  ':86:COFFEE BAR',
  ':61:2401020102D3,50NMSCNONREF',
  ':86:COFFEE BAR',
  ':61:2401030103RC2,00NTRFNONREF//BANK-7',
  ':86:166?00STORNO?20EREF+E2E-9?32ACME',
  ':62F:C240103EUR1,00',
);

describe('toStandardTransactions', () => {
  const { transactions, errors } = toStandardTransactions(COFFEES, { source: 'sftp:abn' });

  it('maps entries to valid standard transactions with exact amounts and directions', () => {
    expect(errors).toEqual([]);
    expect(transactions).toHaveLength(3);
    for (const t of transactions) expect(StandardTransactionSchema.safeParse(t).success).toBe(true);
    expect(transactions[0]).toMatchObject({
      schema_version: 1,
      source: 'sftp:abn',
      account_id: 'NL46ABNA0499998748',
      amount: '3.50',
      currency: 'EUR',
      direction: 'DEBIT',
      status: 'SUCCESS',
      raw_status: 'D',
      timestamp: '2024-01-02T00:00:00Z',
      value_date: '2024-01-02',
      transaction_type: 'OTHER',
      description: 'COFFEE BAR',
    });
  });

  it('keeps the raw entry text in raw', () => {
    expect(transactions[0]?.raw).toMatchObject({ format: 'mt940', statement_id: 'X', entry_index: 0, entry: ':61:2401020102D3,50NMSCNONREF\n:86:COFFEE BAR' });
  });

  it('gives two identical lines different ids, and the same file the same ids every time', () => {
    const [a, b] = transactions;
    expect(a?.txn_id).toMatch(/^txn_[a-z2-7]{26}$/);
    expect(a?.txn_id).not.toBe(b?.txn_id);
    expect(toStandardTransactions(COFFEES, { source: 'sftp:abn' }).transactions.map((t) => t.txn_id)).toEqual(transactions.map((t) => t.txn_id));
    expect(toStandardTransactions(COFFEES, { source: 'sftp:other' }).transactions[0]?.txn_id).not.toBe(a?.txn_id);
  });

  it('gives a line the same id in the intraday MT942 and in the day-end MT940 (so a consumer can de-duplicate)', () => {
    const intraday = mt(':20:X', ':25:NL46ABNA0499998748', ':34F:EUR0,', ':13D:2401021200+0100', ':61:2401020102D3,50NMSCNONREF', ':86:COFFEE BAR', ':90D:1EUR3,50');
    expect(intraday[0]?.format).toBe('mt942');
    expect(toStandardTransactions(intraday, { source: 'sftp:abn' }).transactions[0]?.txn_id).toBe(transactions[0]?.txn_id);
  });

  it('types a reversal and carries references from the line and its narrative', () => {
    expect(transactions[2]).toMatchObject({
      direction: 'DEBIT',
      transaction_type: 'REVERSAL',
      raw_status: 'RC',
      reference_number: 'BANK-7',
      references: { bank_txn_id: 'BANK-7', end_to_end_id: 'E2E-9' },
      counterparty: { name: 'ACME' },
    });
  });

  it('reads UTRs and RRNs from Indian narrations, and dates INR statements in IST', () => {
    const csv = parseCsvStatement(
      ['Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance', '01/04/24,NEFT CR-AXIS0000001-RAZORPAY-AXISCN0118376057,000123456789,01/04/24,,"1,000.00","1,000.00"', '02/04/24,UPI/365744674436/chai,,02/04/24,20.00,,980.00'].join('\n'),
      { mapping: 'hdfc' },
    ).statement;
    const result = toStandardTransactions(csv, { source: 'sftp:hdfc', accountId: '50100012345678', bankCode: 'HDFC' });
    expect(result.errors).toEqual([]);
    expect(result.transactions[0]).toMatchObject({ account_id: '50100012345678', bank_code: 'HDFC', channel: 'NEFT', references: { utr: 'AXISCN0118376057', merchant_reference: '000123456789' }, timestamp: '2024-04-01T00:00:00+05:30', balance_after: '1000.00' });
    expect(result.transactions[1]).toMatchObject({ channel: 'UPI', references: { rrn: '365744674436' }, amount: '20.00', direction: 'DEBIT' });
  });

  it('reports, not drops, a line it cannot turn into a standard transaction', () => {
    const noAccount = mt(':20:X', ':60F:C240101EUR10,00', ':61:2401020102D3,50NMSC', ':62F:C240102EUR6,50');
    const result = toStandardTransactions(noAccount, { source: 'x' });
    expect(result.transactions).toEqual([]);
    expect(result.errors[0]).toMatchObject({ code: 'TXN_INVALID', raw: { entry: ':61:2401020102D3,50NMSC' } });
    expect(result.errors[0]?.message).toMatch(/names no account/);
    const withdrawn = mt(':20:X', ':25:1', ':60F:C131016DEM10,00', ':61:131017D6800,NCHK16703074', ':62F:D131017DEM6790,00');
    expect(toStandardTransactions(withdrawn, { source: 'x' }).errors[0]?.message).toMatch(/currency/);
  });

  it('rejects a malformed utcOffset option', () => {
    expect(() => toStandardTransactions(COFFEES, { source: 'x', utcOffset: '+5:30' })).toThrow(RangeError);
  });
});

describe('toStandardTransactions: camt batches', () => {
  const camt = (txAmounts: string[]) =>
    parseCamt(
      `<Document><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2024-04-11T19:46:24+03:00</CreDtTm></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>CH0309000000250090342</IBAN></Id></Acct>
      <Ntry><Amt Ccy="CHF">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><DtTm>2024-04-11T10:00:00</DtTm></BookgDt><AcctSvcrRef>SVC</AcctSvcrRef><Chrgs><Rcrd><Amt Ccy="CHF">5.40</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs><NtryDtls>${txAmounts
        .map((a, i) => `<TxDtls><Refs><EndToEndId>E${i}</EndToEndId></Refs><Amt Ccy="CHF">${a}</Amt><RmtInf><Ustrd>Part ${i}</Ustrd></RmtInf></TxDtls>`)
        .join('')}</NtryDtls></Ntry>
      <Ntry><Amt Ccy="CHF">7</Amt><CdtDbtInd>DBIT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>`,
    );

  it('splits a batch into its transactions when their amounts add up (auto)', () => {
    const result = toStandardTransactions(camt(['600.00', '400.00']), { source: 'camt' });
    expect(result.transactions.map((t) => [t.amount, t.references.end_to_end_id, t.description])).toEqual([
      ['600.00', 'E0', 'Part 0'],
      ['400.00', 'E1', 'Part 1'],
      ['7.00', undefined, undefined],
    ]);
    expect(result.transactions[0]).toMatchObject({ references: { bank_txn_id: 'SVC' }, timestamp: '2024-04-11T10:00:00Z', raw: { transaction_index: 0 } });
    expect(new Set(result.transactions.map((t) => t.txn_id)).size).toBe(3);
  });

  it('keeps the entry whole when the parts do not add up, unless told to split always', () => {
    const uneven = camt(['600.00', '300.00']);
    const auto = toStandardTransactions(uneven, { source: 'camt' });
    expect(auto.transactions.map((t) => t.amount)).toEqual(['1000.00', '7.00']);
    expect(auto.transactions[0]?.fee).toBe('5.40');
    const always = toStandardTransactions(uneven, { source: 'camt', splitBatches: 'always' });
    expect(always.transactions.map((t) => t.amount)).toEqual(['600.00', '300.00', '7.00']);
    expect(always.warnings[0]).toMatchObject({ code: 'BATCH_SPLIT_DIFFERENCE', data: { transactionsSum: '900.00', entryAmount: '1000.00' } });
    expect(toStandardTransactions(camt(['600.00', '400.00']), { source: 'camt', splitBatches: 'never' }).transactions).toHaveLength(2);
  });

  it('dates an entry without dates by its statement, and says so in raw', () => {
    const undated = toStandardTransactions(camt(['1000.00']), { source: 'camt' }).transactions[1];
    expect(undated).toMatchObject({ timestamp: '2024-04-11T19:46:24+03:00', raw: { dated_by: 'statement.createdAt' } });
    expect(undated?.value_date).toBeUndefined();
  });
});
