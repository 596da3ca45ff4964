#!/usr/bin/env node
// A single-node Apache Kafka 4.x broker (KRaft, broker+controller in one JVM) on 127.0.0.1 for
// tests, the demo and benchmarks. Jars come from Maven Central (fetch-jars.mjs); every start gets a
// fresh run folder with free ports. The broker is described by <runDir>/state.json, so any process
// (vitest's global setup, a test worker restarting it, this CLI) can find, restart or stop it.
//
//   node scripts/kafka/broker.mjs start     starts one in the background, prints its address
//   node scripts/kafka/broker.mjs status    is the one started by `start` answering?
//   node scripts/kafka/broker.mjs stop      stops it and removes its data
//   node scripts/kafka/broker.mjs fetch     only fetches (caches) the jars
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { freePort } from '../free-port.mjs';
import { DEFAULT_KAFKA_VERSION, ensureKafkaJars } from './fetch-jars.mjs';
import { probeMetadata } from './metadata-probe.mjs';

export { DEFAULT_KAFKA_VERSION, ensureKafkaJars, probeMetadata };

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
/** Where the CLI remembers the broker it started. */
const CLI_STATE = resolve(import.meta.dirname, '..', '..', '.tmp', 'kafka', 'cli-broker.json');

/** KRaft cluster ids are 16 random bytes, base64url; one starting with '-' would read as a CLI flag. */
function clusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties({ port, controllerPort, dataDir, extra }) {
  const props = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    // Static quorum: one voter, so `format` needs no --standalone (see docs/kafka.md).
    'controller.quorum.voters': `1@${HOST}:${controllerPort}`,
    listeners: `PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${port}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    'num.partitions': '1',
    'default.replication.factor': '1',
    'min.insync.replicas': '1',
    'offsets.topic.replication.factor': '1',
    // Internal topics default to 50 partitions: a slow first group join / InitProducerId on 2 cores.
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'transaction.state.log.num.partitions': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    // Tests create their topics: a missing topic is a bug to see, not to paper over.
    'auto.create.topics.enable': 'false',
    // A killed producer's open transaction is aborted by the next InitProducerId anyway; this
    // bounds how long a foreign one can block read_committed readers in tests.
    'transaction.max.timeout.ms': '900000',
    ...extra,
  };
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

const LOG4J2 = `status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = OUT
# keep the "Kafka Server started" line
logger.ready.name = kafka.server.KafkaRaftServer
logger.ready.level = info
`;

function jvmOptions(runDir, heapMb) {
  return [
    `-Xms${Math.min(256, heapMb)}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${join(runDir, 'log4j2.properties')}`,
    `-Dkafka.logs.dir=${join(runDir, 'logs')}`,
  ];
}

/** @param {string} runDir */
export function readState(runDir) {
  return JSON.parse(readFileSync(join(runDir, 'state.json'), 'utf8'));
}

function writeState(state) {
  writeFileSync(join(state.runDir, 'state.json'), JSON.stringify(state, null, 2) + '\n');
}

/** True when `pid` is alive and is the JVM of this run folder (never signal a recycled pid). */
function isOurBroker(pid, runDir) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('kafka.Kafka') && cmdline.includes(runDir);
  } catch {
    return false;
  }
}

function spawnBroker(state, { detached }) {
  const logFd = openSync(join(state.runDir, 'broker.log'), 'a');
  const child = spawn('java', [...jvmOptions(state.runDir, state.heapMb), '-cp', `${state.libs}/*`, 'kafka.Kafka', join(state.runDir, 'server.properties')], {
    stdio: ['ignore', logFd, logFd],
    detached,
  });
  closeSync(logFd);
  let exited;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  child.once('error', (error) => (exited = { error }));
  if (detached) child.unref();
  return { child, exited: () => exited };
}

async function waitReady(state, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    const gone = exited();
    if (gone) {
      const log = existsSync(join(state.runDir, 'broker.log')) ? readFileSync(join(state.runDir, 'broker.log'), 'utf8').slice(-3000) : '';
      throw new Error(`[kafka] broker exited before it was ready (${JSON.stringify(gone)}); log ${join(state.runDir, 'broker.log')}:\n${log}`);
    }
    try {
      const brokers = await probeMetadata(HOST, state.port, 2000);
      if (brokers.length > 0) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`[kafka] broker on ${HOST}:${state.port} not ready after ${timeoutMs} ms: ${lastError?.message}`);
    await sleep(200);
  }
}

/**
 * @typedef {object} BrokerState
 * @property {string} runDir      folder with config, data, log and state.json
 * @property {string} bootstrap   `127.0.0.1:<port>`, for kafkajs `brokers: [bootstrap]`
 * @property {number} port        PLAINTEXT listener
 * @property {number} controllerPort
 * @property {number} pid         the JVM
 * @property {string} version     Kafka version
 * @property {string} libs        the jar folder
 * @property {number} heapMb
 * @property {number} startupMs   jar check + format + start until the first Metadata answer
 */

/**
 * Fetches the jars if needed, formats a fresh KRaft storage and starts a broker+controller on free
 * ports of 127.0.0.1; resolves once it answers a Metadata request.
 * @param {{ version?: string, runDir?: string, heapMb?: number, detached?: boolean, serverProperties?: Record<string, string>, log?: (line: string) => void, readyTimeoutMs?: number }} [options]
 * @returns {Promise<BrokerState>}
 */
export async function startBroker(options = {}) {
  const started = Date.now();
  const version = options.version ?? process.env.RECON_KAFKA_VERSION ?? DEFAULT_KAFKA_VERSION;
  const libs = await ensureKafkaJars({ version, log: options.log });
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'recon-kafka-'));
  mkdirSync(join(runDir, 'logs'), { recursive: true });
  const [port, controllerPort] = [await freePort(HOST), await freePort(HOST)];
  const state = { runDir, bootstrap: `${HOST}:${port}`, port, controllerPort, pid: 0, version, libs, heapMb: options.heapMb ?? 768, startupMs: 0, extra: options.serverProperties ?? {} };
  writeFileSync(join(runDir, 'server.properties'), serverProperties({ port, controllerPort, dataDir: join(runDir, 'data'), extra: state.extra }) + '\n');
  writeFileSync(join(runDir, 'log4j2.properties'), LOG4J2);

  const format = spawnSync('java', [...jvmOptions(runDir, 256), '-cp', `${libs}/*`, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', join(runDir, 'server.properties')], {
    encoding: 'utf8',
  });
  if (format.error) throw new Error(`[kafka] cannot run java: ${format.error.message}. Java 17+ is required (apt-get install -y openjdk-17-jre-headless).`);
  if (format.status !== 0) throw new Error(`[kafka] formatting KRaft storage failed (exit ${format.status}):\n${format.stdout}\n${format.stderr}`);

  const { child, exited } = spawnBroker(state, { detached: options.detached ?? false });
  state.pid = child.pid ?? 0;
  writeState(state);
  try {
    await waitReady(state, exited, options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch (error) {
    await stopBroker(runDir, { keepData: true });
    throw error;
  }
  state.startupMs = Date.now() - started;
  writeState(state);
  return state;
}

/**
 * Stops the broker of `runDir` gracefully (SIGTERM = controlled shutdown, then SIGKILL after
 * 30 s) and, unless `keepData`, removes the run folder.
 * @param {string} runDir
 * @param {{ keepData?: boolean }} [options]
 */
export async function stopBroker(runDir, options = {}) {
  let state;
  try {
    state = readState(runDir);
  } catch {
    return; // nothing was started there
  }
  const { pid } = state;
  if (pid && isOurBroker(pid, runDir)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isOurBroker(pid, runDir) && Date.now() < deadline) await sleep(100);
    if (isOurBroker(pid, runDir)) {
      process.kill(pid, 'SIGKILL');
      while (isOurBroker(pid, runDir)) await sleep(50);
    }
  }
  if (!options.keepData) rmSync(runDir, { recursive: true, force: true });
}

/**
 * Stops the broker of `runDir` (keeping its data) and starts it again on the same ports: what a
 * broker restart in production looks like to clients. Resolves once it answers again.
 * @param {string} runDir
 * @param {{ downMs?: number }} [options] how long to stay down between stop and start
 * @returns {Promise<BrokerState>}
 */
export async function restartBroker(runDir, options = {}) {
  const state = readState(runDir);
  await stopBroker(runDir, { keepData: true });
  if (options.downMs) await sleep(options.downMs);
  const started = Date.now();
  const { child, exited } = spawnBroker(state, { detached: true });
  state.pid = child.pid ?? 0;
  writeState(state);
  await waitReady(state, exited, READY_TIMEOUT_MS);
  state.startupMs = Date.now() - started;
  writeState(state);
  return state;
}

/**
 * Whether the broker of `runDir` is running and answering.
 * @param {string} runDir
 * @returns {Promise<{ running: boolean, answering: boolean, state?: BrokerState, error?: string }>}
 */
export async function brokerStatus(runDir) {
  let state;
  try {
    state = readState(runDir);
  } catch {
    return { running: false, answering: false };
  }
  const running = isOurBroker(state.pid, runDir);
  try {
    const brokers = await probeMetadata(HOST, state.port, 2000);
    return { running, answering: brokers.length > 0, state };
  } catch (error) {
    return { running, answering: false, state, error: error.message };
  }
}

async function cli(command) {
  const log = (line) => process.stderr.write(line + '\n');
  const current = () => (existsSync(CLI_STATE) ? JSON.parse(readFileSync(CLI_STATE, 'utf8')).runDir : undefined);
  switch (command) {
    case 'start': {
      const runDir = current();
      if (runDir && (await brokerStatus(runDir)).answering) {
        log(`[kafka] already running (runDir ${runDir})`);
        process.stdout.write(JSON.stringify(readState(runDir), null, 2) + '\n');
        return 0;
      }
      const state = await startBroker({ detached: true, log });
      mkdirSync(resolve(CLI_STATE, '..'), { recursive: true });
      writeFileSync(CLI_STATE, JSON.stringify({ runDir: state.runDir }) + '\n');
      log(`[kafka] Kafka ${state.version} ready on ${state.bootstrap} in ${state.startupMs} ms (pid ${state.pid}, runDir ${state.runDir})`);
      log(`[kafka] use it with: RECON_KAFKA_BROKERS=${state.bootstrap}`);
      process.stdout.write(JSON.stringify(state, null, 2) + '\n');
      return 0;
    }
    case 'stop': {
      const runDir = current();
      if (!runDir) {
        log('[kafka] no broker started by this CLI');
        return 0;
      }
      await stopBroker(runDir);
      rmSync(CLI_STATE, { force: true });
      log('[kafka] stopped');
      return 0;
    }
    case 'status': {
      const runDir = current();
      const status = runDir ? await brokerStatus(runDir) : { running: false, answering: false };
      process.stdout.write(JSON.stringify(status, null, 2) + '\n');
      return status.answering ? 0 : 1;
    }
    case 'fetch': {
      const libs = await ensureKafkaJars({ version: process.env.RECON_KAFKA_VERSION, log });
      log(`[kafka] jars in ${libs}`);
      return 0;
    }
    default:
      log('usage: node scripts/kafka/broker.mjs start|stop|status|fetch');
      return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli(process.argv[2]).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
