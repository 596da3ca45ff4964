#!/usr/bin/env node
// Installs every packed package into two fresh projects, one ESM ("type": "module", `import`) and
// one CommonJS (`require`), and uses each entry point there: what a user gets from `npm install`,
// not what the workspace resolves. publint and attw (check-packages.mjs) read the tarball; this runs
// it. Then `tsc --noEmit` (moduleResolution node16) compiles a small typed file in both projects, so
// the shipped .d.ts / .d.cts files resolve and type-check under each module system.
// Needs a prior build (dist/). External dependencies come from the npm registry.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packPackages, root } from './pack-packages.mjs';

const run = promisify(execFile);
const started = Date.now();

/**
 * One smoke check per entry point: `check` is the body of an async function of `m` (the module)
 * that must return true; `resolveOnly` entries are only resolved (importing
 * `@recon/core/testing/vitest` needs a running vitest, an optional peer). `ts` is a line of typed
 * use for the tsc pass (omitted where the types need an optional peer that is not installed).
 */
const entries = [
  // 2048-bit keys: the default 4096-bit pair takes seconds to generate and proves nothing more here.
  { spec: '@recon/core', check: `return m.parseAmount('12.34', 'INR').minor === 1234n;`, ts: `import { parseAmount, type Money } from '@recon/core';\nexport const amount: Money = parseAmount('12.34', 'INR');` },
  { spec: '@recon/core/testing', check: `const s = await m.startSampleLedgerSandbox(); await s.close(); return s.url.startsWith('http://127.0.0.1:');`, ts: `import { startSampleLedgerSandbox } from '@recon/core/testing';\nexport const ledger = startSampleLedgerSandbox satisfies (...args: never[]) => Promise<{ url: string; close(): Promise<void> }>;` },
  { spec: '@recon/core/testing/vitest', resolveOnly: true },
  { spec: '@recon/formats', check: `return m.detectFormat(':20:STMT\\n:25:123\\n').format === 'mt940';`, ts: `import { detectFormat, type DetectedFormat } from '@recon/formats';\nexport const detected: DetectedFormat = detectFormat(':20:X');` },
  { spec: '@recon/hdfc', check: `return typeof m.hdfc.spec() === 'object' && m.hdfc.id === 'hdfc';`, ts: `import { hdfc } from '@recon/hdfc';\nexport const hdfcSpec: Record<string, unknown> = hdfc.spec();` },
  { spec: '@recon/hdfc/sandbox', check: `const s = await m.startHdfcSandbox(); await s.close(); return typeof s.url === 'string';`, ts: `import { startHdfcSandbox } from '@recon/hdfc/sandbox';\nexport const hdfcSandbox = startHdfcSandbox satisfies (...args: never[]) => Promise<{ url: string; close(): Promise<void> }>;` },
  { spec: '@recon/icici', check: `return typeof m.icici.spec() === 'object' && m.icici.id === 'icici';`, ts: `import { icici } from '@recon/icici';\nexport const iciciSpec: Record<string, unknown> = icici.spec();` },
  { spec: '@recon/icici/sandbox', check: `const s = await m.startIciciSandbox({ keyBits: 2048 }); await s.close(); return typeof s.url === 'string';`, ts: `import { startIciciSandbox } from '@recon/icici/sandbox';\nexport const iciciSandbox = startIciciSandbox satisfies (...args: never[]) => Promise<{ url: string; close(): Promise<void> }>;` },
  { spec: '@recon/kafka-sink', check: `return m.topicForSource()('hdfc') === 'hdfc_txns';`, ts: `import { topicForSource } from '@recon/kafka-sink';\nexport const topic: string = topicForSource()('hdfc');` },
  { spec: '@recon/razorpay', check: `return typeof m.razorpay.spec() === 'object' && m.razorpay.id === 'razorpay';`, ts: `import { razorpay } from '@recon/razorpay';\nexport const razorpaySpec: Record<string, unknown> = razorpay.spec();` },
  { spec: '@recon/razorpay/sandbox', check: `const s = await m.startRazorpaySandbox(); await s.close(); return typeof s.url === 'string';`, ts: `import { startRazorpaySandbox } from '@recon/razorpay/sandbox';\nexport const razorpaySandbox = startRazorpaySandbox satisfies (...args: never[]) => Promise<{ url: string; close(): Promise<void> }>;` },
  { spec: '@recon/sbi', check: `return typeof m.sbi.spec() === 'object' && m.sbi.id === 'sbi';`, ts: `import { sbi } from '@recon/sbi';\nexport const sbiSpec: Record<string, unknown> = sbi.spec();` },
  { spec: '@recon/sbi/sandbox', check: `const s = await m.startSbiSandbox(); await s.close(); return typeof s.url === 'string';`, ts: `import { startSbiSandbox } from '@recon/sbi/sandbox';\nexport const sbiSandbox = startSbiSandbox satisfies (...args: never[]) => Promise<{ url: string; close(): Promise<void> }>;` },
  { spec: '@recon/sftp', check: `const s = await m.startSftpSandbox({ root: dir }); await s.close(); return typeof m.sftp.spec() === 'object' && s.hostKeyFingerprint.startsWith('SHA256:');`, ts: `import { sftp, startSftpSandbox } from '@recon/sftp';\nexport const sftpSpec: Record<string, unknown> = sftp.spec();\nexport const sftpSandbox = startSftpSandbox satisfies (options: { root: string }) => Promise<{ hostKeyFingerprint: string }>;` },
];

const packages = packPackages(join(root, '.tmp', 'install-check', 'packs'));
console.log(`ok   packed ${packages.length} packages (${((Date.now() - started) / 1000).toFixed(1)} s)`);

// Every subpath a package exports (bar package.json and JSON files) must have a check above, so a
// new entry point cannot ship unexercised.
const exported = packages.flatMap(({ name, pkg }) =>
  Object.keys(pkg.exports ?? {})
    .filter((subpath) => subpath !== './package.json' && !subpath.endsWith('.json'))
    .map((subpath) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`)),
);
const unchecked = exported.filter((spec) => !entries.some((e) => e.spec === spec));
if (unchecked.length) fail(`no install check for ${unchecked.join(', ')}: add one to scripts/check-install.mjs`);

function fail(message) {
  console.error(`FAIL ${message}`);
  process.exit(1);
}

/** The smoke script: every entry loaded and checked; each failure names its package. */
function smokeScript(flavour) {
  const load = flavour === 'esm' ? 'await import(spec)' : 'require(spec)';
  const resolveSpec = flavour === 'esm' ? 'import.meta.resolve(spec)' : 'require.resolve(spec)';
  const checks = entries
    .map((e) => `  [${JSON.stringify(e.spec)}, ${e.resolveOnly ? 'null' : `async (m, dir) => { ${e.check} }`}],`)
    .join('\n');
  const body = `const checks = [\n${checks}\n];
let failed = 0;
for (const [spec, check] of checks) {
  try {
    if (check === null) ${resolveSpec};
    else {
      const m = ${load};
      const dir = mkdtempSync(join(tmpdir(), 'recon-install-sftp-'));
      const ok = await check(m, dir);
      rmSync(dir, { recursive: true, force: true });
      if (ok !== true) throw new Error('the check returned ' + String(ok));
    }
    console.log('ok   ${flavour} ' + spec);
  } catch (error) {
    failed++;
    console.log('FAIL ${flavour} ' + spec + ': ' + (error && error.stack || error));
  }
}
if (failed) process.exitCode = 1;
`;
  return flavour === 'esm'
    ? `import { mkdtempSync, rmSync } from 'node:fs';\nimport { tmpdir } from 'node:os';\nimport { join } from 'node:path';\n${body}`
    : `const { mkdtempSync, rmSync } = require('node:fs');\nconst { tmpdir } = require('node:os');\nconst { join } = require('node:path');\n(async () => {\n${body}})();\n`;
}

const tsconfig = {
  compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
  files: ['check.ts'],
};

async function checkProject(flavour) {
  const dir = mkdtempSync(join(tmpdir(), `recon-install-${flavour}-`));
  const type = flavour === 'esm' ? 'module' : 'commonjs';
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `recon-install-${flavour}`, private: true, type }, null, 2));
  writeFileSync(join(dir, flavour === 'esm' ? 'smoke.mjs' : 'smoke.cjs'), smokeScript(flavour));
  writeFileSync(join(dir, 'check.ts'), entries.filter((e) => e.ts).map((e) => e.ts).join('\n') + '\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const step = async (label, cmd, args) => {
    const t = Date.now();
    try {
      const { stdout } = await run(cmd, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
      return { label, ok: true, out: stdout, ms: Date.now() - t };
    } catch (error) {
      return { label, ok: false, out: `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error), ms: Date.now() - t };
    }
  };
  // One install with every tarball at once; @types/node for the tsc pass. No lifecycle scripts:
  // ours have none, and ssh2's optional native build only slows the check down.
  const install = await step('npm install', 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', ...packages.map((p) => p.tarball), '@types/node@^20']);
  if (!install.ok) return { flavour, dir, results: [install] };
  const [smoke, types] = await Promise.all([
    step('runtime', process.execPath, [flavour === 'esm' ? 'smoke.mjs' : 'smoke.cjs']),
    step('tsc node16', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']),
  ]);
  return { flavour, dir, results: [install, smoke, types] };
}

const projects = await Promise.all([checkProject('esm'), checkProject('cjs')]);
let failed = 0;
for (const { flavour, dir, results } of projects) {
  for (const { label, ok, out, ms } of results) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${flavour} ${label} (${(ms / 1000).toFixed(1)} s)`);
    if (label === 'runtime' || !ok) console.log(out.trimEnd().replace(/^/gm, '     '));
    if (!ok) failed++;
  }
  if (failed) console.log(`     project kept for inspection: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
if (failed) fail(`${failed} install check(s) failed (the package is named on each FAIL line above)`);
console.log(`every package installs and loads in ESM and CommonJS (${((Date.now() - started) / 1000).toFixed(1)} s)`);
