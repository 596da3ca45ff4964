import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { ConfigError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { sbi } from '../connector/sbi-connector';
import { SbiConfigSchema } from './config-schema';

const client = generateKeyPairSync('rsa', { modulusLength: 2048 });
const bank = generateKeyPairSync('rsa', { modulusLength: 2048 });
const valid = {
  baseUrl: 'https://uat.example.invalid',
  clientId: 'sbi-client-1',
  clientSecret: 'Very-Secret-42',
  accountNumber: '00000031234567890',
  corporateCode: 'CORP123456',
  sourceId: 'RC',
  privateKey: client.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  bankPublicKey: bank.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

describe('SbiConfigSchema', () => {
  it('applies the documented defaults', () => {
    expect(SbiConfigSchema.parse(valid)).toMatchObject({
      oauth: true,
      rateLimit: { perHour: 2000 },
      envelope: { enabled: true, aesKey: 'sha256-first-16', iv: 'random-prefix', rsaPadding: 'oaep-sha1', sessionKeyLength: 32, sessionKeyHeader: 'AccessToken', requireResponseSignature: true },
      statementRequest: { path: '/cmp/v1/account-statement', dateFormat: 'ddmmyyyy', requestName: 'AccountStatementRequest', txnType: 'ACCOUNT', txnSubType: 'STATEMENT', hash: true, maxRangeDays: 31 },
      statementMapping: { rowsPath: 'accountStatementDetails', dateFormat: 'dd/mm/yyyy', fields: { amount: 'AMOUNT', date: 'VALUE_DATE', direction: null } },
    });
  });

  it('reports every problem at once and never echoes a value', () => {
    let error: unknown;
    try {
      sbi({ ...valid, clientSecret: 'x', sourceId: 'ABC', accountNumber: 'ACC-1', bankPublicKey: 'Very-Secret-42', envelope: { aesKey: 'session-key-bytes', sessionKeyLength: 20 }, nope: true } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const field of ['clientSecret', 'sourceId', 'accountNumber', 'bankPublicKey', 'envelope.sessionKeyLength', 'nope']) expect(message).toContain(field);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain('Very-Secret-42');
  });

  it('requires OAuth credentials only while oauth is on', () => {
    const { clientId: _id, clientSecret: _secret, ...rest } = valid;
    const missing = SbiConfigSchema.safeParse(rest);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['clientId', 'clientSecret']);
    expect(SbiConfigSchema.safeParse({ ...rest, oauth: false }).success).toBe(true);
  });

  it('requires a base URL: no public SBI host is confirmed', () => {
    const { baseUrl: _omitted, ...rest } = valid;
    expect(SbiConfigSchema.safeParse(rest).success).toBe(false);
  });
});
