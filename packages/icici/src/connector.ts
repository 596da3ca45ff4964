import { apiKeyHeader, createHttpClient, createOccurrenceCounter, defineConnector, paginate } from '@recon/core';
import { createStatementClient } from './api/statement-client';
import { IciciConfig, secretsOf } from './config';
import { ICICI_API_KEY_HEADER, ICICI_SOURCE } from './constants';
import { loadRsaPrivateKey, loadRsaPublicKey } from './crypto/rsa';
import { addDays, istDayOf } from './mapping/ist-dates';
import { rowMessage } from './mapping/row-message';
import { parseCursor, type IciciCursor } from './read/cursor';
import { planRead, type DayRange } from './read/plan';
import { VERSION } from './version';

const masked = (account: string): string => `XXXX${account.slice(-4)}`;

/**
 * ICICI Bank Corporate API Banking (CIB) account statements as standard transactions.
 *
 * The `apikey` header; every request and response in ICICI's hybrid envelope (RSA PKCS#1 v1.5
 * wrapping a fresh AES-128-CBC session key); `AccountStatements` paged with `CONFLG`/`LASTTRID`
 * until the bank stops returning a token; ranges over 365 days split; a checkpoint after every
 * page; a client-side budget of 500 requests an hour unless configured otherwise.
 *
 * @example
 * const source = icici({ apiKey, corpId, userId, aggrId, urn, accountNumber, bankPublicKey, clientPrivateKey });
 * for await (const message of source.read({ from: '2024-04-01', to: '2024-05-01' })) { ... }
 */
export const icici = defineConnector<typeof IciciConfig, IciciCursor>({
  id: ICICI_SOURCE,
  version: VERSION,
  description: 'ICICI Bank CIB account statements (AccountStatements, hybrid RSA/AES encryption, CONFLG/LASTTRID paging).',
  config: IciciConfig,
  secrets: secretsOf,
  create(config, { logger, redact }) {
    const http = createHttpClient({
      baseURL: config.baseUrl,
      connector: ICICI_SOURCE,
      timeoutMs: config.timeoutMs,
      auth: apiKeyHeader(ICICI_API_KEY_HEADER, config.apiKey),
      rateLimit: config.rateLimit,
      ...(config.retry && { retry: config.retry }),
      ...(config.headers && { headers: config.headers }),
      logger,
      redactor: redact,
    });
    const statements = createStatementClient({
      http,
      path: config.statementPath,
      identity: config,
      bankPublicKey: loadRsaPublicKey(config.bankPublicKey),
      clientPrivateKey: loadRsaPrivateKey(config.clientPrivateKey, config.clientPrivateKeyPassphrase),
      ivMode: config.requestIvMode,
      logger,
    });

    return {
      async check({ signal }) {
        // One real statement call (yesterday and today): proves the key, both RSA keys and the
        // registration. An empty statement is still a successful answer.
        const today = istDayOf(Date.now());
        const page = await statements.fetchPage({ fromDay: addDays(today, -1), toDay: today, lastTrId: null }, signal);
        return {
          ok: true,
          message: `ICICI CIB statement API answered for account ${masked(config.accountNumber)} at ${config.baseUrl}`,
          details: { recordsSinceYesterday: page.records.length, morePages: page.lastTrId !== undefined },
        };
      },

      async *read({ from, to, cursor: stored, signal }) {
        const cursor = stored === undefined ? undefined : parseCursor(stored, config.accountNumber);
        const plan = planRead({ from, to, cursor, now: Date.now(), maxRangeDays: config.maxRangeDays, initialLookbackDays: config.initialLookbackDays });
        const base = { v: 1, account: config.accountNumber, first: plan.first, last: plan.last, nextFrom: plan.nextFrom } as const;
        if (plan.chunks.length === 0) {
          yield { type: 'state', cursor: { ...base, chunk: plan.first, lastTrId: null, done: true } };
          return;
        }
        const context = { accountNumber: config.accountNumber, nextOccurrence: createOccurrenceCounter() };
        const after = (index: number, chunk: DayRange, token: string | undefined): IciciCursor => {
          if (token !== undefined) return { ...base, chunk: chunk.from, lastTrId: token, done: false };
          const following = plan.chunks[index + 1];
          return following ? { ...base, chunk: following.from, lastTrId: null, done: false } : { ...base, chunk: chunk.from, lastTrId: null, done: true };
        };

        for (const [index, chunk] of plan.chunks.entries()) {
          const startToken = index === 0 ? plan.resumeToken : null;
          const pages = paginate<unknown, string>(
            async (token, pageSignal) => {
              const page = await statements.fetchPage({ fromDay: chunk.from, toDay: chunk.to, lastTrId: token ?? startToken }, pageSignal);
              return { items: page.records, next: page.lastTrId };
            },
            { connector: ICICI_SOURCE, ...(signal && { signal }) },
          );
          for await (const page of pages) {
            for (const row of page.items) yield rowMessage<IciciCursor>(row, context);
            yield { type: 'state', cursor: after(index, chunk, page.next) };
          }
        }
      },
    };
  },
});
