import { fromDecimalString, isReconError, type StandardTransaction } from '@recon/core';
import { readAll } from '@recon/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { icici } from './connector';
import { addDays } from './mapping/ist-dates';
import { startIciciSandbox, type IciciSandbox } from './sandbox';

const FAST = { retry: { retries: 2, minDelayMs: 5, maxDelayMs: 20 } } as const;

describe('icici quirks over real HTTP', () => {
  let sandbox: IciciSandbox;
  const window = () => ({ from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1) });
  const connect = (overrides = {}) => icici(sandbox.connectorConfig({ ...FAST, ...overrides }));
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 31, count: 120, keyBits: 2048 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.server.faults.clear();
    sandbox.server.clearRequests();
    sandbox.clearCalls();
  });

  describe('failures served as HTTP 200 become typed errors through the kit classification', () => {
    it('"Invalid user access or Account id" is an auth error, not retried, in read() and check()', async () => {
      const body = sandbox.encryptForClient({ RESPONSE: 'Failure', MESSAGE: 'Invalid user access or Account id' });
      sandbox.server.faults.inject({ type: 'status', status: 200, body, times: 2 });
      const transcript = await readAll(connect(), window());
      expect(transcript.ids).toEqual([]);
      expect(transcript.error).toMatchObject({ name: 'AuthError', kind: 'auth', code: 'ICICI_ACCESS_DENIED', status: 200, retryable: false });
      expect(sandbox.server.requests).toHaveLength(1);
      const check = await connect().check();
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.error).toMatchObject({ kind: 'auth', code: 'ICICI_ACCESS_DENIED' });
    });

    it('the sandbox gives the same failure for real when the account is not registered', async () => {
      const transcript = await readAll(connect({ accountNumber: '000499999999' }), window());
      expect(transcript.error).toMatchObject({ kind: 'auth', code: 'ICICI_ACCESS_DENIED' });
      expect(sandbox.calls[0]!.response).toEqual({ RESPONSE: 'Failure', MESSAGE: 'Invalid user access or Account id' });
    });

    it('8017 "Invalid request" and unknown failures are upstream errors with the bank message', async () => {
      sandbox.server.faults.inject({ type: 'status', status: 200, body: sandbox.encryptForClient({ RESPONSE: 'Failure', MESSAGE: 'Invalid request', ERRORCODE: '8017' }) });
      const first = await readAll(connect(), window());
      expect(first.error).toMatchObject({ name: 'UpstreamError', kind: 'upstream', code: 'ICICI_INVALID_REQUEST', details: { bankMessage: 'Invalid request', bankCode: '8017' } });
      sandbox.server.faults.inject({ type: 'status', status: 200, body: sandbox.encryptForClient({ RESPONSE: 'FAILURE', MESSAGE: 'Service temporarily down' }) });
      const second = await readAll(connect(), window());
      expect(second.error).toMatchObject({ kind: 'upstream', code: 'ICICI_FAILURE' });
      expect((second.error as Error).message).toContain('Service temporarily down');
    });

    it('a failure on a later page keeps the pages before it and stops there', async () => {
      const paged = await startIciciSandbox({ seed: 31, count: 20, pageSize: 5, keyBits: 2048 });
      try {
        paged.server.faults.inject({ type: 'status', status: 200, after: 2, body: paged.encryptForClient({ RESPONSE: 'Failure', MESSAGE: 'Invalid request' }) });
        const transcript = await readAll(icici(paged.connectorConfig(FAST)), { from: paged.dataset.firstDay, to: addDays(paged.dataset.lastDay, 1) });
        expect(transcript.ids).toHaveLength(10);
        expect(transcript.checkpoints).toHaveLength(2);
        expect(isReconError(transcript.error) && transcript.error.code).toBe('ICICI_INVALID_REQUEST');
      } finally {
        await paged.close();
      }
    });

    it('an unencrypted gateway error in a 200 is an upstream error, never data', async () => {
      sandbox.server.faults.inject({ type: 'status', status: 200, body: { success: false, errorCode: '997', description: 'Backend not reachable' } });
      const transcript = await readAll(connect(), window());
      expect(transcript.ids).toEqual([]);
      expect(transcript.error).toMatchObject({ kind: 'upstream', code: 'ICICI_GATEWAY_ERROR', details: { gatewayCode: '997' } });
    });
  });

  describe('mapping of a realistic statement', () => {
    let records: StandardTransaction[];
    beforeAll(async () => {
      const transcript = await readAll(connect(), window());
      expect(transcript.failed).toBe(false);
      records = transcript.messages.flatMap((m) => (m.type === 'record' ? [m.txn] : []));
      expect(records).toHaveLength(120);
    });

    it('Indian comma-grouped amounts arrive exact: the balances chain paisa for paisa', () => {
      let previous: bigint | undefined;
      for (const txn of records) {
        const raw = txn.raw as Record<string, string>;
        expect(txn.amount).toBe(raw['AMOUNT']!.replaceAll(',', ''));
        expect(txn.balance_after).toBe(raw['BALANCE']!.replaceAll(',', ''));
        const amount = fromDecimalString(txn.amount, 'INR').minor;
        const balance = fromDecimalString(txn.balance_after!, 'INR').minor;
        if (previous !== undefined) expect(balance - previous).toBe(txn.direction === 'CREDIT' ? amount : -amount);
        previous = balance;
      }
      expect(records.some((t) => /,.*,/.test((t.raw as Record<string, string>)['AMOUNT']!))).toBe(true);
    });

    it('IST timestamps become ISO 8601 with +05:30; CR/DR become CREDIT/DEBIT', () => {
      for (const txn of records) {
        const raw = txn.raw as Record<string, string>;
        const [d, m, rest] = raw['TXNDATE']!.split('-');
        const [y, time] = rest!.split(' ');
        expect(txn.timestamp).toBe(`${y}-${m}-${d}T${time}+05:30`);
        expect(txn.direction).toBe(raw['TYPE'] === 'CR' ? 'CREDIT' : 'DEBIT');
      }
      expect(new Set(records.map((t) => t.direction))).toEqual(new Set(['CREDIT', 'DEBIT']));
    });

    it('references come out of REMARKS: UTRs for NEFT/RTGS, RRNs for IMPS/UPI, the bank id always', () => {
      const byChannel = (channel: string) => records.filter((t) => t.channel === channel);
      for (const channel of ['NEFT', 'RTGS', 'IMPS', 'UPI']) expect(byChannel(channel).length, channel).toBeGreaterThan(0);
      for (const txn of records) expect(txn.references.bank_txn_id).toBe((txn.raw as Record<string, string>)['TRANSACTIONID']);
      for (const txn of [...byChannel('NEFT'), ...byChannel('RTGS')].filter((t) => t.transaction_type !== 'REVERSAL')) {
        expect(txn.references.utr).toMatch(/^[A-Z]{4}[A-Z0-9]{12}$|^[A-Z]{4}[RN][0-9A-Z][0-9]{16}$/);
        expect(txn.description).toContain(txn.references.utr);
        expect(txn.reference_number).toBe(txn.references.utr);
      }
      for (const txn of [...byChannel('IMPS'), ...byChannel('UPI')]) {
        expect(txn.references.rrn).toMatch(/^[0-9]{12}$/);
        expect(txn.description).toContain(txn.references.rrn);
      }
      for (const txn of byChannel('RTGS')) expect(txn.references.utr).toHaveLength(22);
      expect(byChannel('UPI').some((t) => t.counterparty?.vpa?.includes('@'))).toBe(true);
    });

    it('ids are unique although TRANSACTIONIDs repeat, and the same on a second read', async () => {
      const bankIds = records.map((t) => t.references.bank_txn_id);
      expect(new Set(bankIds).size).toBeLessThan(bankIds.length);
      const ids = records.map((t) => t.txn_id);
      expect(new Set(ids).size).toBe(ids.length);
      const again = await readAll(connect(), window());
      expect(again.ids).toEqual(ids);
    });
  });
});
