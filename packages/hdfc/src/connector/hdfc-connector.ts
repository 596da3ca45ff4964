import { createOccurrenceCounter, defineConnector, isKnownCurrency, paginate, type ConnectorMessage, type CurrencyCode } from '@recon/core';
import { createHdfcApi } from '../api/hdfc-api';
import { readStatementPage } from '../api/statement-page';
import { HdfcConfigSchema } from '../config/config-schema';
import { HDFC_STATEMENT_MAPPINGS, HdfcStatementMappingSchema, type HdfcStatementMapping } from '../config/statement-mapping';
import { HDFC_SOURCE } from '../constants';
import { addDays, istToday } from '../mapping/dates';
import { mapStatementRow } from '../mapping/map-statement-row';
import { VERSION } from '../version';
import { position, startPosition, windowEnd, type HdfcCursor } from './cursor';

function resolveMapping(choice: string | HdfcStatementMapping): HdfcStatementMapping {
  if (typeof choice !== 'string') return choice;
  return HdfcStatementMappingSchema.parse(HDFC_STATEMENT_MAPPINGS[choice as keyof typeof HDFC_STATEMENT_MAPPINGS]);
}

/**
 * HDFC Bank account statements over HDFC's API Banking transport: OAuth2 client credentials with
 * scope (mutual TLS when configured), every request signed (JWS RS256) and encrypted (JWE
 * RSA-OAEP-256 / A256GCM) and every response decrypted and verified, a client-side limit of
 * 1000 requests per hour by default. The statement endpoint and its fields are configuration
 * (HDFC publishes no statement API); the default follows the Account Aggregator deposit schema.
 *
 * Reads go by IST calendar day, in windows of `statementRequest.maxRangeDays`, page by page, with
 * a checkpoint after every page.
 */
export const hdfc = defineConnector<typeof HdfcConfigSchema, HdfcCursor>({
  id: HDFC_SOURCE,
  version: VERSION,
  description: 'HDFC Bank account statements: OAuth2 (+ mutual TLS), JWS/JWE payloads, configurable statement endpoint and mapping.',
  config: HdfcConfigSchema,
  secrets: (config) => [config.clientSecret, config.clientId, config.privateKey, config.privateKeyPassphrase, config.tls?.key, config.tls?.passphrase],
  create(config, { logger, redact }) {
    const api = createHdfcApi(config, { logger, redact });
    const mapping = resolveMapping(config.statementMapping);
    // Validated as a three-letter code by the schema; an unknown one surfaces per row as invalid data.
    const currency = (isKnownCurrency(config.currency) ? config.currency : 'INR') as CurrencyCode;

    const fetchPage = async (window: { at: string; end: string }, pageToken: string | undefined, signal?: AbortSignal) => {
      const payload = await api.fetchStatement({ account: config.accountNumber, fromDate: window.at, toDate: addDays(window.end, -1), ...(pageToken !== undefined && { pageToken }) }, signal);
      return readStatementPage(payload, mapping, redact);
    };

    return {
      async check({ signal }) {
        const yesterday = addDays(istToday(), -1);
        const page = await fetchPage({ at: yesterday, end: istToday() }, undefined, signal);
        return {
          ok: true,
          message: `Connected to HDFC at ${config.baseUrl}: token issued, statement call for ${yesterday} decrypted and verified (${page.rows.length} rows)`,
        };
      },
      async *read({ from, to, cursor, signal }): AsyncGenerator<ConnectorMessage<HdfcCursor>> {
        let at = startPosition({ from, to, cursor }, { today: istToday(), startDate: config.startDate, lookbackDays: config.lookbackDays });
        if (at.done) {
          yield { type: 'state', cursor: at };
          return;
        }
        while (!at.done) {
          const window = { at: at.at, end: windowEnd(at.at, at.to, config.statementRequest.maxRangeDays) };
          const firstToken = at.page ?? undefined;
          const pages = paginate<unknown, string>((token, pageSignal) => fetchPage(window, token ?? firstToken, pageSignal).then((p) => ({ items: p.rows, next: p.nextPageToken })), {
            connector: HDFC_SOURCE,
            ...(signal && { signal }),
          });
          for await (const page of pages) {
            const occurrence = createOccurrenceCounter();
            for (const row of page.items) {
              const result = mapStatementRow(row, { accountId: config.accountNumber, currency, mapping, occurrence });
              yield result.ok ? { type: 'record', txn: result.txn } : { type: 'invalid', raw: row, error: result.error };
            }
            at = page.next !== undefined ? { ...at, page: page.next } : position(at.to, window.end);
            yield { type: 'state', cursor: at };
          }
        }
      },
      async close() {
        api.close();
      },
    };
  },
});
