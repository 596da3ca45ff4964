import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import ssh2, { type ParsedKey } from 'ssh2';
import { silentLogger, type Logger } from '@recon/core';
import { fingerprintOf, hostPattern } from '../transport/host-key';
import { authenticate, prepareUsers, type SftpSandboxUser } from './authenticate';
import { generateEd25519KeyPair } from './generate-key';
import { serveSftp } from './sftp-handlers';

export type { SftpSandboxUser } from './authenticate';

/** Options of {@link startSftpSandbox}. */
export interface SftpSandboxOptions {
  /** Local folder served as the SFTP root `/` (created if missing). */
  root: string;
  /** Who may log in. Default: one user `recon` with a generated password and a generated ed25519 key (both in `credentials`). */
  users?: SftpSandboxUser[];
  /** Host private key (OpenSSH or PEM). Default: a fresh ed25519 key per start. */
  hostKey?: string | Buffer;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port the OS picks. */
  port?: number;
  logger?: Logger;
}

/** A running sandbox. */
export interface SftpSandbox {
  host: string;
  port: number;
  /** `sftp://host:port`, for logs (the connector takes `host` and `port`). */
  url: string;
  /** The host key's `SHA256:...` fingerprint: what a connector pins as `hostKey`. */
  hostKeyFingerprint: string;
  /** The same key as a known_hosts line. */
  knownHostsLine: string;
  /** The first user's credentials (the generated ones by default). */
  credentials: { username: string; password?: string; privateKey?: string };
  root: string;
  /** Open client connections. */
  readonly connections: number;
  /** Cut every open connection at the socket, as a network failure would. Returns how many were cut. */
  dropConnections(): number;
  /** Stop answering on every open connection without closing it, as a hung server would (new connections are served). Returns how many. */
  freezeConnections(): number;
  /** Stop listening and cut every connection. Idempotent. */
  close(): Promise<void>;
}

/**
 * An SFTP server in this process (ssh2's `Server`), serving a local folder: for the demo, for
 * tests, and for trying the connector without an SSH server. Password and public-key logins,
 * a real SSH handshake with a host key to pin, the SFTP operations the connector uses, owner
 * permission bits honoured. Not a hardened server: bind it to loopback.
 *
 * @example
 * const sandbox = await startSftpSandbox({ root: './sftp-root' });
 * const connector = sftp({ host: sandbox.host, port: sandbox.port, username: sandbox.credentials.username,
 *   password: sandbox.credentials.password, hostKey: sandbox.hostKeyFingerprint, remoteDir: '/outbox', ledger: './ledger.json' });
 */
export async function startSftpSandbox(options: SftpSandboxOptions): Promise<SftpSandbox> {
  const logger = options.logger ?? silentLogger;
  await mkdir(options.root, { recursive: true });

  const hostKeyText = options.hostKey ?? generateEd25519KeyPair().private;
  const parsed = ssh2.utils.parseKey(hostKeyText);
  if (parsed instanceof Error) throw new Error(`sandbox host key could not be parsed: ${parsed.message}`);
  const hostKey = (Array.isArray(parsed) ? parsed[0] : parsed) as ParsedKey;
  const publicBlob = hostKey.getPublicSSH();

  let credentials: SftpSandbox['credentials'];
  let users = options.users;
  if (!users || users.length === 0) {
    const userKey = generateEd25519KeyPair();
    const password = randomBytes(12).toString('base64url');
    users = [{ username: 'recon', password, publicKey: userKey.public }];
    credentials = { username: 'recon', password, privateKey: userKey.private };
  } else {
    const first = users[0] as SftpSandboxUser;
    credentials = { username: first.username, ...(first.password !== undefined && { password: first.password }) };
  }
  const prepared = prepareUsers(users);

  const ssh = new ssh2.Server({ hostKeys: [hostKeyText] }, (client) => {
    client.on('authentication', (context) => authenticate(context, prepared));
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('sftp', (acceptSftp) => client.once('close', serveSftp(acceptSftp(), options.root, logger)));
        // Only SFTP: no shell, no exec.
        session.on('shell', (_accept, reject) => reject());
        session.on('exec', (_accept, reject) => reject());
      });
    });
    // A dropped or refused client must not take the sandbox down.
    client.on('error', (error) => logger.debug({ error: error.message }, 'sftp sandbox: client connection error'));
  });

  // Sockets are accepted here and handed to ssh2, so the sandbox can cut them (dropConnections).
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    ssh.injectSocket(socket);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port ?? 0, host, () => {
      tcp.off('error', reject);
      resolve();
    });
  });
  const port = (tcp.address() as AddressInfo).port;
  const dropConnections = () => {
    const count = sockets.size;
    for (const socket of sockets) socket.destroy();
    return count;
  };

  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    url: `sftp://${host}:${port}`,
    hostKeyFingerprint: fingerprintOf(publicBlob),
    knownHostsLine: `${hostPattern(host, port)} ${hostKey.type} ${publicBlob.toString('base64')}`,
    credentials,
    root: options.root,
    get connections() {
      return sockets.size;
    },
    dropConnections,
    freezeConnections() {
      for (const socket of sockets) socket.pause();
      return sockets.size;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        dropConnections();
      });
      return closing;
    },
  };
}
