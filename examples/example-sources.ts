/**
 * Every source the guide's examples sync (the ERP ledger export, Razorpay, ICICI, HDFC, SBI and
 * Kotak's MT940 files over SFTP), each one either its real endpoint, when `env.ts` found its
 * variables, or its sandbox started here in-process, loaded with one seeded business day of an
 * online shop (the demo's scenario, `examples/demo/scenario.ts`) so that the records of different
 * sources actually reconcile, planted breaks included.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncSource } from '@recon/core';
import { hdfc } from '@recon/hdfc';
import { hdfcSandboxConfig, startHdfcSandbox } from '@recon/hdfc/sandbox';
import { icici } from '@recon/icici';
import { startIciciSandbox } from '@recon/icici/sandbox';
import { razorpay } from '@recon/razorpay';
import { startRazorpaySandbox } from '@recon/razorpay/sandbox';
import { sbi } from '@recon/sbi';
import { sbiSandboxConfig, startSbiSandbox } from '@recon/sbi/sandbox';
import { createFileLedgerStore, sftp, startSftpSandbox } from '@recon/sftp';
import { kotakMt940Files, postToHdfc, postToIcici, postToSbi } from './demo/bank-fixtures';
import { ledgerFile } from './demo/ledger-connector';
import { createDemoScenario, type DemoScenario } from './demo/scenario';
import { SOURCE_NAMES, type ExamplesConfig, type SourceName } from './env';

/** One source, ready to sync. */
export interface ExampleSource {
  /** `ledger` or one of the five connector names. */
  name: 'ledger' | SourceName;
  /** The `source` its transactions carry (`sftp:kotak` for the SFTP files). */
  source: string;
  mode: 'real' | 'sandbox';
  connector: SyncSource & { close?(): Promise<void> };
}

/** Options of {@link openSources}. */
export interface OpenSourcesOptions {
  config: ExamplesConfig;
  /** The business day (IST) the sandboxes are loaded with. */
  day: string;
  /** A folder for the sandbox inputs (the ledger export, the SFTP server's root) and the SFTP file ledger. */
  workDir: string;
  seed?: number;
  /** Make this source's sandbox fail hard (a lasting 503 outage; for SFTP, the server is gone). */
  fail?: SourceName;
}

/** The running sources. */
export interface OpenedSources {
  sources: ExampleSource[];
  /** The sandboxes' scenario (what they serve, with its planted breaks). */
  scenario: DemoScenario;
  close(): Promise<void>;
}

// Quick retries: sandbox faults are there to be survived, not waited for.
const retry = { retries: 3, minDelayMs: 20, maxDelayMs: 200 };
const OUTAGE = { type: 'status' as const, status: 503, times: Number.POSITIVE_INFINITY };

/** Start the sandboxes needed and build one connector per source. */
export async function openSources(options: OpenSourcesOptions): Promise<OpenedSources> {
  const { config, workDir } = options;
  const scenario = createDemoScenario({ day: options.day, ...(options.seed !== undefined && { seed: options.seed }) });
  const sftpRoot = join(workDir, 'sftp-server');
  mkdirSync(join(sftpRoot, 'outbox'), { recursive: true });
  const closers: Array<() => Promise<void>> = [];
  const sources: ExampleSource[] = [];
  const fail = options.fail;
  try {
    // The ERP ledger export: the shop's own books (a JSON-lines file in the ERP's shape). The
    // scenario's made-up ledger only goes with sandboxes, never next to a real bank's data.
    const anyReal = SOURCE_NAMES.some((name) => config[name] !== undefined);
    if (config.ledgerFile !== undefined) {
      sources.push({ name: 'ledger', source: 'ledger', mode: 'real', connector: ledgerFile({ path: config.ledgerFile }) });
    } else if (!anyReal) {
      const ledgerPath = join(workDir, 'ledger-export.jsonl');
      writeFileSync(ledgerPath, scenario.ledger.map((row) => JSON.stringify(row)).join('\n') + '\n');
      sources.push({ name: 'ledger', source: 'ledger', mode: 'sandbox', connector: ledgerFile({ path: ledgerPath }) });
    }

    if (config.razorpay) {
      sources.push({ name: 'razorpay', source: 'razorpay', mode: 'real', connector: razorpay({ ...config.razorpay, streams: ['payments', 'refunds', 'settlement_recon'] }) });
    } else {
      const sandbox = await startRazorpaySandbox({ seed: scenario.seed, payments: 0, ...(fail === 'razorpay' && { faults: [OUTAGE] }) });
      closers.push(() => sandbox.close());
      sandbox.dataset.payments.push(...scenario.razorpay.payments);
      sandbox.dataset.refunds.push(...scenario.razorpay.refunds);
      sandbox.dataset.settlements.push(...scenario.razorpay.settlements);
      sandbox.dataset.recon.push(...scenario.razorpay.recon);
      const { keyId, keySecret } = sandbox.credentials;
      // The settlements stream is left out: the recon rows carry each payout's UTR.
      const connector = razorpay({ keyId, keySecret, baseUrl: sandbox.url, streams: ['payments', 'refunds', 'settlement_recon'], pageSize: 25, retry });
      sources.push({ name: 'razorpay', source: 'razorpay', mode: 'sandbox', connector });
    }

    if (config.icici) {
      sources.push({ name: 'icici', source: 'icici', mode: 'real', connector: icici(config.icici) });
    } else {
      const sandbox = await startIciciSandbox({ seed: scenario.seed, count: 0, keyBits: 2048, ...(fail === 'icici' && { faults: [OUTAGE] }) });
      closers.push(() => sandbox.close());
      postToIcici(sandbox, scenario.bank);
      sources.push({ name: 'icici', source: 'icici', mode: 'sandbox', connector: icici(sandbox.connectorConfig({ retry })) });
    }

    if (config.hdfc) {
      sources.push({ name: 'hdfc', source: 'hdfc', mode: 'real', connector: hdfc(config.hdfc) });
    } else {
      const sandbox = await startHdfcSandbox({ seed: scenario.seed, count: 0, ...(fail === 'hdfc' && { faults: [OUTAGE] }) });
      closers.push(() => sandbox.close());
      postToHdfc(sandbox, scenario.bank);
      sources.push({ name: 'hdfc', source: 'hdfc', mode: 'sandbox', connector: hdfc({ ...hdfcSandboxConfig(sandbox), retry }) });
    }

    if (config.sbi) {
      sources.push({ name: 'sbi', source: 'sbi', mode: 'real', connector: sbi(config.sbi) });
    } else {
      const sandbox = await startSbiSandbox({ seed: scenario.seed, count: 0, ...(fail === 'sbi' && { faults: [OUTAGE] }) });
      closers.push(() => sandbox.close());
      postToSbi(sandbox, scenario.bank);
      sources.push({ name: 'sbi', source: 'sbi', mode: 'sandbox', connector: sbi({ ...sbiSandboxConfig(sandbox), retry }) });
    }

    // Processed files are remembered in a ledger file beside the other state: each file once.
    const ledger = createFileLedgerStore(join(workDir, 'kotak-sftp-ledger.json'));
    if (config.sftp) {
      sources.push({ name: 'sftp', source: 'sftp:kotak', mode: 'real', connector: sftp({ ...config.sftp, ledger, source: 'sftp:kotak' }) });
    } else {
      // Files uploaded an hour ago: stable, so the poller takes them at once.
      const uploaded = Math.floor(Date.now() / 1000) - 3_600;
      for (const file of kotakMt940Files(scenario.bank)) {
        const path = join(sftpRoot, 'outbox', file.name);
        writeFileSync(path, file.content);
        utimesSync(path, uploaded, uploaded);
      }
      const server = await startSftpSandbox({ root: sftpRoot });
      const connector = sftp({
        host: server.host,
        port: server.port,
        username: server.credentials.username,
        password: server.credentials.password as string,
        hostKey: server.hostKeyFingerprint,
        remoteDir: '/outbox',
        pattern: 'KOTAK_*.sta',
        ledger,
        source: 'sftp:kotak',
        stabilityIntervalMs: 50,
        retry: { retries: 1, minDelayMs: 20 },
      });
      // Failing hard: the bank's server is simply gone (connection refused on every attempt).
      if (fail === 'sftp') await server.close();
      else closers.push(() => server.close());
      sources.push({ name: 'sftp', source: 'sftp:kotak', mode: 'sandbox', connector });
    }
  } catch (error) {
    await Promise.allSettled(closers.map((close) => close()));
    throw error;
  }
  return {
    sources,
    scenario,
    async close() {
      await Promise.allSettled(sources.map((s) => s.connector.close?.()));
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
}
