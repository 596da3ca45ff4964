/** Types of sshd.mjs (a plain Node script, so the CLI runs without a build). */

/** Path of the sshd binary (`RECON_SSHD_PATH` or `/usr/sbin/sshd`). */
export declare const SSHD_PATH: string;

export interface StartSshdOptions {
  /** Folder for keys, config and the served data (default: a new temp folder). */
  runDir?: string;
  /** Port on 127.0.0.1 (default: a free one the OS picks). */
  port?: number;
  /** Let sshd outlive this process (the CLI). */
  detached?: boolean;
  /** Keep `runDir` on `stop()`. */
  keepRunDir?: boolean;
  /** Receives every line sshd logs. */
  log?: (line: string) => void;
}

/** A running test sshd. */
export interface SshdServer {
  host: string;
  port: number;
  /** The listening sshd process. */
  pid: number;
  runDir: string;
  /** Folder served over SFTP (absolute path, also its remote path: no chroot). */
  dataDir: string;
  /** Login user: `nobody` when running as root, else the current user. */
  username: string;
  uid: number;
  gid: number;
  privateKeyPath: string;
  /** The user's private key (OpenSSH format, no passphrase). */
  privateKey: string;
  /** `SHA256:...`, as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  /** `[127.0.0.1]:port ssh-ed25519 AAAA...`, a known_hosts line for this server. */
  knownHostsLine: string;
  startupMs: number;
  /** The last lines sshd logged. */
  recentLog(): string[];
  /** SIGKILL every per-connection sshd process (drops every session); resolves with how many were killed once they are gone. */
  killSessions(): Promise<number>;
  /** SIGSTOP every per-connection sshd process: connections stay open, nothing answers (a hung server). Returns how many. `killSessions()` ends them. */
  freezeSessions(): number;
  /** Stop sshd, kill its sessions, remove `runDir` (unless `keepRunDir`). */
  stop(): Promise<void>;
}

/** Why sshd cannot start on this machine, or undefined when it can. */
export declare function sshdUnavailableReason(): string | undefined;
export declare function startSshd(options?: StartSshdOptions): Promise<SshdServer>;
