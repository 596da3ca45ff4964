import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Host-key pinning. A pin is what the user trusts, written the way OpenSSH prints it:
 * - a fingerprint, `SHA256:<base64>` exactly as `ssh-keygen -lf` (or `ssh-keyscan | ssh-keygen -lf -`) shows it;
 * - a known_hosts line, `host[,host] keytype base64 [comment]` (hashed `|1|salt|hash` hosts and
 *   `[host]:port` included), so a line copied from `~/.ssh/known_hosts` works as is;
 * - a bare public key, `keytype base64 [comment]` (the `.pub` file or the host's key as sent by the bank).
 */
export type HostKeyPin =
  | { kind: 'fingerprint'; fingerprint: string }
  | { kind: 'key'; keyType: string; blob: Buffer; fingerprint: string; revoked: boolean; hosts?: string };

/** A key the server offered during the handshake. */
export interface OfferedHostKey {
  keyType: string;
  /** `SHA256:<base64>` without padding, as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

/** Result of {@link parseHostKeyPins}: the pins that apply to this host, or what is wrong. */
export type ParsedPins = { ok: true; pins: HostKeyPin[] } | { ok: false; problems: string[] };

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
const KEY_TYPE = /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;

/** `SHA256:<base64>` of a raw public-key blob, the form `ssh-keygen -lf` prints. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Key type written at the start of an SSH public-key blob (`ssh-ed25519`, `ssh-rsa`, ...). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length <= 0 || length > 64 || blob.length < 4 + length) return 'unknown';
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** What the server offered, in the words an error message and a log use. */
export function describeOfferedKey(blob: Buffer): OfferedHostKey {
  return { keyType: keyTypeOf(blob), fingerprint: fingerprintOf(blob) };
}

/**
 * Parse the configured pins, keeping those whose host part names `host:port` (a known_hosts line
 * for another host is ignored, so a whole known_hosts file may be pasted). Lines that are blank or
 * comments are skipped. Fails when something cannot be read, or when no pin is left for this host.
 */
export function parseHostKeyPins(entries: readonly string[], host: string, port: number): ParsedPins {
  const pins: HostKeyPin[] = [];
  const problems: string[] = [];
  let sawKnownHostsLineForOtherHost = false;
  for (const [index, entry] of entries.entries()) {
    for (const rawLine of entry.split(/\r?\n/)) {
      const line = rawLine.trim();
      if (line === '' || line.startsWith('#')) continue;
      const result = parsePin(line, host, port);
      if (result === 'other-host') sawKnownHostsLineForOtherHost = true;
      else if (typeof result === 'string') problems.push(`hostKey[${index}]: ${result}`);
      else pins.push(result);
    }
  }
  if (problems.length) return { ok: false, problems };
  if (!pins.some((pin) => pin.kind === 'fingerprint' || !pin.revoked)) {
    const why = sawKnownHostsLineForOtherHost ? `no known_hosts line names ${hostPattern(host, port)}` : 'no host key given';
    return { ok: false, problems: [`hostKey: ${why}; pin the server's key (SHA256 fingerprint from \`ssh-keygen -lf\`, or a known_hosts line)`] };
  }
  return { ok: true, pins };
}

function parsePin(line: string, host: string, port: number): HostKeyPin | 'other-host' | string {
  if (/^(SHA256|sha256):/.test(line)) {
    const fingerprint = `SHA256:${line.slice(7)}`;
    if (!FINGERPRINT.test(fingerprint)) return `"${line.slice(0, 60)}" is not a SHA256 fingerprint (expected SHA256: and 43 base64 characters, as \`ssh-keygen -lf\` prints)`;
    return { kind: 'fingerprint', fingerprint: fingerprint.replace(/=$/, '') };
  }
  if (/^MD5:/i.test(line) || /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/i.test(line)) return 'MD5 fingerprints are not accepted (MD5 is broken); use the SHA256 fingerprint `ssh-keygen -lf` prints';

  const fields = line.split(/\s+/);
  let marker: string | undefined;
  if (fields[0]?.startsWith('@')) marker = fields.shift();
  if (marker !== undefined && marker !== '@revoked') return `known_hosts marker ${marker} is not supported (only @revoked); pin the host's own key instead of a CA`;

  let hosts: string | undefined;
  if (!KEY_TYPE.test(fields[0] ?? '')) hosts = fields.shift();
  const [keyType, base64] = fields;
  if (keyType === undefined || !KEY_TYPE.test(keyType)) return `"${line.slice(0, 60)}" is neither a SHA256 fingerprint nor a known_hosts line (host keytype base64-key)`;
  if (base64 === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return `the ${keyType} key in "${line.slice(0, 60)}" is not base64`;
  const blob = Buffer.from(base64, 'base64');
  if (keyTypeOf(blob) !== keyType) return `the key in "${line.slice(0, 60)}" says ${keyTypeOf(blob)} inside but ${keyType} outside`;
  if (hosts !== undefined && !hostsMatch(hosts, host, port)) return 'other-host';
  return { kind: 'key', keyType, blob, fingerprint: fingerprintOf(blob), revoked: marker === '@revoked', ...(hosts !== undefined && { hosts }) };
}

/** How OpenSSH writes a host in known_hosts: bare on port 22, `[host]:port` otherwise. */
export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** known_hosts host-field matching: comma-separated patterns, `*`/`?` wildcards, `!` negation, hashed `|1|salt|hmac` entries. */
export function hostsMatch(field: string, host: string, port: number): boolean {
  const name = hostPattern(host, port);
  if (field.startsWith('|1|')) return hashedHostMatches(field, name);
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    if (!wildcardMatch(body.toLowerCase(), name.toLowerCase())) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function hashedHostMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function wildcardMatch(pattern: string, text: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(text);
}

/** Outcome of checking an offered key against the pins. */
export type HostKeyVerdict = { trusted: true; offered: OfferedHostKey } | { trusted: false; offered: OfferedHostKey; reason: 'revoked' | 'not-pinned' };

/** Is the key the server offered one of the pinned ones (and not revoked)? */
export function verifyHostKey(blob: Buffer, pins: readonly HostKeyPin[]): HostKeyVerdict {
  const offered = describeOfferedKey(blob);
  const keyPins = pins.filter((pin): pin is Extract<HostKeyPin, { kind: 'key' }> => pin.kind === 'key');
  if (keyPins.some((pin) => pin.revoked && pin.blob.equals(blob))) return { trusted: false, offered, reason: 'revoked' };
  const trusted = pins.some((pin) => (pin.kind === 'fingerprint' ? pin.fingerprint === offered.fingerprint : !pin.revoked && pin.blob.equals(blob)));
  return trusted ? { trusted: true, offered } : { trusted: false, offered, reason: 'not-pinned' };
}

/** Fingerprints of the trusted (non-revoked) pins, for messages. */
export function pinnedFingerprints(pins: readonly HostKeyPin[]): string[] {
  return pins.filter((pin) => pin.kind === 'fingerprint' || !pin.revoked).map((pin) => pin.fingerprint);
}

/**
 * Server host-key algorithms to offer, when every pin is a full key: the server then presents
 * the pinned key type, not another of its keys (what OpenSSH does with known_hosts). With any
 * fingerprint-only pin we cannot know the type and let ssh2 negotiate.
 */
export function hostKeyAlgorithmsFor(pins: readonly HostKeyPin[]): string[] | undefined {
  if (pins.some((pin) => pin.kind === 'fingerprint')) return undefined;
  const algorithms = new Set<string>();
  for (const pin of pins) {
    if (pin.kind !== 'key' || pin.revoked) continue;
    if (pin.keyType === 'ssh-rsa') for (const a of ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']) algorithms.add(a);
    else algorithms.add(pin.keyType);
  }
  return algorithms.size ? [...algorithms] : undefined;
}
