#!/usr/bin/env node
/**
 * Builds the native part of `@confluentinc/kafka-javascript` (librdkafka) for this workspace, so the
 * librdkafka adapter's tests and benchmark can run, then this package's batch producer addon
 * (`native/`, the `librdkafka-batch` adapter), which links against that build's librdkafka.
 * Idempotent: does nothing when both load.
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
 * The addon (a second to compile) is cached there too, under a hash of its sources.
 *
 *   node packages/kafka-sink/scripts/build-librdkafka.mjs          # build or restore
 *   node packages/kafka-sink/scripts/build-librdkafka.mjs --check  # exit 0 when it loads, 1 when not
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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

const check = process.argv.includes('--check');
const cacheRoot = process.env.RECON_LIBRDKAFKA_CACHE ?? join(homedir(), '.cache', 'recon-librdkafka');

// node-gyp ships with npm. Headers: the installed Node's own (`<prefix>/include/node`), so node-gyp
// does not try to download them from nodejs.org.
function nodeGypCommand() {
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
  const nodeGyp = process.env.npm_config_node_gyp ?? (npmRoot ? join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '');
  if (!existsSync(nodeGyp)) {
    say('node-gyp not found (it ships with npm; set npm_config_node_gyp to its bin/node-gyp.js)');
    process.exit(1);
  }
  const prefix = resolve(process.execPath, '..', '..');
  const nodedir = process.env.npm_config_nodedir ?? (existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined);
  return { nodeGyp, env: { ...process.env, ...(nodedir && { npm_config_nodedir: nodedir }) } };
}

/** Copies `outputs` (paths relative to `from`) into a cache folder atomically: an interrupted copy is never mistaken for a good one. */
function cacheOutputs(from, outputs, cache) {
  const staging = `${cache}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const out of outputs) cpSync(join(from, out), join(staging, out), { recursive: true });
  writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(cache, { recursive: true, force: true });
  renameSync(staging, cache);
  say(`cached in ${cache}`);
}

if (!loads()) {
  if (check) process.exit(1);
  buildBinding();
}
ensureAddon();
process.exit(0);

/** Builds the binding (or restores it from the cache); exits 1 when that fails. */
function buildBinding() {
  // What the built module needs at run time (17 MB): the addon, and librdkafka's shared libraries it
  // finds through its rpath ($ORIGIN/../deps). The static archives next to them are not needed.
  const OUTPUTS = ['build/Release/confluent-kafka-javascript.node', 'build/deps/librdkafka.so.1', 'build/deps/librdkafka++.so.1'];
  const cache = join(cacheRoot, `${version}-node${process.versions.modules}-${process.platform}-${process.arch}`);

  if (existsSync(join(cache, '.complete'))) {
    for (const out of OUTPUTS) cpSync(join(cache, out), join(dir, out), { recursive: true });
    if (loads()) {
      say(`restored from ${cache}`);
      return;
    }
    say(`the cached build in ${cache} does not load; building again`);
  }

  const { nodeGyp, env } = nodeGypCommand();
  const log = join(cacheRoot, `build-${version}.log`);
  mkdirSync(cacheRoot, { recursive: true });
  say(`building ${PACKAGE} ${version} from source (bundled librdkafka, CKJS_LINKING=dynamic); log: ${log}`);
  const started = Date.now();
  const build = spawnSync(process.execPath, [nodeGyp, 'rebuild'], {
    cwd: dir,
    env: { ...env, CKJS_LINKING: 'dynamic' },
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

  cacheOutputs(dir, OUTPUTS, cache);
}

/**
 * The batch producer addon (`native/batch-producer.c`): restored from the cache or compiled with
 * node-gyp against the binding's librdkafka (headers from its tarball, the shared library it just
 * built). The cache key hashes the sources, the binding's version and Node's ABI, so a changed
 * source is compiled again. With `--check`, only says whether it loads.
 */
function ensureAddon() {
  const native = join(here, '..', 'native');
  const OUTPUT = 'build/Release/recon_batch_producer.node';
  const addon = join(native, OUTPUT);
  const addonLoads = () => {
    if (!existsSync(addon)) return false;
    const probe = spawnSync(process.execPath, ['-e', `console.log(require(${JSON.stringify(addon)}).librdkafkaVersion())`], { encoding: 'utf8' });
    if (probe.status === 0) say(`the batch producer addon loads: librdkafka ${probe.stdout.trim()}`);
    return probe.status === 0;
  };
  const hash = createHash('sha256');
  for (const file of ['batch-producer.c', 'binding.gyp']) hash.update(readFileSync(join(native, file)));
  hash.update(`${version} ${dir}`);
  const cache = join(cacheRoot, `batch-producer-${hash.digest('hex').slice(0, 16)}-node${process.versions.modules}-${process.platform}-${process.arch}`);
  if (check) process.exit(addonLoads() ? 0 : 1);
  // A build from other sources may sit in native/build from before: only the cached one for these sources counts.
  if (existsSync(join(cache, '.complete'))) {
    cpSync(join(cache, OUTPUT), addon, { recursive: true });
    if (addonLoads()) {
      say(`batch producer addon restored from ${cache}`);
      return;
    }
  }

  const { nodeGyp, env } = nodeGypCommand();
  say('building the batch producer addon (native/batch-producer.c)');
  const build = spawnSync(process.execPath, [nodeGyp, 'rebuild'], { cwd: native, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0 || !addonLoads()) {
    say(`the batch producer addon failed to build (exit ${build.status}):`);
    process.stderr.write(`${build.stdout ?? ''}\n${build.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n') + '\n');
    process.exit(1);
  }
  cacheOutputs(native, [OUTPUT], cache);
}
