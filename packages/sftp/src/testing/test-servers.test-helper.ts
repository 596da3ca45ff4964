import { chmod, chown, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { startSshd, sshdUnavailableReason } from '../../../../scripts/sshd/sshd.mjs';
import { generateEd25519KeyPair } from '../sandbox/generate-key';
import { startSftpSandbox } from '../sandbox/start-sftp-sandbox';

/**
 * One SFTP server as the shared suite sees it: the real OpenSSH sshd or the in-process sandbox.
 * Tests write files locally (`local`) and the connector reads them remotely (`remote`).
 */
export interface SftpTestServer {
  name: 'openssh' | 'sandbox';
  host: string;
  port: number;
  hostKeyFingerprint: string;
  knownHostsLine: string;
  username: string;
  /** Valid credentials: a private key (openssh) or a password (sandbox). */
  auth: { privateKey: string } | { password: string };
  /** Credentials of the same kind that the server refuses. */
  wrongAuth: { privateKey: string } | { password: string };
  /** Every secret value above, for leak scans. */
  secrets: string[];
  /** A fresh, empty folder for one test: its local path and its path on the server. */
  folder(name: string): Promise<{ local: string; remote: string }>;
  /** Create a sub-folder the SFTP user may write to. */
  mkdir(local: string): Promise<void>;
  /** Write a file with a given mtime (seconds since the epoch), readable by the SFTP user. */
  write(local: string, content: string | Buffer, mtimeSeconds?: number): Promise<void>;
  /** Cut every open SFTP connection (kill sshd's session processes / destroy the sandbox's sockets). */
  dropConnections(): Promise<number>;
  /** Make every open SFTP connection hang (SIGSTOP sshd's session processes / pause the sandbox's sockets). */
  freezeConnections(): number;
  close(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** Start the project's real sshd (scripts/sshd). Throws when it cannot start. */
export async function startOpensshTestServer(): Promise<SftpTestServer> {
  const server = await startSshd();
  const owner = { uid: server.uid, gid: server.gid };
  const wrongKey = generateEd25519KeyPair().private;
  let counter = 0;
  const mkdirOwned = async (local: string) => {
    await mkdir(local, { recursive: true });
    if (isRoot()) await chown(local, owner.uid, owner.gid);
  };
  return {
    name: 'openssh',
    host: server.host,
    port: server.port,
    hostKeyFingerprint: server.hostKeyFingerprint,
    knownHostsLine: server.knownHostsLine,
    username: server.username,
    auth: { privateKey: server.privateKey },
    wrongAuth: { privateKey: wrongKey },
    secrets: [server.privateKey, wrongKey],
    async folder(name) {
      // No chroot: the server sees the same absolute paths.
      const local = join(server.dataDir, `${++counter}-${name}`);
      await mkdirOwned(local);
      return { local, remote: local };
    },
    mkdir: mkdirOwned,
    async write(local, content, mtimeSeconds) {
      await writeFile(local, content, { mode: 0o644 });
      await chmod(local, 0o644);
      if (mtimeSeconds !== undefined) await utimes(local, mtimeSeconds, mtimeSeconds);
    },
    dropConnections: () => server.killSessions(),
    freezeConnections: () => server.freezeSessions(),
    close: () => server.stop(),
  };
}

/** Start the in-process sandbox on a temp folder. */
export async function startSandboxTestServer(): Promise<SftpTestServer> {
  const root = await mkdtemp(join(tmpdir(), 'recon-sftp-sandbox-'));
  const sandbox = await startSftpSandbox({ root });
  const password = sandbox.credentials.password as string;
  let counter = 0;
  return {
    name: 'sandbox',
    host: sandbox.host,
    port: sandbox.port,
    hostKeyFingerprint: sandbox.hostKeyFingerprint,
    knownHostsLine: sandbox.knownHostsLine,
    username: sandbox.credentials.username,
    auth: { password },
    wrongAuth: { password: 'not-the-sandbox-password' },
    secrets: [password, 'not-the-sandbox-password'],
    async folder(name) {
      const relative = `${++counter}-${name}`;
      await mkdir(join(root, relative), { recursive: true });
      return { local: join(root, relative), remote: posix.join('/', relative) };
    },
    mkdir: (local) => mkdir(local, { recursive: true }).then(() => undefined),
    async write(local, content, mtimeSeconds) {
      await writeFile(local, content, { mode: 0o644 });
      await chmod(local, 0o644);
      if (mtimeSeconds !== undefined) await utimes(local, mtimeSeconds, mtimeSeconds);
    },
    dropConnections: async () => sandbox.dropConnections(),
    freezeConnections: () => sandbox.freezeConnections(),
    async close() {
      await sandbox.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** True when CI=true (or 1/yes): a missing sshd fails the run instead of skipping. */
export function isCI(): boolean {
  return /^(1|true|yes)$/i.test(process.env.CI ?? '');
}

/**
 * Whether the real-server tests can run here. Outside CI a missing sshd skips them with a loud
 * banner saying how to enable them; in CI it is an error (thrown at collection, failing the run).
 */
export function opensshAvailability(): { available: true } | { available: false; reason: string } {
  const reason = sshdUnavailableReason();
  if (!reason) return { available: true };
  if (isCI()) throw new Error(`[sftp] CI=true and OpenSSH's sshd is not available: ${reason}. Run scripts/bootstrap-test-deps.sh before the tests.`);
  const lines = [
    'SFTP TESTS AGAINST A REAL OPENSSH SERVER SKIPPED',
    `Reason: ${reason}`,
    'To enable them: bash scripts/bootstrap-test-deps.sh (installs openssh-server with apt-get; needs root),',
    'then rerun. The same suite still runs against the in-process sandbox.',
    'In CI (CI=true) this is a failure, not a skip.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '!'.repeat(width + 4);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width)} !`).join('\n')}\n${bar}\n\n`);
  return { available: false, reason };
}
