#!/usr/bin/env node
/**
 * Builds the native part of `@confluentinc/kafka-javascript` (librdkafka) for this workspace, so the
 * librdkafka adapter's tests and benchmark can run. Idempotent: does nothing when the module loads.
 *
 * Why a script instead of the package's own install step: that step first downloads a prebuilt
 * binary from GitHub releases, then falls back to a source build that downloads zlib, OpenSSL,
 * zstd and curl sources (`./configure --install-deps`). Neither works on a machine that reaches
 * only the npm registry. With `CKJS_LINKING=dynamic` the bundled librdkafka (in the npm tarball)
 * builds against the system's zlib and OpenSSL instead, with no download. pnpm cannot pass that
 * variable to a dependency's build, so pnpm skips the build (the package is not in
 * `onlyBuiltDependencies`) and this script runs it.
 *
 * The result is cached per machine in ~/.cache/recon-librdkafka/<version>-node<abi>-<platform>-<arch>
 * (RECON_LIBRDKAFKA_CACHE moves it): a fresh node_modules on the same machine restores it in a second.
 *
 *   node packages/kafka-sink/scripts/build-librdkafka.mjs          # build or restore
 *   node packages/kafka-sink/scripts/build-librdkafka.mjs --check  # exit 0 when it loads, 1 when not
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PACKAGE = '@confluentinc/kafka-javascript';
const here = dirname(new URL(import.meta.url).pathname);
const say = (line) => process.stderr.write(`[recon:librdkafka] ${line}\n`);

let dir;
try {
  dir = dirname(createRequire(join(here, '..', 'package.json')).resolve(`${PACKAGE}/package.json`));
} catch {
  say(`${PACKAGE} is not installed (run pnpm install first)`);
  process.exit(1);
}
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

/** True when the module loads in a fresh process (a half-built one throws from `bindings`). */
function loads() {
  const probe = spawnSync(process.execPath, ['-e', `const k = require(${JSON.stringify(dir)}); console.log(k.librdkafkaVersion + ' (' + k.features.join(', ') + ')')`], { encoding: 'utf8' });
  if (probe.status === 0) say(`${PACKAGE} ${version} loads: librdkafka ${probe.stdout.trim()}`);
  return probe.status === 0;
}

if (loads()) process.exit(0);
if (process.argv.includes('--check')) process.exit(1);

// What the built module needs at run time (17 MB): the addon, and librdkafka's shared libraries it
// finds through its rpath ($ORIGIN/../deps). The static archives next to them are not needed.
const OUTPUTS = ['build/Release/confluent-kafka-javascript.node', 'build/deps/librdkafka.so.1', 'build/deps/librdkafka++.so.1'];
const cacheRoot = process.env.RECON_LIBRDKAFKA_CACHE ?? join(homedir(), '.cache', 'recon-librdkafka');
const cache = join(cacheRoot, `${version}-node${process.versions.modules}-${process.platform}-${process.arch}`);

if (existsSync(join(cache, '.complete'))) {
  for (const out of OUTPUTS) cpSync(join(cache, out), join(dir, out), { recursive: true });
  if (loads()) {
    say(`restored from ${cache}`);
    process.exit(0);
  }
  say(`the cached build in ${cache} does not load; building again`);
}

// node-gyp ships with npm. Headers: the installed Node's own (`<prefix>/include/node`), so node-gyp
// does not try to download them from nodejs.org.
const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
const nodeGyp = process.env.npm_config_node_gyp ?? (npmRoot ? join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '');
if (!existsSync(nodeGyp)) {
  say('node-gyp not found (it ships with npm; set npm_config_node_gyp to its bin/node-gyp.js)');
  process.exit(1);
}
const prefix = resolve(process.execPath, '..', '..');
const nodedir = process.env.npm_config_nodedir ?? (existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined);

const log = join(cacheRoot, `build-${version}.log`);
mkdirSync(cacheRoot, { recursive: true });
say(`building ${PACKAGE} ${version} from source (bundled librdkafka, CKJS_LINKING=dynamic); log: ${log}`);
const started = Date.now();
const build = spawnSync(process.execPath, [nodeGyp, 'rebuild'], {
  cwd: dir,
  env: { ...process.env, CKJS_LINKING: 'dynamic', ...(nodedir && { npm_config_nodedir: nodedir }) },
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
writeFileSync(log, `${build.stdout ?? ''}\n${build.stderr ?? ''}`);
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (build.status !== 0 || !loads()) {
  say(`build failed after ${seconds} s (exit ${build.status}); last lines of ${log}:`);
  process.stderr.write(`${build.stdout ?? ''}\n${build.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n') + '\n');
  process.exit(1);
}
say(`built in ${seconds} s`);

// Cache: copy into a temporary folder, mark it complete, then move it in place (an interrupted
// copy is never mistaken for a good one).
const staging = `${cache}.tmp-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
for (const out of OUTPUTS) cpSync(join(dir, out), join(staging, out), { recursive: true });
writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
rmSync(cache, { recursive: true, force: true });
renameSync(staging, cache);
say(`cached in ${cache}`);
