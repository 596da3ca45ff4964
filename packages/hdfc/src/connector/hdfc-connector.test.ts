import { inspect } from 'node:util';
import { amountOf, isReconError, type ConnectorMessage, type ReconError } from '@recon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hdfcSandboxConfig, startHdfcSandbox, type HdfcSandbox } from '../sandbox';
import type { HdfcCursor } from './cursor';
import { hdfc } from './hdfc-connector';

type Messages = ConnectorMessage<HdfcCursor>[];

async function readAll(iterable: AsyncIterable<ConnectorMessage<HdfcCursor>>): Promise<{ messages: Messages; error?: ReconError }> {
  const messages: Messages = [];
  try {
    for await (const message of iterable) messages.push(message);
    return { messages };
  } catch (error) {
    if (!isReconError(error)) throw error;
    return { messages, error };
  }
}

const statementRequests = (sandbox: HdfcSandbox) => sandbox.server.requests.filter((r) => r.path === '/api/v1/corp-acctStatement');
const tokenRequests = (sandbox: HdfcSandbox) => sandbox.server.requests.filter((r) => r.path === '/auth/oauth/v1/token');

describe('hdfc connector against its sandbox (AA deposit rows)', () => {
  let sandbox: HdfcSandbox;
  let window: { from: string; to: string };
  beforeAll(async () => {
    sandbox = await startHdfcSandbox({ seed: 11, count: 45 });
    window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
  });
  afterAll(() => sandbox.close());
  const connect = (extra: Record<string, unknown> = {}) => hdfc({ ...hdfcSandboxConfig(sandbox), statementRequest: { pageSize: 10 }, ...extra });

  it('reads every line exactly, with amounts, directions, references and balances from the truth', async () => {
    sandbox.server.clearRequests();
    const { messages, error } = await readAll(connect().read(window));
    expect(error).toBeUndefined();
    const records = messages.flatMap((m) => (m.type === 'record' ? [m.txn] : []));
    expect(records.map((t) => t.txn_id)).toEqual(sandbox.dataset.validIds);
    for (const [i, txn] of records.entries()) {
      const line = sandbox.dataset.lines[i];
      if (!line) throw new Error('line missing');
      expect(amountOf(txn).minor).toBe(line.amountMinor);
      expect(txn.direction).toBe(line.direction);
      expect(txn.timestamp).toBe(`${line.date}T${line.time}+05:30`);
      expect(txn.value_date).toBe(line.valueDate);
      expect(txn.references.bank_txn_id).toBe(line.bankTxnId);
      expect(txn.references.utr).toBe(line.narration.utr);
      expect(txn.references.rrn).toBe(line.narration.rrn);
      if (line.narration.rail !== 'FEE') expect(txn.channel).toBe(line.narration.rail);
      expect(BigInt(txn.balance_after?.replace('.', '') ?? 'x')).toBe(line.balanceMinor);
    }
    // One token for the whole read, a checkpoint after each of the five pages.
    expect(tokenRequests(sandbox)).toHaveLength(1);
    expect(statementRequests(sandbox)).toHaveLength(5);
    expect(messages.filter((m) => m.type === 'state')).toHaveLength(5);
  });

  it('sends the HDFC headers, a fresh transactionId per call, and the token call HDFC expects', async () => {
    sandbox.server.clearRequests();
    await readAll(connect().read(window));
    const [token] = tokenRequests(sandbox);
    expect(token?.query).toMatchObject({ grant_type: 'client_credentials', scope: sandbox.credentials.scope });
    expect(token?.headers['authorization']).toBe('[REDACTED]');
    const calls = statementRequests(sandbox);
    for (const call of calls) {
      expect(call.headers['content-type']).toBe('application/jose');
      expect(call.headers['scope']).toBe(sandbox.credentials.scope);
      expect(call.headers['apikey']).toBe('[REDACTED]');
    }
    expect(new Set(calls.map((c) => c.headers['transactionid'])).size).toBe(calls.length);
  });

  it('refreshes the token once on a 401 and finishes the read', async () => {
    const connector = connect();
    sandbox.server.clearRequests();
    const iterator = connector.read(window)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    const issuedBefore = sandbox.tokensIssued;
    sandbox.expireTokens();
    const rest: Messages = [];
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) rest.push(step.value);
    expect(sandbox.tokensIssued).toBe(issuedBefore + 1);
    expect(statementRequests(sandbox).filter((r) => r.status === 401)).toHaveLength(1);
    expect([first.value, ...rest].filter((m) => m.type === 'record')).toHaveLength(sandbox.dataset.validIds.length);
  });

  it('fails a tampered, mis-addressed, badly signed or unencrypted response with a typed error and yields nothing from it', async () => {
    const expectations = [
      ['tamper', 'PAYLOAD_DECRYPT_FAILED'],
      ['wrong-key', 'PAYLOAD_DECRYPT_FAILED'],
      ['bad-signature', 'PAYLOAD_SIGNATURE_INVALID'],
      ['not-encrypted', 'RESPONSE_NOT_ENCRYPTED'],
    ] as const;
    for (const [kind, code] of expectations) {
      sandbox.corruptResponses(kind);
      const { messages, error } = await readAll(connect().read(window));
      expect(messages, kind).toEqual([]);
      expect(error?.code, kind).toBe(code);
      expect(error?.kind).toBe('upstream');
      expect(error?.retryable).toBe(false);
      expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(sandbox.credentials.clientSecret);
    }
  });

  it('turns a refusal inside a valid envelope into BANK_STATEMENT_FAILED', async () => {
    const { error } = await readAll(connect({ accountNumber: '50200000000001' }).read(window));
    expect(error?.code).toBe('BANK_STATEMENT_FAILED');
    expect(error?.message).toContain('STMT_ACCOUNT');
  });

  it('is refused by the bank when it signs with a key the bank does not know', async () => {
    const stranger = await startHdfcSandbox({ seed: 12 });
    try {
      const { error } = await readAll(connect({ privateKey: stranger.credentials.privateKey }).read(window));
      expect(error?.status).toBe(400);
      expect(error?.kind).toBe('upstream');
      expect(JSON.stringify(error)).not.toContain(stranger.credentials.privateKey.slice(40, 120));
    } finally {
      await stranger.close();
    }
  });

  it('enforces the client-side hourly limit: a request over it is never sent', async () => {
    const controller = new AbortController();
    sandbox.server.clearRequests();
    const seen: Messages = [];
    const reading = readAll(connect({ rateLimit: { perHour: 2 } }).read({ ...window, signal: controller.signal }));
    // Two pages go out; the third waits for the next hour. Give it every chance to slip through first.
    await sandbox.server.waitForRequest((r) => r.path === '/api/v1/corp-acctStatement' && statementRequests(sandbox).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const { messages, error } = await reading;
    seen.push(...messages);
    expect(statementRequests(sandbox)).toHaveLength(2);
    expect(error?.kind).toBe('aborted');
    expect(seen.filter((m) => m.type === 'state')).toHaveLength(2);
  });

  it('reads nothing and ends on a finished checkpoint when the range is empty', async () => {
    sandbox.server.clearRequests();
    const { messages } = await readAll(connect().read({ from: window.to, to: window.to }));
    expect(messages).toEqual([{ type: 'state', cursor: { to: window.to, at: window.to, page: null, done: true } }]);
    expect(sandbox.server.requests).toHaveLength(0);
  });
});

describe('hdfc connector with the netbanking-columns mapping', () => {
  it('reads the same statement, rendered in other columns, to the same ids', async () => {
    const sandbox = await startHdfcSandbox({ seed: 11, count: 45, format: 'netbanking-columns' });
    try {
      const connector = hdfc({ ...hdfcSandboxConfig(sandbox), statementMapping: 'netbanking-columns', statementRequest: { pageSize: 25 } });
      const { messages, error } = await readAll(connector.read({ from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate }));
      expect(error).toBeUndefined();
      const records = messages.flatMap((m) => (m.type === 'record' ? [m.txn] : []));
      expect(records.map((t) => t.txn_id)).toEqual(sandbox.dataset.validIds);
      // Date-only columns: the posting time is midnight IST.
      expect(records[0]?.timestamp).toBe(`${sandbox.dataset.lines[0]?.date}T00:00:00+05:30`);
    } finally {
      await sandbox.close();
    }
  });
});

describe('hdfc connector proactive token refresh', () => {
  it('fetches a new token before the old one expires, so the bank never answers 401', async () => {
    const sandbox = await startHdfcSandbox({ seed: 13, count: 12, tokenTtlSeconds: 4 });
    try {
      const connector = hdfc({ ...hdfcSandboxConfig(sandbox), statementRequest: { pageSize: 5 } });
      const window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
      expect((await readAll(connector.read(window))).error).toBeUndefined();
      expect(sandbox.tokensIssued).toBe(1);
      // Past the refresh point (half the 4 s lifetime) but well before the server-side expiry.
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      expect((await readAll(connector.read(window))).error).toBeUndefined();
      expect(sandbox.tokensIssued).toBe(2);
      expect(sandbox.server.requests.filter((r) => r.status === 401)).toHaveLength(0);
    } finally {
      await sandbox.close();
    }
  });
});
