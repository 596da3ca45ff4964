import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealResponse } from '../crypto/hybrid-envelope';
import { loadRsaPrivateKey, type RsaPrivateKey } from '../crypto/rsa';
import { generateRsaKeyPair } from '../sandbox/keys';
import { readStatementResponse } from './read-statement-response';

const ACCOUNT = '000405001611';
const ROW = { TRANSACTIONID: 'S71034864', TXNDATE: '18-02-2021 10:59:00', VALUEDATE: '18-02-2021', TYPE: 'CR', AMOUNT: '10,000.00', BALANCE: '1,10,000.00', CHEQUENO: '', REMARKS: '' };

describe('readStatementResponse', () => {
  let seal: (payload: unknown) => unknown;
  let key: RsaPrivateKey;
  beforeAll(() => {
    const pair = generateRsaKeyPair(2048);
    key = loadRsaPrivateKey(pair.privateKeyPem);
    seal = (payload) => sealResponse(typeof payload === 'string' ? payload : JSON.stringify(payload), createPublicKey(pair.publicKeyPem)).envelope;
  });
  const read = (payload: unknown) => readStatementResponse(seal(payload), key, ACCOUNT);
  const success = (extra: Record<string, unknown>) => ({ ACCOUNTNO: ACCOUNT, AGGR_ID: 'CUST0149', CORP_ID: 'C', USER_ID: 'U', URN: 'SR1', RESPONSE: 'SUCCESS', ...extra });

  it('an array of records, with the next token kept verbatim (not even trimmed)', () => {
    expect(read(success({ Record: [ROW, ROW], LASTTRID: ' 1|S71034864|18-02-2021 00:00:00|INR|110000.00|18-02-2021 10:59:00 ' }))).toEqual({
      ok: true,
      page: { records: [ROW, ROW], lastTrId: ' 1|S71034864|18-02-2021 00:00:00|INR|110000.00|18-02-2021 10:59:00 ' },
    });
  });

  it('a single object Record is one record; an empty or absent LASTTRID ends the slice', () => {
    expect(read(success({ Record: ROW }))).toEqual({ ok: true, page: { records: [ROW] } });
    expect(read(success({ Record: [ROW], LASTTRID: '' }))).toEqual({ ok: true, page: { records: [ROW] } });
    expect(read(success({ Record: [], LASTTRID: null, RESPONSE: 'Success' }))).toEqual({ ok: true, page: { records: [] } });
  });

  it('"no transactions" is an empty page', () => {
    expect(read({ RESPONSE: 'Failure', MESSAGE: 'The transactions do not exist for the account with the entered criteria.' })).toEqual({ ok: true, page: { records: [] } });
  });

  it('other failures become verdicts the kit turns into typed errors', () => {
    expect(read({ RESPONSE: 'Failure', MESSAGE: 'Invalid user access or Account id' })).toMatchObject({ ok: false, verdict: { action: 'fail', kind: 'auth', code: 'ICICI_ACCESS_DENIED' } });
    expect(read({ RESPONSE: 'Failure', MESSAGE: 'Invalid request' })).toMatchObject({ ok: false, verdict: { kind: 'upstream', code: 'ICICI_INVALID_REQUEST' } });
    expect(read({ RESPONSE: 'Failure', MESSAGE: 'Error', ERRORCODE: '8017' })).toMatchObject({ ok: false, verdict: { code: 'ICICI_INVALID_REQUEST', details: { bankCode: '8017' } } });
    expect(read({ RESPONSE: 'FAILURE', MESSAGE: 'Something new' })).toMatchObject({ ok: false, verdict: { code: 'ICICI_FAILURE', message: 'Something new' } });
  });

  it('a wrong shape or another account is refused, never read as records', () => {
    expect(read(success({ Record: [ROW], ACCOUNTNO: '000499999999' }))).toMatchObject({ ok: false, verdict: { code: 'ICICI_ACCOUNT_MISMATCH' } });
    expect(read(success({}))).toMatchObject({ ok: false, verdict: { code: 'ICICI_RESPONSE_SHAPE' } });
    expect(read(success({ Record: 'rows' }))).toMatchObject({ ok: false, verdict: { code: 'ICICI_RESPONSE_SHAPE' } });
    expect(read(success({ Record: [ROW], LASTTRID: { next: 1 } }))).toMatchObject({ ok: false, verdict: { code: 'ICICI_RESPONSE_SHAPE' } });
    expect(read({ RESPONSE: 'PENDING' })).toMatchObject({ ok: false, verdict: { code: 'ICICI_RESPONSE_SHAPE' } });
    expect(read([ROW])).toMatchObject({ ok: false, verdict: { code: 'ICICI_RESPONSE_SHAPE' } });
    expect(read('{"RESPONSE":"SUCC')).toMatchObject({ ok: false, verdict: { code: 'ICICI_DECRYPT_FAILED', details: { stage: 'json' } } });
  });

  it('unencrypted gateway answers and undecryptable bodies', () => {
    expect(readStatementResponse({ success: false, errorCode: '997', description: 'Backend down' }, key, ACCOUNT)).toMatchObject({
      ok: false,
      verdict: { code: 'ICICI_GATEWAY_ERROR', message: 'Backend down', details: { gatewayCode: '997' } },
    });
    expect(readStatementResponse({ httpCode: '401', httpMessage: 'Unauthorized', moreInformation: 'Invalid client id or secret.' }, key, ACCOUNT)).toMatchObject({
      ok: false,
      verdict: { code: 'ICICI_GATEWAY_ERROR', message: 'Invalid client id or secret.' },
    });
    expect(readStatementResponse('<html>', key, ACCOUNT)).toMatchObject({ ok: false, verdict: { code: 'ICICI_DECRYPT_FAILED', details: { stage: 'envelope' } } });
    expect(readStatementResponse(undefined, key, ACCOUNT)).toMatchObject({ ok: false, verdict: { code: 'ICICI_DECRYPT_FAILED' } });
  });
});
