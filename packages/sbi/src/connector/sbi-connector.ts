import { createOccurrenceCounter, defineConnector, paginate, type ConnectorMessage } from '@recon/core';
import { readStatementPage } from '../api/statement-page';
import { createSbiApi } from '../api/sbi-api';
import { SbiConfigSchema } from '../config/config-schema';
import { SBI_SOURCE } from '../constants';
import { addDays, istToday } from '../mapping/dates';
import { mapSbiStatementRow } from '../mapping/map-statement-row';
import { VERSION } from '../version';
import { sbiStartPosition, windowStart, type SbiCursor } from './cursor';

/**
 * State Bank of India account statements: OAuth2 client credentials, the AES-GCM + RSA payload
 * envelope of SBI's corporate APIs (configurable, on by default), the EIS request layout, a
 * client-side limit of 2000 requests per hour by default. Endpoint, request fields and row mapping
 * are configuration, since SBI publishes none of them; reads go by IST day, in windows of
 * `statementRequest.maxRangeDays`, with a checkpoint after every page.
 */
export const sbi = defineConnector<typeof SbiConfigSchema, SbiCursor>({
  id: SBI_SOURCE,
  version: VERSION,
  description: 'State Bank of India account statements: OAuth2, AES-GCM + RSA envelope (EIS/CMP), configurable endpoint and mapping.',
  config: SbiConfigSchema,
  secrets: (config) => [config.clientSecret, config.clientId, config.privateKey, config.privateKeyPassphrase],
  create(config, { logger, redact }) {
    const api = createSbiApi(config, { logger, redact });
    const mapping = config.statementMapping;

    const fetchPage = async (window: { at: string; end: string }, startRecord: string | undefined, signal?: AbortSignal) => {
      const eis = await api.fetchStatement({ fromDate: window.at, toDate: addDays(window.end, -1), ...(startRecord !== undefined && { startRecord }) }, signal);
      return readStatementPage(eis, mapping, redact);
    };

    return {
      async check({ signal }) {
        const today = istToday();
        const page = await fetchPage({ at: addDays(today, -1), end: today }, undefined, signal);
        return { ok: true, message: `Connected to SBI at ${config.baseUrl}: token issued, statement call for ${addDays(today, -1)} decrypted and verified (${page.rows.length} rows)` };
      },
      async *read({ from, to, cursor, signal }): AsyncGenerator<ConnectorMessage<SbiCursor>> {
        let position = sbiStartPosition({ from, to, cursor }, { today: istToday(), startDate: config.startDate, lookbackDays: config.lookbackDays });
        if (position.done) {
          yield { type: 'state', cursor: position };
          return;
        }
        while (!position.done) {
          const limit = addDays(position.at, config.statementRequest.maxRangeDays);
          const window = { at: position.at, end: limit < position.to ? limit : position.to };
          const first = position.next ?? undefined;
          const pages = paginate<unknown, string>((next, pageSignal) => fetchPage(window, next ?? first, pageSignal).then((p) => ({ items: p.rows, next: p.nextRecord })), {
            connector: SBI_SOURCE,
            ...(signal && { signal }),
          });
          for await (const page of pages) {
            const occurrence = createOccurrenceCounter();
            for (const row of page.items) {
              const result = mapSbiStatementRow(row, { accountId: config.accountNumber, mapping, occurrence });
              yield result.ok ? { type: 'record', txn: result.txn } : { type: 'invalid', raw: row, error: result.error };
            }
            position = page.next !== undefined ? { ...position, next: page.next } : windowStart(position.to, window.end);
            yield { type: 'state', cursor: position };
          }
        }
      },
    };
  },
});
