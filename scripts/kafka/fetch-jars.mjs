// Fetches the Apache Kafka broker jars from Maven Central with Maven, once per machine and version.
// The jars land in <cache>/<version>/libs (default cache ~/.cache/recon-kafka, or
// RECON_KAFKA_CACHE); a `.complete` marker written last means a finished copy, so an interrupted
// fetch is redone instead of half-used.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The Kafka release the project tests against (served by Maven Central; see docs/kafka.md). */
export const DEFAULT_KAFKA_VERSION = '4.1.2';

const POM = join(import.meta.dirname, 'pom.xml');

/** Where jars are cached on this machine. */
export function cacheRoot() {
  return process.env.RECON_KAFKA_CACHE || join(homedir(), '.cache', 'recon-kafka');
}

/**
 * The folder holding every jar of `kafka_2.13:<version>` plus a log4j2 binding, fetched if needed.
 * @param {{ version?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<string>} the libs folder (use `${libs}/*` as the JVM classpath)
 */
export async function ensureKafkaJars(options = {}) {
  const version = options.version ?? DEFAULT_KAFKA_VERSION;
  const log = options.log ?? (() => undefined);
  const versionDir = join(cacheRoot(), version);
  const libs = join(versionDir, 'libs');
  if (existsSync(join(libs, '.complete'))) return libs;

  // Fetch into a private folder, then move it into place: two runs fetching at once cannot mix.
  const staging = join(versionDir, `libs.${process.pid}.${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  log(`[kafka] fetching Apache Kafka ${version} jars from Maven Central into ${libs} (first run on this machine)`);
  const args = ['-B', '-q', '-f', POM, `-Dkafka.version=${version}`, `-Dlibs.dir=${staging}`, 'dependency:copy-dependencies'];
  let output;
  try {
    output = await run('mvn', args);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const jars = readdirSync(staging).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f === `kafka_2.13-${version}.jar`)) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`[kafka] Maven finished but kafka_2.13-${version}.jar is missing from ${staging}\n${output}`);
  }
  writeFileSync(join(staging, '.complete'), `${jars.length} jars, kafka ${version}\n`);
  try {
    mkdirSync(dirname(libs), { recursive: true });
    rmSync(libs, { recursive: true, force: true }); // an unfinished copy (no marker)
    renameSync(staging, libs);
  } catch (error) {
    // Another run finished first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(libs, '.complete'))) throw error;
  }
  log(`[kafka] ${jars.length} jars cached`);
  return libs;
}

/** Runs a command, resolving with its combined output; rejects with that output on failure. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', (error) =>
      reject(new Error(`[kafka] cannot run ${command}: ${error.message}. Install Maven (apt-get install -y maven) and Java 17+.`)),
    );
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`[kafka] ${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
