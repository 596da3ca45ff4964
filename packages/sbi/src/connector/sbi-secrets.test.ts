import { captureOutput, createCollectingLogger, findLeaks, printedForms } from '@recon/core/testing';
import { describe, expect, it } from 'vitest';
import { sbiSandboxConfig, startSbiSandbox } from '../sandbox';
import { sbi } from './sbi-connector';

describe('sbi connector secret hygiene', () => {
  it('never shows the client secret, the private key, an issued token or a session key', async () => {
    const sandbox = await startSbiSandbox({ seed: 42, count: 20, pageSize: 5 });
    const logger = createCollectingLogger();
    const texts: Array<{ source: string; text: string }> = [];
    const note = (source: string, value: unknown) => printedForms(value).forEach((text) => texts.push({ source, text }));
    try {
      const connector = sbi(sbiSandboxConfig(sandbox), { logger });
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
        const echoed = `token ${sandbox.issuedTokens.at(-1) ?? ''} key ${sandbox.sessionKeys.at(-1) ?? ''} secret ${sandbox.credentials.clientSecret}`;
        sandbox.server.faults.inject({ type: 'status', status: 500, times: Infinity, body: echoed });
        note('check under echo', await connector.check());
        await drain('under echo');
        sandbox.server.faults.clear();
        sandbox.corruptResponses('tamper');
        await drain('tampered');
        note('connector', connector);
      });
      output.forEach((text) => texts.push({ source: 'stdout/stderr', text }));
      logger.entries.forEach((entry) => note(`log ${entry.msg ?? ''}`, entry));
      expect(sandbox.sessionKeys.length).toBeGreaterThan(4);
      const secrets = [sandbox.credentials.clientSecret, sandbox.credentials.privateKey, ...sandbox.issuedTokens];
      expect(findLeaks(texts, secrets)).toEqual([]);
      // Session keys are per request and never known to the redactor: they must simply never be printed.
      expect(findLeaks(texts, [...sandbox.sessionKeys])).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
