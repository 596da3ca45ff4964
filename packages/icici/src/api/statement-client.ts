import type { KeyObject } from 'node:crypto';
import { ReconError, type HttpClient, type Logger } from '@recon/core';
import { ICICI_MAX_RECORDS_PER_PAGE, ICICI_SOURCE } from '../constants';
import { sealRequest, type RequestIvMode } from '../crypto/hybrid-envelope';
import type { RsaPrivateKey } from '../crypto/rsa';
import { readStatementResponse, type StatementPage } from './read-statement-response';
import { statementRequestBody, type StatementIdentity, type StatementPageRequest } from './statement-request';

/** What {@link createStatementClient} needs. */
export interface StatementClientOptions {
  http: HttpClient;
  path: string;
  identity: StatementIdentity;
  bankPublicKey: KeyObject;
  clientPrivateKey: RsaPrivateKey;
  ivMode: RequestIvMode;
  logger: Logger;
}

/** Fetches one decrypted statement page at a time. */
export interface StatementClient {
  fetchPage(request: StatementPageRequest, signal?: AbortSignal): Promise<StatementPage>;
}

/**
 * The `AccountStatements` call: encrypt the request (fresh session key per call), POST it through
 * the HTTP kit (rate limit, retries, timeouts, abort), and decrypt the answer inside the kit's
 * `classifyResponse` hook, so a failure served as HTTP 200 becomes the same typed error as any
 * other. The POST is a read, so it is marked `idempotent` and retried like a GET.
 */
export function createStatementClient(options: StatementClientOptions): StatementClient {
  const { http, identity, logger } = options;
  return {
    async fetchPage(request, signal) {
      const body = statementRequestBody(identity, request);
      const envelope = sealRequest(JSON.stringify(body), options.bankPublicKey, { ivMode: options.ivMode });
      let page: StatementPage | undefined;
      await http.post(options.path, envelope, {
        idempotent: true,
        ...(signal && { signal }),
        classifyResponse: (response) => {
          const outcome = readStatementResponse(response.data, options.clientPrivateKey, identity.accountNumber);
          if (!outcome.ok) return outcome.verdict;
          page = outcome.page;
          return undefined;
        },
      });
      if (!page) {
        throw new ReconError(`[recon:${ICICI_SOURCE}] The statement response was accepted without being read`, { code: 'INTERNAL', kind: 'internal', connector: ICICI_SOURCE });
      }
      if (page.records.length > ICICI_MAX_RECORDS_PER_PAGE) {
        // Not an error (nothing is dropped), but not what the API is known to do.
        logger.warn({ records: page.records.length, limit: ICICI_MAX_RECORDS_PER_PAGE }, 'icici statement page larger than documented');
      }
      logger.debug({ from: body.FROMDATE, to: body.TODATE, conflg: body.CONFLG, records: page.records.length, more: page.lastTrId !== undefined }, 'icici statement page');
      return page;
    },
  };
}
