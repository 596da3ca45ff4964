import { createPrivateKey } from 'node:crypto';
import { captureOutput, createCollectingLogger, findLeaks, printedForms, readAll } from '@recon/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icici } from './connector';
import { addDays } from './mapping/ist-dates';
import { startIciciSandbox, type IciciSandbox } from './sandbox';

const PASSPHRASE = 'correct horse battery staple 42';

describe('icici: no credential in any output', () => {
  let sandbox: IciciSandbox;
  beforeAll(async () => {
    sandbox = await startIciciSandbox({ seed: 51, count: 14, pageSize: 5, keyBits: 2048 });
  });
  afterAll(() => sandbox.close());

  it('API key, private key (PEM, lines, passphrase) and every AES session key stay out of records, logs, errors and stdout', async () => {
    const plainPem = sandbox.credentials.clientPrivateKey;
    // The same key, stored encrypted, as production keys should be.
    const encryptedPem = createPrivateKey(plainPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }) as string;
    const logger = createCollectingLogger();
    const texts: Array<{ source: string; text: string }> = [];
    const note = (source: string, value: unknown) => {
      for (const text of printedForms(value)) texts.push({ source, text });
    };
    const window = { from: sandbox.dataset.firstDay, to: addDays(sandbox.dataset.lastDay, 1) };
    const config = sandbox.connectorConfig({ clientPrivateKey: encryptedPem, clientPrivateKeyPassphrase: PASSPHRASE, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 } });
    const good = icici(config, { logger });
    const wrongKey = icici({ ...config, apiKey: 'WrongKey0123456789abcdefWrongKey' }, { logger });

    const { output } = await captureOutput(async () => {
      const healthy = await readAll(good, window);
      expect(healthy.ids).toHaveLength(14);
      note('healthy read messages', healthy.messages);
      note('check()', await good.check());
      note('check() with a wrong key', await wrongKey.check());
      note('read() with a wrong key', (await readAll(wrongKey, window)).error);
      // An upstream echoing every secret the connector knows, as text and as JSON.
      const echoed = `bad request; received ${good.redact.secrets.join(' / ')}`;
      sandbox.server.faults.inject({ type: 'status', status: 400, body: { message: echoed } });
      note('read() under an echoing 400', (await readAll(good, window)).error);
      sandbox.server.faults.inject({ type: 'status', status: 500, body: echoed, times: 2 });
      note('read() under an echoing 500', (await readAll(good, window)).error);
      sandbox.server.faults.inject({ type: 'status', status: 200, body: sandbox.encryptForClient({ RESPONSE: 'Failure', MESSAGE: echoed }) });
      note('read() under an echoing failure in 200', (await readAll(good, window)).error);
      // Every decryption stage failing: envelope, payload, and a decrypted body that is not JSON.
      const flipFirstByte = (b64: string) => {
        const bytes = Buffer.from(b64, 'base64');
        bytes[0] = (bytes[0] ?? 0) ^ 0x01;
        return bytes.toString('base64');
      };
      const tampers: Array<(e: { encryptedData: string }) => unknown> = [
        (e) => ({ ...e, encryptedData: e.encryptedData.slice(0, 64) }),
        (e) => ({ ...e, encryptedData: flipFirstByte(e.encryptedData) }),
        (e) => ({ ...e, encryptedData: 'not base64!' }),
      ];
      for (const tamper of tampers) {
        sandbox.tamperNext(tamper);
        note('read() of a tampered response', (await readAll(good, window)).error);
      }
      note('the connector objects', [good, wrongKey]);
    });
    for (const line of output) texts.push({ source: 'stdout/stderr/console', text: line });
    for (const entry of logger.entries) note(`logger.${entry.level}(${entry.msg ?? ''})`, entry);
    expect(logger.entries.some((e) => e.level === 'debug' && e.msg === 'icici statement page')).toBe(true);

    const pemLines = (pem: string) => pem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));
    const secrets = [config.apiKey, PASSPHRASE, plainPem, encryptedPem, ...pemLines(plainPem), ...pemLines(encryptedPem), ...sandbox.sessionKeys];
    expect(sandbox.sessionKeys.length).toBeGreaterThan(10);
    const leaks = findLeaks(texts, secrets);
    expect(leaks.map((l) => `${l.source}: secret #${l.index} (${l.form}) …${l.context}…`)).toEqual([]);
    // The scan is not vacuous: the errors did carry the echoed body, scrubbed.
    expect(texts.some((t) => t.text.includes('[REDACTED]'))).toBe(true);
  });
});
