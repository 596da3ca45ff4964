/**
 * Every source of the demo, started in-process on 127.0.0.1 and loaded with the scenario: the
 * Razorpay, ICICI, HDFC and SBI sandboxes (each misbehaving once, so the retries show), an SFTP
 * server whose outbox holds Kotak's MT940 files, and the ERP's ledger export. Returns one real
 * connector per source, configured exactly as against the real service, plus the faults injected.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncSource } from '@recon/core';
import { hdfc } from '@recon/hdfc';
import { hdfcSandboxConfig, startHdfcSandbox } from '@recon/hdfc/sandbox';
import { icici } from '@recon/icici';
import { startIciciSandbox } from '@recon/icici/sandbox';
import { razorpay } from '@recon/razorpay';
import { rateLimitFault, startRazorpaySandbox } from '@recon/razorpay/sandbox';
import { sbi } from '@recon/sbi';
import { sbiSandboxConfig, startSbiSandbox } from '@recon/sbi/sandbox';
import { createMemoryLedgerStore, sftp, startSftpSandbox } from '@recon/sftp';
import { kotakMt940Files, postToHdfc, postToIcici, postToSbi } from './bank-fixtures';
import { ledgerFile } from './ledger-connector';
import type { DemoScenario } from './scenario';

/** One source to sync: a label for progress lines and the connector. */
export interface DemoSource {
  label: string;
  /** The `source` its transactions carry. */
  source: string;
  connector: SyncSource & { close?: () => Promise<void> };
  /** Where it is served, for the progress lines. */
  url: string;
  /** What the source holds, in a few words. */
  holds: string;
}

/** The running sources. */
export interface DemoSources {
  sources: DemoSource[];
  /** Faults the sandboxes injected so far (`razorpay: status 429`, ...). */
  faults(): string[];
  close(): Promise<void>;
}

// Fast retries: the faults are there to be survived, not waited for.
const retry = { retries: 4, minDelayMs: 20, maxDelayMs: 400 };

/** Start everything under `inputs` (the ledger export and the SFTP root are written there). */
export async function startDemoSources(scenario: DemoScenario, inputs: string): Promise<DemoSources> {
  mkdirSync(join(inputs, 'sftp', 'outbox'), { recursive: true });
  const ledgerPath = join(inputs, 'ledger-export.jsonl');
  writeFileSync(ledgerPath, scenario.ledger.map((row) => JSON.stringify(row)).join('\n') + '\n');
  const mt940 = kotakMt940Files(scenario.bank);
  // Files uploaded an hour ago: stable, so the poller takes them at once.
  const uploaded = Math.floor(Date.now() / 1000) - 3_600;
  for (const file of mt940) {
    const path = join(inputs, 'sftp', 'outbox', file.name);
    writeFileSync(path, file.content);
    utimesSync(path, uploaded, uploaded);
  }

  const [rzp, iciciBank, hdfcBank, sbiBank, kotak] = await Promise.all([
    startRazorpaySandbox({ seed: scenario.seed, payments: 0, faults: [rateLimitFault({ after: 1, retryAfter: 1 })] }),
    startIciciSandbox({ seed: scenario.seed, count: 0, keyBits: 2048, faults: [{ type: 'status', status: 503, after: 0 }] }),
    startHdfcSandbox({ seed: scenario.seed, count: 0, faults: [{ type: 'reset', after: 1 }] }),
    startSbiSandbox({ seed: scenario.seed, count: 0, faults: [{ type: 'status', status: 502, after: 1 }] }),
    startSftpSandbox({ root: join(inputs, 'sftp') }),
  ]);
  rzp.dataset.payments.push(...scenario.razorpay.payments);
  rzp.dataset.refunds.push(...scenario.razorpay.refunds);
  rzp.dataset.settlements.push(...scenario.razorpay.settlements);
  rzp.dataset.recon.push(...scenario.razorpay.recon);
  const counts = { icici: postToIcici(iciciBank, scenario.bank), hdfc: postToHdfc(hdfcBank, scenario.bank), sbi: postToSbi(sbiBank, scenario.bank) };

  const { keyId, keySecret } = rzp.credentials;
  const sources: DemoSource[] = [
    { label: 'ledger', source: 'ledger', connector: ledgerFile({ path: ledgerPath }), url: ledgerPath, holds: `${scenario.ledger.length} ERP rows` },
    {
      label: 'razorpay',
      source: 'razorpay',
      // The settlements stream is left out: its payouts are the bank side's business, the recon rows carry their UTRs.
      connector: razorpay({ keyId, keySecret, baseUrl: rzp.url, streams: ['payments', 'refunds', 'settlement_recon'], pageSize: 25, retry }),
      url: rzp.url,
      holds: `${scenario.razorpay.payments.length} payments, ${scenario.razorpay.refunds.length} refund, ${scenario.razorpay.settlements.length} settlements`,
    },
    { label: 'icici', source: 'icici', connector: icici(iciciBank.connectorConfig({ retry })), url: iciciBank.url, holds: `${counts.icici} statement lines` },
    { label: 'hdfc', source: 'hdfc', connector: hdfc({ ...hdfcSandboxConfig(hdfcBank), retry }), url: hdfcBank.url, holds: `${counts.hdfc} statement lines` },
    { label: 'sbi', source: 'sbi', connector: sbi({ ...sbiSandboxConfig(sbiBank), retry }), url: sbiBank.url, holds: `${counts.sbi} statement lines` },
    {
      label: 'kotak (sftp)',
      source: 'sftp:kotak',
      connector: sftp({
        host: kotak.host,
        port: kotak.port,
        username: kotak.credentials.username,
        password: kotak.credentials.password as string,
        hostKey: kotak.hostKeyFingerprint,
        remoteDir: '/outbox',
        pattern: 'KOTAK_*.sta',
        ledger: createMemoryLedgerStore(),
        source: 'sftp:kotak',
        stabilityIntervalMs: 50,
      }),
      url: kotak.url,
      holds: `${mt940.length} MT940 files`,
    },
  ];
  const sandboxes = [
    ['razorpay', rzp],
    ['icici', iciciBank],
    ['hdfc', hdfcBank],
    ['sbi', sbiBank],
  ] as const;
  return {
    sources,
    faults: () => sandboxes.flatMap(([name, s]) => s.server.requests.filter((r) => r.fault).map((r) => `${name}: ${r.fault}${r.status ? ` ${r.status}` : ''}`)),
    async close() {
      await Promise.allSettled(sources.map((s) => s.connector.close?.()));
      await Promise.allSettled([rzp.close(), iciciBank.close(), hdfcBank.close(), sbiBank.close(), kotak.close()]);
    },
  };
}
