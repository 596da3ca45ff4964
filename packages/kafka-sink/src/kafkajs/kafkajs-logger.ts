import type { Logger } from '@recon/core';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * Routes kafkajs's own log lines to a `@recon` {@link Logger}. kafkajs logs every error *response*
 * at ERROR, including the ones it retries by itself (CONCURRENT_TRANSACTIONS right after a commit,
 * a coordinator still loading): those go to debug. Its other errors go to warn, since anything that
 * really fails reaches this package's code as a thrown error and is reported there. kafkajs's info
 * level (every connect and rebalance) is dropped. Nothing is printed without a logger.
 */
export function kafkaJsLogCreator(logger: Logger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...rest } = log;
      const fields = { kafkajs: rest.namespace ?? true, ...('error' in rest && { error: String(rest.error) }) };
      const text = `kafkajs: ${message}`;
      if (level === logLevel.ERROR || level === logLevel.WARN) {
        if (/^(Response |Failed to send messages)/.test(message)) logger.debug(fields, text);
        else logger.warn(fields, text);
      }
    };
}
