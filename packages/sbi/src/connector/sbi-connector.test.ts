import { inspect } from 'node:util';
import { amountOf, isReconError, type ConnectorMessage, type ReconError } from '@recon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SBI_EIS_AERELE_ENVELOPE } from '../crypto/envelope-settings';
import { sbiSandboxConfig, startSbiSandbox, type SbiSandbox } from '../sandbox';
import type { SbiCursor } from './cursor';
import { sbi } from './sbi-connector';

type Messages = ConnectorMessage<SbiCursor>[];

async function readAll(iterable: AsyncIterable<ConnectorMessage<SbiCursor>>): Promise<{ messages: Messages; error?: ReconError }> {
  const messages: Messages = [];
  try {
    for await (const message of iterable) messages.push(message);
    return { messages };
  } catch (error) {
    if (!isReconError(error)) throw error;
    return { messages, error };
  }
}

const statementCalls = (sandbox: SbiSandbox) => sandbox.server.requests.filter((r) => r.path === '/cmp/v1/account-statement');

describe('sbi connector against its sandbox', () => {
  let sandbox: SbiSandbox;
  let window: { from: string; to: string };
  beforeAll(async () => {
    sandbox = await startSbiSandbox({ seed: 31, count: 40, pageSize: 10 });
    window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
  });
  afterAll(() => sandbox.close());
  const connect = (extra: Record<string, unknown> = {}) => sbi({ ...sbiSandboxConfig(sandbox), ...extra });

  it('reads every line exactly: signed amounts, days, references, and twins kept apart', async () => {
    sandbox.server.clearRequests();
    const { messages, error } = await readAll(connect().read(window));
    expect(error).toBeUndefined();
    const records = messages.flatMap((m) => (m.type === 'record' ? [m.txn] : []));
    expect(records.map((t) => t.txn_id)).toEqual(sandbox.dataset.validIds);
    expect(new Set(records.map((t) => t.txn_id)).size).toBe(records.length);
    for (const [i, txn] of records.entries()) {
      const line = sandbox.dataset.lines[i];
      if (!line) throw new Error('line missing');
      expect(amountOf(txn).minor).toBe(line.amountMinor);
      expect(txn.direction).toBe(line.direction);
      expect(txn.timestamp).toBe(`${line.date}T00:00:00+05:30`);
      expect(txn.references.utr).toBe(line.narration.utr);
      expect(txn.references.rrn).toBe(line.narration.rrn);
      if (line.narration.rail !== 'FEE') expect(txn.channel).toBe(line.narration.rail);
    }
    const [seventh, eighth] = [sandbox.dataset.lines[6], sandbox.dataset.lines[7]];
    expect(eighth?.narration.text).toBe(seventh?.narration.text);
    expect(records[7]?.txn_id).not.toBe(records[6]?.txn_id);
    // 40 lines in 10-row pages over one 31-day window: 4 calls, 4 checkpoints.
    expect(statementCalls(sandbox)).toHaveLength(4);
    expect(messages.filter((m) => m.type === 'state')).toHaveLength(4);
  });

  it('sends the wrapped session key header (redacted in logs) and an encrypted, signed body', async () => {
    sandbox.server.clearRequests();
    await readAll(connect().read(window));
    for (const call of statementCalls(sandbox)) expect(call.headers['accesstoken']).toBe('[REDACTED]');
  });

  it('fails every spoiled answer with a typed error and yields nothing from it', async () => {
    const expectations = [
      ['tamper', 'PAYLOAD_DECRYPT_FAILED'],
      ['wrong-key', 'PAYLOAD_DECRYPT_FAILED'],
      ['bad-signature', 'PAYLOAD_SIGNATURE_INVALID'],
      ['unsigned', 'PAYLOAD_SIGNATURE_MISSING'],
      ['not-encrypted', 'RESPONSE_NOT_ENCRYPTED'],
      ['wrong-reference', 'RESPONSE_MISMATCH'],
    ] as const;
    for (const [kind, code] of expectations) {
      sandbox.corruptResponses(kind);
      const { messages, error } = await readAll(connect().read(window));
      expect(messages, kind).toEqual([]);
      expect(error?.code, kind).toBe(code);
      expect(error?.retryable).toBe(false);
    }
  });

  it('reports envelope refusals and statement refusals as typed upstream errors', async () => {
    const other = await startSbiSandbox({ seed: 32, count: 3 });
    try {
      const badSigner = await readAll(connect({ privateKey: other.credentials.privateKey }).read(window));
      expect(badSigner.error?.code).toBe('BANK_REQUEST_FAILED');
      expect(badSigner.error?.message).toContain('SI004');
      expect(inspect(badSigner.error, { depth: 10 })).not.toContain(other.credentials.privateKey.slice(40, 120));
      const wrongBankKey = await readAll(connect({ bankPublicKey: other.credentials.bankPublicKey }).read(window));
      expect(wrongBankKey.error?.message).toContain('SI001');
    } finally {
      await other.close();
    }
    const refused = await readAll(connect({ corporateCode: 'CORP000000' }).read(window));
    expect(refused.error?.code).toBe('BANK_STATEMENT_FAILED');
    expect(refused.error?.message).toContain('ACC001');
  });

  it('refreshes the OAuth2 token once on a 401 and carries on', async () => {
    sandbox.server.clearRequests();
    const iterator = connect({ statementRequest: { maxRangeDays: 3 } }).read(window)[Symbol.asyncIterator]();
    const collected: Messages = [];
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      collected.push(step.value);
      if (collected.length === 1) sandbox.expireTokens();
    }
    expect(statementCalls(sandbox).filter((r) => r.status === 401)).toHaveLength(1);
    expect(collected.filter((m) => m.type === 'record')).toHaveLength(sandbox.dataset.validIds.length);
  });

  it('enforces the client-side hourly limit', async () => {
    const controller = new AbortController();
    sandbox.server.clearRequests();
    const reading = readAll(connect({ rateLimit: { perHour: 1 }, statementRequest: { maxRangeDays: 2 } }).read({ ...window, signal: controller.signal }));
    await sandbox.server.waitForRequest((r) => r.path === '/cmp/v1/account-statement');
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const { error } = await reading;
    expect(statementCalls(sandbox)).toHaveLength(1);
    expect(error?.kind).toBe('aborted');
  });
});

describe('sbi connector envelope variants', () => {
  it("reads through aerele's envelope (session key as AES-256 key, IV from the key) when both sides are set to it", async () => {
    const sandbox = await startSbiSandbox({ seed: 33, count: 15, envelope: SBI_EIS_AERELE_ENVELOPE });
    try {
      const window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
      const matching = await readAll(sbi({ ...sbiSandboxConfig(sandbox), envelope: SBI_EIS_AERELE_ENVELOPE }).read(window));
      expect(matching.messages.flatMap((m) => (m.type === 'record' ? [m.txn.txn_id] : []))).toEqual(sandbox.dataset.validIds);
      const mismatched = await readAll(sbi(sbiSandboxConfig(sandbox)).read(window));
      expect(mismatched.error?.code).toBe('BANK_REQUEST_FAILED');
      expect(mismatched.messages).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it('runs on the envelope alone, with no OAuth token, when the gateway takes none (as aerele integrates)', async () => {
    const sandbox = await startSbiSandbox({ seed: 36, count: 9, requireOAuth: false });
    try {
      const { clientId: _id, clientSecret: _secret, ...rest } = sbiSandboxConfig(sandbox);
      const result = await readAll(sbi({ ...rest, oauth: false }).read({ from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate }));
      expect(result.error).toBeUndefined();
      expect(result.messages.filter((m) => m.type === 'record')).toHaveLength(9);
      expect(sandbox.tokensIssued).toBe(0);
    } finally {
      await sandbox.close();
    }
  });

  it('speaks plain JSON when the envelope is off on both sides', async () => {
    const sandbox = await startSbiSandbox({ seed: 34, count: 12, envelope: { enabled: false } });
    try {
      const result = await readAll(sbi({ ...sbiSandboxConfig(sandbox), envelope: { enabled: false } }).read({ from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate }));
      expect(result.error).toBeUndefined();
      expect(result.messages.filter((m) => m.type === 'record')).toHaveLength(12);
    } finally {
      await sandbox.close();
    }
  });
});

describe('sbi connector proactive token refresh', () => {
  it('fetches a new token before the old one expires, so the API never answers 401', async () => {
    const sandbox = await startSbiSandbox({ seed: 35, count: 6, tokenTtlSeconds: 4 });
    try {
      const connector = sbi(sbiSandboxConfig(sandbox));
      const window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
      expect((await readAll(connector.read(window))).error).toBeUndefined();
      expect(sandbox.tokensIssued).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      expect((await readAll(connector.read(window))).error).toBeUndefined();
      expect(sandbox.tokensIssued).toBe(2);
      expect(sandbox.server.requests.filter((r) => r.status === 401)).toHaveLength(0);
    } finally {
      await sandbox.close();
    }
  });
});
