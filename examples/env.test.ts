import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectorModes, describeModes, ENV_VARS, loadDotEnv, parseDotEnv, readExamplesConfig } from './env';

const dir = mkdtempSync(join(tmpdir(), 'recon-env-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDotEnv', () => {
  it('reads names, values, quotes and comments the way .env files are written', () => {
    const text = ['# a comment', 'PLAIN=abc', 'export EXPORTED=1', 'SPACED = x y ', 'DQ="a#b\\nc"', "SQ='a  b'", 'TRAILING=v # note', 'EMPTY=', 'not a line', ''].join('\n');
    expect(parseDotEnv(text)).toEqual({ PLAIN: 'abc', EXPORTED: '1', SPACED: 'x y', DQ: 'a#b\nc', SQ: 'a  b', TRAILING: 'v', EMPTY: '' });
  });
});

describe('loadDotEnv', () => {
  it('loads a file without overriding what the shell set, and says when there is none', () => {
    const path = join(dir, '.env');
    writeFileSync(path, 'RECON_ENV_TEST_A=from-file\nRECON_ENV_TEST_B=from-file\n');
    process.env.RECON_ENV_TEST_B = 'from-shell';
    try {
      expect(loadDotEnv(path)).toBe(true);
      expect(process.env.RECON_ENV_TEST_A).toBe('from-file');
      expect(process.env.RECON_ENV_TEST_B).toBe('from-shell');
      expect(loadDotEnv(join(dir, 'missing.env'))).toBe(false);
    } finally {
      delete process.env.RECON_ENV_TEST_A;
      delete process.env.RECON_ENV_TEST_B;
    }
  });
});

describe('readExamplesConfig', () => {
  it('uses every sandbox when nothing is set', () => {
    expect(connectorModes({})).toEqual({ real: [], sandbox: ['razorpay', 'icici', 'hdfc', 'sbi', 'sftp'], incomplete: [] });
    expect(readExamplesConfig({})).toEqual({});
  });

  it('switches one connector to its real endpoint when all of its variables are set, reading key files', () => {
    const keyFile = join(dir, 'bank.pem');
    writeFileSync(keyFile, '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n');
    const env = {
      RAZORPAY_KEY_ID: 'rzp_test_abc',
      RAZORPAY_KEY_SECRET: 's3cret-razorpay',
      ICICI_API_KEY: 'k'.repeat(12),
      ICICI_CORP_ID: 'CORP',
      ICICI_USER_ID: 'USER',
      ICICI_AGGR_ID: 'AGGR',
      ICICI_URN: 'URN',
      ICICI_ACCOUNT_NUMBER: '000405001611',
      ICICI_BANK_PUBLIC_KEY_FILE: keyFile,
      ICICI_CLIENT_PRIVATE_KEY_FILE: keyFile,
      RECON_KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    };
    const config = readExamplesConfig(env);
    expect(config.razorpay).toEqual({ keyId: 'rzp_test_abc', keySecret: 's3cret-razorpay' });
    expect(config.icici?.bankPublicKey).toContain('BEGIN PUBLIC KEY');
    expect(config.hdfc).toBeUndefined();
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    const line = describeModes(config);
    expect(line).toContain('razorpay: real endpoint');
    expect(line).toContain('hdfc: sandbox');
    expect(line).not.toContain('s3cret-razorpay');
  });

  it('stops on a half-configured connector, naming the missing variables and no value', () => {
    const env = { HDFC_CLIENT_ID: 'client', HDFC_CLIENT_SECRET: 'hdfc-secret-value' };
    expect(connectorModes(env).incomplete).toEqual([{ source: 'hdfc', missing: ENV_VARS.hdfc.required.filter((n) => !(n in env)) }]);
    let message = '';
    try {
      readExamplesConfig(env);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain('HDFC_SCOPE');
    expect(message).not.toContain('hdfc-secret-value');
  });

  it('refuses an unreadable key file by its variable name only', () => {
    const env = { SBI_BASE_URL: 'https://sbi.example', SBI_ACCOUNT_NUMBER: '12345678', SBI_CORPORATE_CODE: 'C', SBI_SOURCE_ID: 'AB', SBI_PRIVATE_KEY_FILE: join(dir, 'nope.pem'), SBI_BANK_PUBLIC_KEY_FILE: join(dir, 'nope.pem') };
    expect(() => readExamplesConfig(env)).toThrow(/SBI_PRIVATE_KEY_FILE names a file that cannot be read/);
  });
});
