/**
 * The examples' configuration: a `.env` file (as the integration guide suggests) and, per
 * connector, either the real endpoint's settings (when all of its variables are set) or nothing,
 * in which case the example starts that connector's sandbox in-process (see `example-sources.ts`).
 *
 * Variable names are listed in `examples/.env.example`. Secret values are read here and handed to
 * the connectors; nothing in this file prints or throws a value, only variable names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@recon/core';
import type { HdfcConfig } from '@recon/hdfc';
import type { IciciConfig } from '@recon/icici';
import type { RazorpayConfig } from '@recon/razorpay';
import type { SbiConfig } from '@recon/sbi';

/** The environment as the examples read it. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parse `.env` text: `NAME=value` lines, `#` comments, optional `export `, single or double quotes
 * (double quotes understand `\n`). Enough for the guide's `.env`; Node's own loader is preferred.
 */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2] ?? '';
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replaceAll('\\n', '\n');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out[match[1]!] = value;
  }
  return out;
}

/**
 * Load `.env` into `process.env` without overriding variables already set (the shell wins, as
 * with Node's `--env-file`). Uses `process.loadEnvFile` (Node ≥ 20.12) when present, else
 * {@link parseDotEnv}. Returns whether a file was loaded.
 */
export function loadDotEnv(path = resolve(process.cwd(), '.env')): boolean {
  if (!existsSync(path)) return false;
  const loader = (process as { loadEnvFile?: (path: string) => void }).loadEnvFile;
  if (typeof loader === 'function') {
    loader(path);
    return true;
  }
  for (const [name, value] of Object.entries(parseDotEnv(readFileSync(path, 'utf8')))) if (process.env[name] === undefined) process.env[name] = value;
  return true;
}

/** SFTP statement fetch settings (the guide's Kotak hourly files). */
export interface SftpEnvConfig {
  host: string;
  port: number;
  username: string;
  privateKey?: string;
  passphrase?: string;
  password?: string;
  /** `SHA256:…` fingerprint of the server's host key: always pinned for a real server. */
  hostKey: string;
  remoteDir: string;
  pattern: string;
}

/** Real-endpoint settings per connector; a connector left out runs against its sandbox. */
export interface ExamplesConfig {
  razorpay?: Pick<RazorpayConfig, 'keyId' | 'keySecret'> & { accountId?: string; baseUrl?: string };
  /** Webhook secret (Dashboard → Webhooks); without it the receiver example makes its own and uses the sandbox. */
  razorpayWebhookSecret?: string;
  icici?: IciciConfig;
  hdfc?: HdfcConfig;
  sbi?: SbiConfig;
  sftp?: SftpEnvConfig;
  /**
   * `RECON_LEDGER_FILE`: your ERP's ledger export (JSON lines, one row per entry, in the shape of
   * `examples/demo/ledger-connector.ts`). Without it the sandbox scenario's ledger is used, and only
   * while every connector is on its sandbox (made-up ledger rows never meet real bank data).
   */
  ledgerFile?: string;
  /** `RECON_KAFKA_BROKERS`, comma separated; without it the Kafka examples start the project's broker. */
  kafkaBrokers?: string[];
}

/** The five sources the examples sync. */
export const SOURCE_NAMES = ['razorpay', 'icici', 'hdfc', 'sbi', 'sftp'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Variables that switch each connector to its real endpoint: all of `required` must be set. */
export const ENV_VARS: Readonly<Record<SourceName, { required: readonly string[]; optional: readonly string[] }>> = {
  razorpay: { required: ['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET'], optional: ['RAZORPAY_ACCOUNT_ID', 'RAZORPAY_BASE_URL'] },
  icici: {
    required: ['ICICI_API_KEY', 'ICICI_CORP_ID', 'ICICI_USER_ID', 'ICICI_AGGR_ID', 'ICICI_URN', 'ICICI_ACCOUNT_NUMBER', 'ICICI_BANK_PUBLIC_KEY_FILE', 'ICICI_CLIENT_PRIVATE_KEY_FILE'],
    optional: ['ICICI_CLIENT_PRIVATE_KEY_PASSPHRASE', 'ICICI_BASE_URL'],
  },
  hdfc: {
    required: ['HDFC_CLIENT_ID', 'HDFC_CLIENT_SECRET', 'HDFC_SCOPE', 'HDFC_ACCOUNT_NUMBER', 'HDFC_PRIVATE_KEY_FILE', 'HDFC_BANK_PUBLIC_KEY_FILE'],
    optional: ['HDFC_BASE_URL', 'HDFC_PRIVATE_KEY_PASSPHRASE', 'HDFC_TLS_CERT_FILE', 'HDFC_TLS_KEY_FILE'],
  },
  sbi: {
    required: ['SBI_BASE_URL', 'SBI_ACCOUNT_NUMBER', 'SBI_CORPORATE_CODE', 'SBI_SOURCE_ID', 'SBI_PRIVATE_KEY_FILE', 'SBI_BANK_PUBLIC_KEY_FILE'],
    optional: ['SBI_CLIENT_ID', 'SBI_CLIENT_SECRET', 'SBI_SCOPE', 'SBI_PRIVATE_KEY_PASSPHRASE'],
  },
  sftp: {
    required: ['KOTAK_SFTP_HOST', 'KOTAK_SFTP_USER', 'KOTAK_SFTP_HOST_KEY'],
    optional: ['KOTAK_SFTP_PORT', 'KOTAK_SFTP_KEY_FILE', 'KOTAK_SFTP_KEY_PASSPHRASE', 'KOTAK_SFTP_PASSWORD', 'KOTAK_SFTP_DIR', 'KOTAK_SFTP_PATTERN'],
  },
};

const set = (env: Env, name: string) => (env[name] ?? '').trim() !== '';

/** Which connectors are switched to their real endpoint, which run against a sandbox, and which are half-configured. */
export function connectorModes(env: Env = process.env): { real: SourceName[]; sandbox: SourceName[]; incomplete: { source: SourceName; missing: string[] }[] } {
  const real: SourceName[] = [];
  const sandbox: SourceName[] = [];
  const incomplete: { source: SourceName; missing: string[] }[] = [];
  for (const source of SOURCE_NAMES) {
    const { required } = ENV_VARS[source];
    const missing = required.filter((name) => !set(env, name));
    if (missing.length === 0) real.push(source);
    else if (missing.length === required.length) sandbox.push(source);
    else incomplete.push({ source, missing });
  }
  return { real, sandbox, incomplete };
}

/**
 * Read the real-endpoint settings from the environment. A connector whose variables are only
 * partly set is a mistake worth stopping for: a {@link ConfigError} names the missing variables
 * (never a value). Key files named by `*_FILE` variables are read here.
 */
export function readExamplesConfig(env: Env = process.env): ExamplesConfig {
  const modes = connectorModes(env);
  if (modes.incomplete.length > 0) {
    const detail = modes.incomplete.map((i) => `${i.source}: set ${i.missing.join(', ')} (or unset its other variables to use its sandbox)`).join('; ');
    throw new ConfigError(`Incomplete connector settings in the environment: ${detail}`, { code: 'CONFIG_INVALID' });
  }
  const v = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const must = (name: string) => v(name) as string;
  const file = (name: string) => {
    const path = v(name);
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new ConfigError(`${name} names a file that cannot be read`, { code: 'CONFIG_INVALID' });
    }
  };
  const real = new Set(modes.real);
  const config: ExamplesConfig = {};
  if (real.has('razorpay')) {
    config.razorpay = { keyId: must('RAZORPAY_KEY_ID'), keySecret: must('RAZORPAY_KEY_SECRET'), ...opt('accountId', v('RAZORPAY_ACCOUNT_ID')), ...opt('baseUrl', v('RAZORPAY_BASE_URL')) };
  }
  const webhookSecret = v('RAZORPAY_WEBHOOK_SECRET');
  if (webhookSecret !== undefined) config.razorpayWebhookSecret = webhookSecret;
  if (real.has('icici')) {
    config.icici = {
      apiKey: must('ICICI_API_KEY'),
      corpId: must('ICICI_CORP_ID'),
      userId: must('ICICI_USER_ID'),
      aggrId: must('ICICI_AGGR_ID'),
      urn: must('ICICI_URN'),
      accountNumber: must('ICICI_ACCOUNT_NUMBER'),
      bankPublicKey: file('ICICI_BANK_PUBLIC_KEY_FILE') as string,
      clientPrivateKey: file('ICICI_CLIENT_PRIVATE_KEY_FILE') as string,
      ...opt('clientPrivateKeyPassphrase', v('ICICI_CLIENT_PRIVATE_KEY_PASSPHRASE')),
      ...opt('baseUrl', v('ICICI_BASE_URL')),
    };
  }
  if (real.has('hdfc')) {
    const cert = file('HDFC_TLS_CERT_FILE');
    const key = file('HDFC_TLS_KEY_FILE');
    config.hdfc = {
      clientId: must('HDFC_CLIENT_ID'),
      clientSecret: must('HDFC_CLIENT_SECRET'),
      scope: must('HDFC_SCOPE'),
      accountNumber: must('HDFC_ACCOUNT_NUMBER'),
      privateKey: file('HDFC_PRIVATE_KEY_FILE') as string,
      bankPublicKey: file('HDFC_BANK_PUBLIC_KEY_FILE') as string,
      ...opt('privateKeyPassphrase', v('HDFC_PRIVATE_KEY_PASSPHRASE')),
      ...opt('baseUrl', v('HDFC_BASE_URL')),
      ...(cert !== undefined && key !== undefined && { tls: { cert, key } }),
    };
  }
  if (real.has('sbi')) {
    config.sbi = {
      baseUrl: must('SBI_BASE_URL'),
      accountNumber: must('SBI_ACCOUNT_NUMBER'),
      corporateCode: must('SBI_CORPORATE_CODE'),
      sourceId: must('SBI_SOURCE_ID'),
      privateKey: file('SBI_PRIVATE_KEY_FILE') as string,
      bankPublicKey: file('SBI_BANK_PUBLIC_KEY_FILE') as string,
      ...opt('privateKeyPassphrase', v('SBI_PRIVATE_KEY_PASSPHRASE')),
      ...opt('clientId', v('SBI_CLIENT_ID')),
      ...opt('clientSecret', v('SBI_CLIENT_SECRET')),
      ...opt('scope', v('SBI_SCOPE')),
    };
  }
  if (real.has('sftp')) {
    const port = v('KOTAK_SFTP_PORT');
    if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new ConfigError('KOTAK_SFTP_PORT must be a port number', { code: 'CONFIG_INVALID' });
    config.sftp = {
      host: must('KOTAK_SFTP_HOST'),
      port: port === undefined ? 22 : Number.parseInt(port, 10),
      username: must('KOTAK_SFTP_USER'),
      hostKey: must('KOTAK_SFTP_HOST_KEY'),
      remoteDir: v('KOTAK_SFTP_DIR') ?? '/outbox',
      pattern: v('KOTAK_SFTP_PATTERN') ?? '*.sta',
      ...opt('privateKey', file('KOTAK_SFTP_KEY_FILE')),
      ...opt('passphrase', v('KOTAK_SFTP_KEY_PASSPHRASE')),
      ...opt('password', v('KOTAK_SFTP_PASSWORD')),
    };
  }
  const ledgerFile = v('RECON_LEDGER_FILE');
  if (ledgerFile !== undefined) config.ledgerFile = ledgerFile;
  const brokers = v('RECON_KAFKA_BROKERS');
  if (brokers !== undefined) config.kafkaBrokers = brokers.split(',').map((b) => b.trim()).filter((b) => b !== '');
  return config;
}

/** `{ [key]: value }` when the value is set, `{}` otherwise (exactOptionalPropertyTypes-friendly). */
function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** One line per connector saying where it reads from: names and modes only, never a value. */
export function describeModes(config: ExamplesConfig): string {
  const connectors = SOURCE_NAMES.map((name) => `${name}: ${config[name] ? 'real endpoint (from the environment)' : 'sandbox (in-process)'}`);
  const anyReal = SOURCE_NAMES.some((name) => config[name] !== undefined);
  const ledger = config.ledgerFile !== undefined ? 'RECON_LEDGER_FILE' : anyReal ? 'none (set RECON_LEDGER_FILE)' : 'sandbox scenario';
  return [...connectors, `ledger: ${ledger}`].join('; ');
}
