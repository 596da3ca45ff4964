import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isReconError, type ReconError } from '@recon/core';
import { createCollectingLogger } from '@recon/core/testing';
import { statementFiles, allIds } from './statement-files.test-helper';
import { connectorFor, drain, testFolder, writeFiles, type SuiteContext } from './suite-context.test-helper';

/** A well-formed fingerprint of no real key. */
function strangerFingerprint(): string {
  return `SHA256:${randomBytes(32).toString('base64').replace(/=+$/, '')}`;
}

/** Host-key pinning and authentication. */
export function describeSecurity(ctx: SuiteContext): void {
  describe('host key and credentials', () => {
    it('check() connects with the pinned fingerprint and reports what is waiting', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'check');
      await writeFiles(server, folder, statementFiles({ count: 2 }));
      const result = await connectorFor(server, folder).check();
      expect(result.ok).toBe(true);
      expect(result.ok && result.details).toMatchObject({ matching: 2, unprocessed: 2, hostKeyPinned: true });
    });

    it('accepts a known_hosts line as the pin', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'known-hosts');
      const files = statementFiles({ count: 1 });
      await writeFiles(server, folder, files);
      const knownHosts = ['other.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFW3s3ghjYcNFkRI9JX/OX5Msr8cU4c+ZaLUigRL8OlA', server.knownHostsLine].join('\n');
      const result = await drain(connectorFor(server, folder, { hostKey: knownHosts }).read());
      expect(result.error).toBeUndefined();
      expect(result.ids).toEqual(allIds(files));
    });

    it('refuses a server whose key is not the pinned one, naming the key it offered', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'wrong-host-key');
      await writeFiles(server, folder, statementFiles({ count: 1 }));
      const pinned = strangerFingerprint();
      const connector = connectorFor(server, folder, { hostKey: pinned });

      const result = await drain(connector.read());
      expect(result.ids).toEqual([]);
      expect(isReconError(result.error)).toBe(true);
      const error = result.error as ReconError;
      expect(error).toMatchObject({ code: 'SFTP_HOST_KEY_REJECTED', kind: 'auth', retryable: false });
      expect(error.message).toContain(server.hostKeyFingerprint);
      expect(error.message).toContain(pinned);
      expect(error.details).toMatchObject({ offered: { fingerprint: server.hostKeyFingerprint, keyType: 'ssh-ed25519' } });

      const check = await connector.check();
      expect(check.ok).toBe(false);
      expect(!check.ok && check.error.code).toBe('SFTP_HOST_KEY_REJECTED');
    });

    it('refuses a known_hosts line with another key for this host (a changed key)', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'changed-key');
      const [hostField] = server.knownHostsLine.split(' ');
      const otherKey = `${hostField} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFW3s3ghjYcNFkRI9JX/OX5Msr8cU4c+ZaLUigRL8OlA`;
      const check = await connectorFor(server, folder, { hostKey: otherKey }).check();
      expect(check.ok).toBe(false);
      expect(!check.ok && check.error.code).toBe('SFTP_HOST_KEY_REJECTED');
      expect(check.message).toContain(server.hostKeyFingerprint);
    });

    it('with dangerouslyAcceptAnyHostKey connects, and warns with the fingerprint on every connect', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'accept-any');
      const files = statementFiles({ count: 1 });
      await writeFiles(server, folder, files);
      const logger = createCollectingLogger();
      const connector = connectorFor(server, folder, { hostKey: undefined, dangerouslyAcceptAnyHostKey: true }, { logger });
      expect((await drain(connector.read())).ids).toEqual(allIds(files));
      expect((await connector.check()).ok).toBe(true);
      const warnings = logger.entries.filter((e) => e.level === 'warn' && /HOST KEY NOT VERIFIED/.test(e.msg ?? ''));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]?.msg).toContain(server.hostKeyFingerprint);
    });

    it('reports refused credentials as kind auth, from check() (never throwing) and from read()', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'bad-credentials');
      const connector = connectorFor(server, folder, { ...server.wrongAuth });
      const check = await connector.check();
      expect(check.ok).toBe(false);
      expect(!check.ok && check.error).toMatchObject({ code: 'SFTP_AUTH_FAILED', kind: 'auth' });
      const result = await drain(connector.read());
      expect(result.error).toMatchObject({ code: 'SFTP_AUTH_FAILED', kind: 'auth', retryable: false });
    });

    it('takes credentials from a provider at each connect', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'provider');
      const files = statementFiles({ count: 1 });
      await writeFiles(server, folder, files);
      let calls = 0;
      const connector = connectorFor(server, folder, {
        password: undefined,
        privateKey: undefined,
        credentials: async () => {
          calls++;
          return server.auth;
        },
      });
      expect((await drain(connector.read())).ids).toEqual(allIds(files));
      expect((await connector.check()).ok).toBe(true);
      expect(calls).toBe(2);
    });
  });
}
