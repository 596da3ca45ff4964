import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, InvalidDataError, isReconError, UpstreamError } from '../errors';
import type { StandardTransactionInput } from '../schema/transaction';
import { defineConnector } from './define-connector';
import type { ConnectorMessage } from './types';

const SECRET = 'sk_test_VERY_SECRET_42';

function txn(id: string, overrides: Partial<StandardTransactionInput> = {}): StandardTransactionInput {
  return {
    schema_version: 1,
    txn_id: id,
    source: 'fixture',
    account_id: 'ACC-1',
    amount: '100.00',
    currency: 'INR',
    direction: 'CREDIT',
    status: 'SUCCESS',
    timestamp: '2026-11-20T10:00:00+05:30',
    transaction_type: 'PAYMENT',
    raw: { id },
    ...overrides,
  };
}

const fixture = defineConnector({
  id: 'fixture',
  version: '1.0.0',
  config: z.object({ apiKey: z.string().min(8), pageSize: z.number().int().positive().default(2), failWith: z.enum(['none', 'leak', 'typed']).default('none') }),
  secrets: (c) => [c.apiKey],
  create: (config) => ({
    async check() {
      if (config.failWith === 'leak') throw new Error(`upstream said: bad key ${config.apiKey}`);
      return { ok: true, message: 'reachable' };
    },
    async *read() {
      yield { type: 'record', txn: txn('a') } as ConnectorMessage;
      yield { type: 'record', txn: txn('b', { amount: '1.5' }) } as ConnectorMessage; // wrong scale for INR
      yield { type: 'state', cursor: { page: 1 } };
      if (config.failWith === 'leak') throw new Error(`socket closed while sending Authorization: Bearer ${config.apiKey}`);
      if (config.failWith === 'typed') throw new UpstreamError(`bank rejected key ${config.apiKey}`, { status: 500 });
      yield { type: 'record', txn: txn('c') } as ConnectorMessage;
    },
  }),
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('defineConnector', () => {
  it('validates config eagerly, lists every issue, rejects unknown keys, never echoes values', () => {
    let error: unknown;
    try {
      fixture({ apiKey: 'short', pageSize: -1, extra: SECRET } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message).toContain('apiKey');
    expect(e.message).toContain('pageSize');
    expect(e.message).toMatch(/extra/);
    expect(inspect(e, { depth: 10 })).not.toContain(SECRET);
    expect((e.details as { issues: unknown[] }).issues.length).toBeGreaterThanOrEqual(3);
  });

  it('exposes a JSON Schema of the config', () => {
    const spec = fixture.spec();
    expect(spec).toMatchObject({ type: 'object', properties: { apiKey: { type: 'string' } }, additionalProperties: false });
  });

  it('check() reports instead of throwing, with secrets scrubbed', async () => {
    const ok = await fixture({ apiKey: SECRET }).check();
    expect(ok).toEqual({ ok: true, message: 'reachable' });
    const bad = await fixture({ apiKey: SECRET, failWith: 'leak' }).check();
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(isReconError(bad.error)).toBe(true);
    expect(bad.error.kind).toBe('internal');
    expect(inspect(bad, { depth: 10 }) + JSON.stringify(bad)).not.toContain(SECRET);
  });

  it('turns a record that fails the schema into an invalid message with its raw payload', async () => {
    const messages = await collect(fixture({ apiKey: SECRET }).read());
    expect(messages.map((m) => m.type)).toEqual(['record', 'invalid', 'state', 'record']);
    const invalid = messages[1];
    if (invalid?.type !== 'invalid') throw new Error('expected invalid');
    expect(invalid.error).toBeInstanceOf(InvalidDataError);
    expect(invalid.error.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
    expect(invalid.raw).toMatchObject({ txn_id: 'b', amount: '1.5' });
  });

  it('scrubs secrets from errors thrown mid-read, plain or typed', async () => {
    for (const failWith of ['leak', 'typed'] as const) {
      const seen: ConnectorMessage[] = [];
      let error: unknown;
      try {
        for await (const m of fixture({ apiKey: SECRET, failWith }).read()) seen.push(m);
      } catch (e) {
        error = e;
      }
      expect(seen).toHaveLength(3);
      expect(isReconError(error)).toBe(true);
      expect(String(error) + (error as Error).stack + inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(SECRET);
    }
  });
});
