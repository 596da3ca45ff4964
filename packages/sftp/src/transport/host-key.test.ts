import { describe, expect, it } from 'vitest';
import { fingerprintOf, hostKeyAlgorithmsFor, hostsMatch, keyTypeOf, parseHostKeyPins, verifyHostKey, type HostKeyPin } from './host-key';

// Test vectors made with OpenSSH 9.2: `ssh-keygen -t ed25519`, `ssh-keygen -lf`, `ssh-keygen -H`.
const ED25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIFg/cle3hDdwN2ossPeT34c6taD+vStBHRJ6l1RJFAQw';
const ED25519_FP = 'SHA256:DMwJlew3Ik7GiGVA3il9uN+dMf/fEY+zqJDh99w2o3E';
const RSA =
  'AAAAB3NzaC1yc2EAAAADAQABAAABAQDKIehhZkmTzgSIEX/xnDLa4NpZAT0r4TNk3606Bu5KeM5zB5tb3daKdcUAMpMl7SS5aYZlniFqebeX9s1vDUxx6AxOEiNiZooNgv6285dEsr19wfTbVbXW1VIsdYkhd62U+BiFaZTiqGAqA5ERNIDJuZ8u3pDOA9lNl2AxwmfvJaxcdhimO/ySYfudvt9za4Nq6DRDU13yY3CK03kg3AzLQlSXbbTAZRA8aEivla5fYpR2msYBpoqI/+PqAA+lljUhmheh3dHeeHZHKc+EmPGId/wURkeWoUMdl8BvmniA21L1hNHuBZU9U01AIEGwxT62sFKPBzg12uCQaB8FlpBT';
const RSA_FP = 'SHA256:q9jxdGRrd5A/mlSKtg1xsNEK40GflRTUcnmGm5pMY4M';
/** `ssh-keygen -H` of `[sftp.bank.example]:2222` and of `sftp.bank.example` (port 22). */
const HASHED_2222 = '|1|4jdkV2rJTUNyXLyCWZylJS7DQdU=|cCnZjqsTxvp5GDTbaOk/pBsyOQo=';
const HASHED_22 = '|1|S5kIVji/q/7EgdRTuYbyLyrS7Og=|fvbGhLaKCOnz5WMjXGZ0pmveCaY=';

const blob = (base64: string) => Buffer.from(base64, 'base64');
const pins = (entries: string[], host = 'sftp.bank.example', port = 2222): HostKeyPin[] => {
  const parsed = parseHostKeyPins(entries, host, port);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.pins;
};

describe('fingerprints', () => {
  it('match what ssh-keygen -lf prints', () => {
    expect(fingerprintOf(blob(ED25519))).toBe(ED25519_FP);
    expect(fingerprintOf(blob(RSA))).toBe(RSA_FP);
    expect(keyTypeOf(blob(ED25519))).toBe('ssh-ed25519');
    expect(keyTypeOf(blob(RSA))).toBe('ssh-rsa');
    expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
  });
});

describe('parseHostKeyPins', () => {
  it('takes a fingerprint, a known_hosts line, a hashed line and a bare public key', () => {
    expect(pins([ED25519_FP])).toEqual([{ kind: 'fingerprint', fingerprint: ED25519_FP }]);
    expect(pins([`[sftp.bank.example]:2222 ssh-ed25519 ${ED25519}`])[0]).toMatchObject({ kind: 'key', keyType: 'ssh-ed25519', fingerprint: ED25519_FP, revoked: false });
    expect(pins([`${HASHED_2222} ssh-ed25519 ${ED25519}`])[0]).toMatchObject({ fingerprint: ED25519_FP });
    expect(pins([`ssh-rsa ${RSA} bank-host-key`])[0]).toMatchObject({ keyType: 'ssh-rsa', fingerprint: RSA_FP });
  });

  it('ignores known_hosts lines for other hosts, comments and blank lines, so a whole file can be pasted', () => {
    const file = ['# bank hosts', '', `other.example ssh-rsa ${RSA}`, `${HASHED_22} ssh-rsa ${RSA}`, `[sftp.bank.example]:2222 ssh-ed25519 ${ED25519}`].join('\n');
    expect(pins([file]).map((p) => p.fingerprint)).toEqual([ED25519_FP]);
    // The port matters: the hashed port-22 entry names this host only on port 22.
    expect(pins([`${HASHED_22} ssh-ed25519 ${ED25519}`], 'sftp.bank.example', 22)).toHaveLength(1);
  });

  it('reports what it cannot use, and refuses to leave the host unpinned', () => {
    const result = parseHostKeyPins(['SHA256:short', 'MD5:aa:bb', `@cert-authority *.example ssh-ed25519 ${ED25519}`, 'not a key at all', `ssh-rsa ${ED25519}`], 'h', 22);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/not a SHA256 fingerprint/);
    expect(problems[1]).toMatch(/MD5 fingerprints are not accepted/);
    expect(problems[2]).toMatch(/@cert-authority is not supported/);
    expect(problems[3]).toMatch(/neither a SHA256 fingerprint nor a known_hosts line/);
    expect(problems[4]).toMatch(/says ssh-ed25519 inside but ssh-rsa outside/);

    const otherHostOnly = parseHostKeyPins([`other.example ssh-rsa ${RSA}`], 'sftp.bank.example', 22);
    expect(otherHostOnly).toEqual({ ok: false, problems: [expect.stringMatching(/no known_hosts line names sftp\.bank\.example/)] });
    expect(parseHostKeyPins([`@revoked * ssh-rsa ${RSA}`], 'h', 22).ok).toBe(false);
  });
});

describe('hostsMatch', () => {
  it('follows known_hosts pattern rules', () => {
    expect(hostsMatch('sftp.bank.example', 'sftp.bank.example', 22)).toBe(true);
    expect(hostsMatch('sftp.bank.example', 'sftp.bank.example', 2222)).toBe(false);
    expect(hostsMatch('[sftp.bank.example]:2222', 'sftp.bank.example', 2222)).toBe(true);
    expect(hostsMatch('*.bank.example,!evil.bank.example', 'sftp.bank.example', 22)).toBe(true);
    expect(hostsMatch('*.bank.example,!evil.bank.example', 'evil.bank.example', 22)).toBe(false);
    expect(hostsMatch('sftp?.bank.example', 'sftp1.bank.example', 22)).toBe(true);
    expect(hostsMatch('SFTP.Bank.Example', 'sftp.bank.example', 22)).toBe(true);
    expect(hostsMatch(HASHED_2222, 'sftp.bank.example', 2222)).toBe(true);
    expect(hostsMatch(HASHED_2222, 'sftp.bank.example', 22)).toBe(false);
    expect(hostsMatch('|1|broken', 'sftp.bank.example', 22)).toBe(false);
  });
});

describe('verifyHostKey', () => {
  it('trusts only a pinned key, and never a revoked one', () => {
    expect(verifyHostKey(blob(ED25519), pins([ED25519_FP]))).toEqual({ trusted: true, offered: { keyType: 'ssh-ed25519', fingerprint: ED25519_FP } });
    expect(verifyHostKey(blob(RSA), pins([ED25519_FP]))).toEqual({ trusted: false, reason: 'not-pinned', offered: { keyType: 'ssh-rsa', fingerprint: RSA_FP } });
    // Rotation: old and new pinned side by side.
    expect(verifyHostKey(blob(RSA), pins([ED25519_FP, RSA_FP])).trusted).toBe(true);
    const withRevoked = pins([`@revoked * ssh-rsa ${RSA}`, `ssh-ed25519 ${ED25519}`]);
    expect(verifyHostKey(blob(RSA), withRevoked)).toMatchObject({ trusted: false, reason: 'revoked' });
    expect(verifyHostKey(blob(ED25519), withRevoked).trusted).toBe(true);
  });

  it('offers the pinned key types when every pin is a full key', () => {
    expect(hostKeyAlgorithmsFor(pins([`ssh-ed25519 ${ED25519}`]))).toEqual(['ssh-ed25519']);
    expect(hostKeyAlgorithmsFor(pins([`ssh-rsa ${RSA}`]))).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(hostKeyAlgorithmsFor(pins([ED25519_FP, `ssh-rsa ${RSA}`]))).toBeUndefined();
  });
});
