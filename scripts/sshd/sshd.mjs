#!/usr/bin/env node
// A real OpenSSH sshd (Debian's openssh-server) on 127.0.0.1 at a free high port, for the SFTP
// tests and for trying @recon/sftp by hand. Every start gets a fresh folder with a generated host
// key, a generated user key, its own sshd_config and a data folder the SFTP user may read and
// write. Nothing outside that folder changes; the system's own sshd (if any) is never touched.
//
//   node scripts/sshd/sshd.mjs start     starts one in the background, prints how to connect
//   node scripts/sshd/sshd.mjs stop      stops the one `start` started and removes its folder
//
// Install the server first with `bash scripts/sshd/install.sh` (idempotent; apt-get as root).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { freePort } from '../free-port.mjs';

const HOST = '127.0.0.1';
export const SSHD_PATH = process.env.RECON_SSHD_PATH ?? '/usr/sbin/sshd';
const SSH_KEYGEN = 'ssh-keygen';
const READY_TIMEOUT_MS = 20_000;
/** Where the CLI remembers the server it started. */
const CLI_STATE = resolve(import.meta.dirname, '..', '..', '.tmp', 'sshd', 'cli-sshd.json');
/** uid/gid of `nobody` on Debian: the unprivileged SFTP user when we run as root. */
const NOBODY = { name: 'nobody', uid: 65534, gid: 65534 };

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr.trim()}`);
  return result.stdout;
}

/**
 * Why sshd cannot start here, or undefined when it can. Checked before anything is created so
 * the caller can print one clear line (the tests turn it into a skip banner or, with CI=true, a failure).
 */
export function sshdUnavailableReason() {
  if (!existsSync(SSHD_PATH)) return `${SSHD_PATH} is missing (install it with: bash scripts/sshd/install.sh, which runs apt-get install -y openssh-server)`;
  const keygen = spawnSync(SSH_KEYGEN, ['-?'], { encoding: 'utf8' });
  if (keygen.error) return `ssh-keygen is missing (it comes with openssh-client: bash scripts/sshd/install.sh)`;
  return undefined;
}

/**
 * The SFTP login user. As root we log in as `nobody`, so file permissions mean something (root
 * reads a mode-000 file; nobody does not) and no account is created or changed. As anyone else,
 * sshd can only authenticate the user it runs as, so that user it is.
 */
function loginUser() {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username, uid: me.uid, gid: me.gid };
  return NOBODY;
}

/** ssh-keygen -lf: `256 SHA256:abc... comment (ED25519)` → `SHA256:abc...`. */
function fingerprintOf(publicKeyPath) {
  const out = run(SSH_KEYGEN, ['-lf', publicKeyPath]);
  const match = /\b(SHA256:[A-Za-z0-9+/]+)/.exec(out);
  if (!match?.[1]) throw new Error(`could not read a SHA256 fingerprint from ssh-keygen -lf: ${out}`);
  return match[1];
}

function sshdConfig({ port, hostKey, authorizedKeys, pidFile, user }) {
  return [
    `Port ${port}`,
    `ListenAddress ${HOST}`,
    `HostKey ${hostKey}`,
    `PidFile ${pidFile}`,
    // Test server: the key files live in a temp folder, not in ~/.ssh with sshd's strict modes.
    'StrictModes no',
    'UsePAM no',
    `AuthorizedKeysFile ${authorizedKeys}`,
    'PubkeyAuthentication yes',
    // Key auth only on the real server: no account gets a password. Password auth is tested
    // against the in-process sandbox.
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    `AllowUsers ${user}`,
    'AllowTcpForwarding no',
    'X11Forwarding no',
    'PermitTTY no',
    'Subsystem sftp internal-sftp',
    // Only SFTP, whatever the client asks for (nobody's shell is nologin anyway).
    'ForceCommand internal-sftp',
    // Many short test sessions in a row: do not throttle unauthenticated connections.
    'MaxStartups 100',
    'LogLevel VERBOSE',
    '',
  ].join('\n');
}

/**
 * Start sshd. Resolves once it accepts connections.
 *
 * @param {import('./sshd.d.mts').StartSshdOptions} [options]
 * @returns {Promise<import('./sshd.d.mts').SshdServer>}
 */
export async function startSshd(options = {}) {
  const reason = sshdUnavailableReason();
  if (reason) throw new Error(reason);
  const log = options.log ?? (() => {});
  const user = loginUser();
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'recon-sshd-'));
  mkdirSync(runDir, { recursive: true });
  // sshd reads the authorized keys as the login user, who must be able to reach them.
  chmodSync(runDir, 0o755);
  // Privilege separation needs this folder when sshd runs as root (Debian creates it only at boot).
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const hostKey = join(runDir, 'ssh_host_ed25519_key');
  const userKey = join(runDir, 'id_ed25519');
  run(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', 'recon-test-host', '-f', hostKey]);
  run(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', 'recon-test-user', '-f', userKey]);
  const authorizedKeys = join(runDir, 'authorized_keys');
  writeFileSync(authorizedKeys, readFileSync(`${userKey}.pub`, 'utf8'), { mode: 0o644 });
  chmodSync(authorizedKeys, 0o644);

  // The folder served over SFTP, owned by the login user so it can archive, delete and quarantine.
  const dataDir = join(runDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  if (process.getuid?.() === 0) chownSync(dataDir, user.uid, user.gid);

  const port = options.port ?? (await freePort(HOST));
  const pidFile = join(runDir, 'sshd.pid');
  const configPath = join(runDir, 'sshd_config');
  writeFileSync(configPath, sshdConfig({ port, hostKey, authorizedKeys, pidFile, user: user.name }));
  // Fail early, with sshd's own words, on a config it rejects.
  run(SSHD_PATH, ['-t', '-f', configPath]);

  const started = Date.now();
  // -D: stay in the foreground (our child); -e: log to stderr, where we wait for "Server listening".
  const child = spawn(SSHD_PATH, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'], detached: Boolean(options.detached) });
  const lines = [];
  let listening = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    for (const line of chunk.split('\n')) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      if (line.includes('Server listening on')) listening = true;
      log(`[sshd] ${line}`);
    }
  });
  let exited;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  while (!listening) {
    if (exited) throw new Error(`sshd exited during start-up (code ${exited.code}, signal ${exited.signal}):\n${lines.join('\n')}`);
    if (Date.now() - started > READY_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`sshd did not listen within ${READY_TIMEOUT_MS} ms:\n${lines.join('\n')}`);
    }
    await sleep(20);
  }
  if (options.detached) {
    child.stderr.destroy();
    child.unref();
  }

  const pid = /** @type {number} */ (child.pid);
  const hostKeyFingerprint = fingerprintOf(`${hostKey}.pub`);
  const hostPublicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');

  /** Kill every session process (the per-connection children of the listener): a dropped connection. */
  const killSessions = async () => {
    const victims = descendantsOf(pid);
    for (const victim of victims) {
      try {
        process.kill(victim, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // Wait until they are really gone, so the next step of a test sees a dead connection.
    for (let i = 0; i < 500 && victims.some(isAlive); i++) await sleep(10);
    return victims.length;
  };

  /** SIGSTOP every session process: the connections stay open but nothing answers (a hung server). */
  const freezeSessions = () => {
    const victims = descendantsOf(pid);
    for (const victim of victims) {
      try {
        process.kill(victim, 'SIGSTOP');
      } catch {
        // already gone
      }
    }
    return victims.length;
  };

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 300 && !exited; i++) await sleep(10);
      if (!exited) child.kill('SIGKILL');
    }
    await killSessions();
    if (!options.keepRunDir) rmSync(runDir, { recursive: true, force: true });
  };

  return {
    host: HOST,
    port,
    pid,
    runDir,
    dataDir,
    username: user.name,
    uid: user.uid,
    gid: user.gid,
    privateKeyPath: userKey,
    privateKey: readFileSync(userKey, 'utf8'),
    hostKeyFingerprint,
    knownHostsLine: `[${HOST}]:${port} ${hostPublicKey}`,
    startupMs: Date.now() - started,
    recentLog: () => [...lines],
    killSessions,
    freezeSessions,
    stop,
  };
}

/** Every process below `pid` (children, grandchildren), from /proc. Linux only, like the tests. */
function descendantsOf(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 is the ppid; the command (field 2) may contain spaces, so read after its ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const current = /** @type {number} */ (queue.shift());
    for (const [child, ppid] of parents) {
      if (ppid === current) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function cli(command) {
  if (command === 'start') {
    const server = await startSshd({ detached: true, keepRunDir: true });
    mkdirSync(resolve(CLI_STATE, '..'), { recursive: true });
    writeFileSync(CLI_STATE, JSON.stringify({ pid: server.pid, runDir: server.runDir }, null, 2));
    console.log(`sshd listening on ${server.host}:${server.port} (pid ${server.pid})`);
    console.log(`user:            ${server.username}`);
    console.log(`private key:     ${server.privateKeyPath}`);
    console.log(`host key:        ${server.hostKeyFingerprint}`);
    console.log(`known_hosts:     ${server.knownHostsLine}`);
    console.log(`served folder:   ${server.dataDir}`);
    console.log(`try it:          sftp -i ${server.privateKeyPath} -P ${server.port} -o StrictHostKeyChecking=no ${server.username}@${server.host}`);
    return;
  }
  if (command === 'stop') {
    if (!existsSync(CLI_STATE)) {
      console.log('no sshd started by this CLI');
      return;
    }
    const { pid, runDir } = JSON.parse(readFileSync(CLI_STATE, 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already stopped
    }
    rmSync(runDir, { recursive: true, force: true });
    rmSync(CLI_STATE, { force: true });
    console.log(`stopped sshd ${pid}`);
    return;
  }
  console.error('usage: node scripts/sshd/sshd.mjs start|stop');
  process.exitCode = 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli(process.argv[2]).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
