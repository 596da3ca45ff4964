import type { Cursor } from '../../connector';
import type { Fault } from '../sandbox/faults';
import { captureOutput, createCollectingLogger } from './capture-output';
import { ensure } from './conformance-error';
import { prepare } from './prepare';
import { readAll } from './read-all';
import { findLeaks, printedForms } from './secret-scan';
import type { ConformanceFixture } from './types';

/**
 * No secret leaks, in the situations where they usually do: wrong credentials, an upstream that
 * echoes the credentials back in its error body (some banks do), server errors, dropped
 * connections. Everything printed (stdout, stderr, console.*), everything logged to a collecting
 * logger, every check result and thrown error (util.inspect depth 10, JSON.stringify, String,
 * stack) and the connector objects themselves are scanned for each secret, raw, URL-encoded and
 * base64. The failure message masks the secret it reports.
 */
export async function checkNoSecretLeak<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void> {
  prepare(fixture);
  const logger = createCollectingLogger();
  const texts: Array<{ source: string; text: string }> = [];
  const note = (source: string, value: unknown) => {
    for (const text of printedForms(value)) texts.push({ source, text });
  };

  const { output } = await captureOutput(async () => {
    const good = fixture.makeConnector?.({ logger }) ?? fixture.connector;
    const bad = fixture.makeWithBadCredentials({ logger });
    try {
      note('check() result with wrong credentials', await bad.check());
      note('read() error with wrong credentials', (await readAll(bad, { ...fixture.readOptions })).error);
      // The server repeats the connector's own secrets: only the connector can know to scrub them.
      const echoed = `invalid request; credentials received: ${good.redact.secrets.join(', ')}`;
      const scenarios: Array<[string, Fault]> = [
        ['an error body echoing the credentials', { type: 'status', status: 400, times: Infinity, body: { error: { code: 'BAD_REQUEST', message: echoed } } }],
        ['a 500 echoing the credentials as text', { type: 'status', status: 500, times: Infinity, body: echoed }],
        ['connection resets', { type: 'reset', times: Infinity }],
      ];
      for (const [what, fault] of scenarios) {
        fixture.sandbox.faults.clear();
        fixture.sandbox.faults.inject(fault);
        note(`check() result under ${what}`, await good.check());
        note(`read() error under ${what}`, (await readAll(good, { ...fixture.readOptions })).error);
      }
      fixture.sandbox.faults.clear();
      // A healthy read too, so per-request debug logging is covered.
      await readAll(good, { ...fixture.readOptions });
      note('the connector object', good);
      note('the connector object with wrong credentials', bad);
    } finally {
      fixture.sandbox.faults.clear();
      await bad.close();
      if (good !== fixture.connector) await good.close();
    }
  });

  for (const text of output) texts.push({ source: 'stdout/stderr/console', text });
  for (const entry of logger.entries) note(`logger.${entry.level}(${entry.msg ?? ''})`, entry);

  const leaks = findLeaks(texts, fixture.secrets);
  ensure(leaks.length === 0, 'no-secret-leak', () => {
    const shown = leaks.slice(0, 5).map((l) => `  secret #${l.index} (${l.form}) in ${l.source}: ...${l.context}...`);
    return `${leaks.length} secret leak(s):\n${shown.join('\n')}`;
  });
  ensure(texts.some((t) => t.source === 'read() error with wrong credentials' && t.text !== 'undefined'), 'no-secret-leak', 'a read with wrong credentials did not fail, so there was nothing to scan');
}
