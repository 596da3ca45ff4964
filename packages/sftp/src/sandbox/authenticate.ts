import { timingSafeEqual } from 'node:crypto';
import ssh2, { type AuthContext, type ParsedKey } from 'ssh2';

/** A user the sandbox accepts: a password, a public key, or both. */
export interface SftpSandboxUser {
  username: string;
  password?: string;
  /** OpenSSH public key line (`ssh-ed25519 AAAA... comment`). */
  publicKey?: string;
}

interface PreparedUser {
  username: string;
  password?: Buffer;
  key?: ParsedKey;
}

/** Parse the users once (a bad public key fails the sandbox start, not a login). */
export function prepareUsers(users: readonly SftpSandboxUser[]): PreparedUser[] {
  return users.map((user) => {
    const prepared: PreparedUser = { username: user.username };
    if (user.password !== undefined) prepared.password = Buffer.from(user.password);
    if (user.publicKey !== undefined) {
      const key = ssh2.utils.parseKey(user.publicKey);
      if (key instanceof Error) throw new Error(`sandbox user ${user.username}: the public key could not be parsed: ${key.message}`);
      prepared.key = Array.isArray(key) ? (key[0] as ParsedKey) : key;
    }
    return prepared;
  });
}

/**
 * Answer one authentication request the way sshd does: password compared in constant time,
 * public key accepted only with a valid signature over the session (a bare "is this key
 * acceptable?" query is answered yes for the right key, without logging in).
 */
export function authenticate(context: AuthContext, users: readonly PreparedUser[]): void {
  const user = users.find((u) => u.username === context.username);
  const methods: Array<'password' | 'publickey'> = [];
  if (users.some((u) => u.password)) methods.push('password');
  if (users.some((u) => u.key)) methods.push('publickey');
  if (!user) return context.reject(methods);

  if (context.method === 'password' && user.password) {
    const given = Buffer.from(context.password);
    return given.length === user.password.length && timingSafeEqual(given, user.password) ? context.accept() : context.reject(methods);
  }
  if (context.method === 'publickey' && user.key) {
    const expected = user.key.getPublicSSH();
    if (context.key.algo !== user.key.type || context.key.data.length !== expected.length || !timingSafeEqual(context.key.data, expected)) return context.reject(methods);
    if (!context.signature || !context.blob) return context.accept(); // the client asks whether the key would do
    return user.key.verify(context.blob, context.signature, context.hashAlgo) === true ? context.accept() : context.reject(methods);
  }
  return context.reject(methods);
}
