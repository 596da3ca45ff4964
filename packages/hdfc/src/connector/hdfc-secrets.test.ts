import { captureOutput, createCollectingLogger, findLeaks, printedForms } from '@recon/core/testing';
import { describe, expect, it } from 'vitest';
import { hdfcSandboxConfig, startHdfcSandbox } from '../sandbox';
import { createTestCertificates } from './certificates.test-helper';
import { hdfc } from './hdfc-connector';

describe('hdfc connector secret hygiene', () => {
  it('never shows the client secret, private keys, TLS key or any issued token: not in logs, output, errors or check results', async () => {
    const certs = createTestCertificates();
    const sandbox = await startHdfcSandbox({ seed: 41, count: 20, tls: { cert: certs.server.cert, key: certs.server.key, ca: certs.ca } });
    const logger = createCollectingLogger();
    const texts: Array<{ source: string; text: string }> = [];
    const note = (source: string, value: unknown) => printedForms(value).forEach((text) => texts.push({ source, text }));
    try {
      const connector = hdfc({ ...hdfcSandboxConfig(sandbox), tls: { cert: certs.client.cert, key: certs.client.key, ca: certs.ca }, statementRequest: { pageSize: 5 } }, { logger });
      const window = { from: sandbox.dataset.firstDate, to: sandbox.dataset.endDate };
      const drain = async (label: string) => {
        try {
          for await (const message of connector.read(window)) note(`${label} message`, message.type === 'state' ? message : message.type);
        } catch (error) {
          note(`${label} error`, error);
        }
      };
      const { output } = await captureOutput(async () => {
        await drain('healthy');
        sandbox.expireTokens();
        await drain('after revocation');
        const token = sandbox.issuedTokens.at(-1) ?? '';
        // An upstream that echoes the bearer token and the client secret back in its error body.
        sandbox.server.faults.inject({ type: 'status', status: 400, times: Infinity, body: { errorMessage: `bad token ${token} for ${sandbox.credentials.clientSecret}` } });
        note('check under echo', await connector.check());
        await drain('under echo');
        sandbox.server.faults.clear();
        sandbox.corruptResponses('bad-signature');
        await drain('bad signature');
        note('connector', connector);
        await connector.close();
      });
      output.forEach((text) => texts.push({ source: 'stdout/stderr', text }));
      logger.entries.forEach((entry) => note(`log ${entry.msg ?? ''}`, entry));
      expect(sandbox.issuedTokens.length).toBeGreaterThanOrEqual(2);
      const secrets = [sandbox.credentials.clientSecret, sandbox.credentials.privateKey, certs.client.key, ...sandbox.issuedTokens];
      expect(findLeaks(texts, secrets)).toEqual([]);
      // The scan saw real material: the echo scenario did fail, with the body excerpt kept (scrubbed).
      expect(texts.some((t) => t.source === 'under echo error' && t.text.includes('[REDACTED]'))).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});
