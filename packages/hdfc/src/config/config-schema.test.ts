import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { ConfigError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { hdfc } from '../connector/hdfc-connector';
import { HdfcConfigSchema } from './config-schema';

const client = generateKeyPairSync('rsa', { modulusLength: 2048 });
const bank = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = client.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const bankPublicKey = bank.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const valid = { clientId: 'client-key-1', clientSecret: 'S3cr3t-value-xyz', scope: 'CBXMGRT3', accountNumber: '50200012345678', privateKey, bankPublicKey };

function configError(input: unknown): ConfigError {
  try {
    hdfc(input as never);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('HdfcConfigSchema', () => {
  it('applies the documented defaults', () => {
    const config = HdfcConfigSchema.parse(valid);
    expect(config).toMatchObject({
      baseUrl: 'https://api-uat.hdfcbank.com',
      currency: 'INR',
      rateLimit: { perHour: 1000 },
      statementMapping: 'aa-deposit',
      lookbackDays: 30,
      statementRequest: { path: '/api/v1/corp-acctStatement', dateFormat: 'yyyy-mm-dd', pageSize: 100, maxRangeDays: 31, fields: { account: 'accountNumber', pageToken: 'pageToken' } },
    });
  });

  it('reports every problem at once, rejects unknown keys, and never echoes a value', () => {
    const error = configError({ ...valid, clientSecret: '', accountNumber: '12', privateKey: 'not a key S3cr3t', bankPublicKey: 'nope', tls: { cert: 'x' }, extra: 1 });
    const text = error.message;
    for (const field of ['clientSecret', 'accountNumber', 'privateKey', 'bankPublicKey', 'tls.key', 'extra']) expect(text).toContain(field);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain('S3cr3t');
  });

  it('checks an encrypted private key against its passphrase', () => {
    const encrypted = client.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right horse battery' }).toString();
    expect(HdfcConfigSchema.safeParse({ ...valid, privateKey: encrypted }).success).toBe(false);
    expect(HdfcConfigSchema.safeParse({ ...valid, privateKey: encrypted, privateKeyPassphrase: 'wrong' }).success).toBe(false);
    expect(HdfcConfigSchema.safeParse({ ...valid, privateKey: encrypted, privateKeyPassphrase: 'right horse battery' }).success).toBe(true);
  });

  it('accepts the rate limit as an override or off, and a custom mapping object', () => {
    expect(HdfcConfigSchema.parse({ ...valid, rateLimit: { perMinute: 10 } }).rateLimit).toEqual({ perMinute: 10 });
    expect(HdfcConfigSchema.parse({ ...valid, rateLimit: false }).rateLimit).toBe(false);
    const custom = { rowsPath: 'data', fields: { amount: 'amt', direction: 'drcr', postedAt: 'txnDate' }, postedAtFormat: 'dd-mm-yyyy HH:MM:SS' };
    expect(HdfcConfigSchema.safeParse({ ...valid, statementMapping: custom }).success).toBe(true);
    expect(HdfcConfigSchema.safeParse({ ...valid, statementMapping: 'icici' }).success).toBe(false);
  });

  it('publishes a JSON Schema of the config', () => {
    const spec = hdfc.spec();
    expect(spec).toMatchObject({ type: 'object', additionalProperties: false });
    expect(Object.keys((spec as { properties: object }).properties)).toEqual(expect.arrayContaining(['clientId', 'clientSecret', 'scope', 'privateKey', 'bankPublicKey', 'tls', 'statementMapping', 'rateLimit']));
  });
});
