import { describe, expect, it } from 'vitest';
import { parseCamt } from './parse-camt';

const bal = (code: string, amount: string, ind: string | undefined, date: string) =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt>${ind ? `<CdtDbtInd>${ind}</CdtDbtInd>` : ''}<Dt><Dt>${date}</Dt></Dt></Bal>`;

const CAMT053 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-04-11T19:46:24+03:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>STMT-1</Id><ElctrncSeqNb>85</ElctrncSeqNb>
   <FrToDt><FrDtTm>2024-04-11T00:00:00</FrDtTm><ToDtTm>2024-04-11T23:59:59</ToDtTm></FrToDt>
   <Acct><Id><Othr><Id>LT625883379695428516</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id><Ccy>EUR</Ccy><Ownr><Nm>Owner Ltd</Nm></Ownr><Svcr><FinInstnId><BICFI>DEUTBEBEXXX</BICFI></FinInstnId></Svcr></Acct>
   ${bal('PRCD', '100.00', 'CRDT', '2024-04-10')}
   ${bal('OPBD', '100.00', 'CRDT', '2024-04-11')}
   ${bal('CLBD', '1125.00', 'CRDT', '2024-04-11')}
   <TxsSummry><TtlNtries><NbOfNtries>4</NbOfNtries></TtlNtries><TtlDbtNtries><NbOfNtries>1</NbOfNtries><Sum>-20.00</Sum></TtlDbtNtries></TxsSummry>
   <Ntry>
    <NtryRef>E1</NtryRef><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><DtTm>2024-04-11T10:00:00+02:00</DtTm></BookgDt><ValDt><Dt>2024-04-12</Dt></ValDt>
    <AcctSvcrRef>SVC-1</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn><Prtry><Cd>N166</Cd></Prtry></BkTxCd>
    <NtryDtls>
     <Btch><PmtInfId>PMTINF-9</PmtInfId><NbOfTxs>2</NbOfTxs><TtlAmt Ccy="EUR">1000.00</TtlAmt></Btch>
     <TxDtls><Refs><EndToEndId>E2E-A</EndToEndId><UETR>2f0bdd2c-a3b8-4c5e-9d1e-3f6c2b8a1e01</UETR></Refs><Amt Ccy="EUR">600.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
      <RltdPties><Dbtr><Pty><Nm>Alice</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE02100100109307118603</IBAN></Id></DbtrAcct></RltdPties>
      <RltdAgts><DbtrAgt><FinInstnId><BICFI>PBNKDEFFXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts>
      <RmtInf><Ustrd>Invoice 1</Ustrd><Ustrd>and 2</Ustrd></RmtInf></TxDtls>
     <TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId><InstrId>I-B</InstrId></Refs><Amt Ccy="EUR">400.00</Amt>
      <AmtDtls><InstdAmt><Amt Ccy="USD">432.10</Amt><CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><XchgRate>0.9257</XchgRate></CcyXchg></InstdAmt></AmtDtls>
      <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
    </NtryDtls>
    <AddtlNtryInf>Batch credit</AddtlNtryInf>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts><BookgDt><Dt>2024-04-11</Dt></BookgDt>
    <Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">5.20</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy="EUR">5.40</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>false</ChrgInclInd><Tp><Prtry><Id>2</Id></Prtry></Tp></Rcrd><Rcrd><Amt Ccy="EUR">0.20</Amt><CdtDbtInd>CRDT</CdtDbtInd><Tp><Cd>DISC</Cd></Tp></Rcrd></Chrgs>
    <NtryDtls><TxDtls><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></NtryDtls>
   </Ntry>
   <Ntry><Amt Ccy="EUR">45.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><ValDt><Dt>2024-04-13</Dt></ValDt></Ntry>
   <Ntry><Amt Ccy="EUR">12,5O</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>
   <Ntry><Amt Ccy="EUR">45.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AddtlNtryInf>Last</AddtlNtryInf></Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>`;

describe('parseCamt: camt.053', () => {
  const result = parseCamt(CAMT053);
  const statement = result.statements[0];
  const [batch, reversal, pending, last] = statement?.entries ?? [];

  it('reads the message, the statement header, the account and the balances', () => {
    expect(result).toMatchObject({ format: 'camt.053', messageName: 'camt.053.001.08', messageId: 'MSG-1', createdAt: '2024-04-11T19:46:24+03:00' });
    expect(statement).toMatchObject({
      format: 'camt.053',
      id: 'STMT-1',
      sequence: '85',
      // No CreDtTm on the Stmt (optional from v8): the group header's is used.
      createdAt: '2024-04-11T19:46:24+03:00',
      period: { from: '2024-04-11T00:00:00', to: '2024-04-11T23:59:59' },
      currency: 'EUR',
      account: { id: 'LT625883379695428516', scheme: 'BBAN', currency: 'EUR', owner: 'Owner Ltd', bic: 'DEUTBEBEXXX' },
      openingBalance: { code: 'OPBD', kind: 'opening', amount: { minor: 10000n } },
      closingBalance: { code: 'CLBD', amount: { minor: 112500n }, date: '2024-04-11' },
    });
    expect(statement?.balances.map((b) => b.kind)).toEqual(['previously-closed', 'opening', 'closing']);
  });

  it('reads a batch entry with each TxDtls keeping its own amount, references, party and FX details', () => {
    expect(batch).toMatchObject({
      index: 0,
      amount: { minor: 100000n, currency: 'EUR' },
      direction: 'CREDIT',
      status: 'booked',
      rawStatus: 'BOOK',
      bookingDate: '2024-04-11',
      bookingDateTime: '2024-04-11T10:00:00+02:00',
      valueDate: '2024-04-12',
      typeCode: 'PMNT/RCDT/ESCT',
      extras: [{ tag: 'BkTxCd/Prtry/Cd', value: 'N166' }],
      references: { entryReference: 'E1', accountServicerReference: 'SVC-1' },
      batch: { paymentInformationId: 'PMTINF-9', count: 2, total: { minor: 100000n } },
      description: 'Batch credit',
    });
    expect(batch?.transactions).toEqual([
      {
        amount: { minor: 60000n, currency: 'EUR' },
        references: { endToEndId: 'E2E-A', uetr: '2f0bdd2c-a3b8-4c5e-9d1e-3f6c2b8a1e01' },
        counterparty: { name: 'Alice', account: 'DE02100100109307118603', bic: 'PBNKDEFFXXX' },
        remittance: 'Invoice 1 and 2',
      },
      {
        amount: { minor: 40000n, currency: 'EUR' },
        amountDetails: { instructed: { amount: { minor: 43210n, currency: 'USD' }, exchange: { sourceCurrency: 'USD', targetCurrency: 'EUR', rate: '0.9257' } } },
        references: { instructionId: 'I-B', creditorReference: 'RF18539007547034' },
      },
    ]);
    expect(batch?.raw.startsWith('<Ntry>')).toBe(true);
    expect(batch?.raw.endsWith('</Ntry>')).toBe(true);
  });

  it('reads a reversal with charge records, signed from the account', () => {
    expect(reversal).toMatchObject({ amount: { minor: -2000n }, direction: 'DEBIT', reversal: true, rawStatus: 'BOOK' });
    expect(reversal?.charges).toEqual([
      { amount: { minor: -540n, currency: 'EUR' }, included: false, type: '2' },
      { amount: { minor: 20n, currency: 'EUR' }, type: 'DISC' },
    ]);
    // One TxDtls: its return reason, and its (absent) references describe the entry.
    expect(reversal?.transactions[0]?.returnReason).toBe('AC04');
  });

  it('keeps pending entries apart from the balance check', () => {
    expect(pending).toMatchObject({ status: 'pending', rawStatus: 'PDNG', valueDate: '2024-04-13' });
    expect(statement?.warnings.map((w) => w.code)).not.toContain('BALANCE_MISMATCH');
  });

  it('reports an unreadable entry with its XML and numbers the others in file order', () => {
    expect(statement?.errors).toHaveLength(1);
    expect(statement?.errors[0]).toMatchObject({ code: 'ENTRY_INVALID', raw: '<Ntry><Amt Ccy="EUR">12,5O</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>' });
    expect(last).toMatchObject({ index: 4, description: 'Last' });
  });

  it('cross-checks TxsSummry and says where it disagrees', () => {
    expect(statement?.summary).toMatchObject({ entries: { count: 4 }, debits: { count: 1, sum: { minor: -2000n } } });
    expect(statement?.warnings).toContainEqual(expect.objectContaining({ code: 'SUMMARY_MISMATCH', data: { side: 'all', statedCount: 4, count: 5 } }));
  });
});

describe('parseCamt: versions, wrappers and rejections', () => {
  it('reads camt.052 version 1 (root with V01 suffix, PrtryAcct) and camt.054', () => {
    const v1 = parseCamt(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.01"><BkToCstmrAcctRptV01><GrpHdr><MsgId>M</MsgId></GrpHdr><Rpt><Id>R1</Id><Acct><Id><PrtryAcct><Id>CH2801234000123456789</Id></PrtryAcct></Id></Acct><Ntry><Amt Ccy="SEK">200000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts></Ntry></Rpt></BkToCstmrAcctRptV01></Document>',
    );
    expect(v1).toMatchObject({ format: 'camt.052', messageName: 'camt.052.001.01' });
    expect(v1.statements[0]).toMatchObject({ format: 'camt.052', account: { id: 'CH2801234000123456789' }, entries: [{ amount: { minor: -20000000n, currency: 'SEK' } }] });
    const notification = parseCamt('<Document><BkToCstmrDbtCdtNtfctn><Ntfctn><Id>N</Id><Ntry><Amt Ccy="EUR">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>INFO</Cd></Sts></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>');
    expect(notification.statements[0]?.entries[0]?.status).toBe('information');
  });

  it('reads a message inside a Business Application Header wrapper and a misspelt namespace', () => {
    const wrapped = parseCamt(
      `<message><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.01"><MsgDefIdr>camt.053.001.07</MsgDefIdr></AppHdr><Document xmlns="urn:iso:std:iso:20023:tech:xsd:camt.053.001.07"><BkToCstmrStmt><Stmt><Id>S</Id>${bal('OPAV', '5', undefined, '2018-04-10')}</Stmt></BkToCstmrStmt></Document></message>`,
    );
    expect(wrapped.messageName).toBe('camt.053.001.07');
    expect(wrapped.statements[0]?.balances[0]).toMatchObject({ code: 'OPAV', kind: 'opening-available', amount: { minor: 500n } });
    expect(wrapped.statements[0]?.warnings.map((w) => w.code)).toEqual(['BALANCE_SIGN_MISSING']);
  });

  it('rejects a camt document without a statement, and XML that is not camt, saying why', () => {
    expect(() => parseCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"></Document>')).toThrow(expect.objectContaining({ code: 'NOT_A_STATEMENT' }));
    expect(() => parseCamt('<Document><BkToCstmrStmt><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrStmt></Document>')).toThrow(/holds no <Stmt>/);
    expect(() => parseCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>')).toThrow(expect.objectContaining({ code: 'FORMAT_UNKNOWN', message: expect.stringContaining('<Document>') }));
  });

  it('warns when balances in different currencies cannot be checked', () => {
    const mixed = parseCamt(
      `<Document><BkToCstmrStmt><Stmt>${bal('OPBD', '1', 'CRDT', '2024-01-01')}<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">2</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal></Stmt></BkToCstmrStmt></Document>`,
    );
    expect(mixed.statements[0]?.warnings.map((w) => w.code)).toEqual(['BALANCE_NOT_CHECKED']);
  });
});
