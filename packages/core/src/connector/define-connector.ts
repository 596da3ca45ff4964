import { z } from 'zod';
import { ConfigError, createRedactor, isReconError, ReconError, type Redactor } from '../errors';
import { silentLogger, childLogger } from '../logging/logger';
import { formatIssues, issuesFromZod, safeParseTransaction } from '../schema/parse';
import type { CheckResult, Connector, ConnectorDefinition, ConnectorOptions, ConnectorFactory, ConnectorMessage, Cursor, ReadOptions } from './types';

/**
 * Turn a plain connector definition into a factory. The factory validates config eagerly
 * (every issue reported, unknown keys rejected), and the instances it makes uphold the contract
 * for the author: `check()` never throws, every yielded record is schema-validated (a bad one
 * becomes an `invalid` message), and anything thrown is a {@link ReconError} scrubbed of secrets.
 */
export function defineConnector<S extends z.ZodObject, C extends Cursor>(definition: ConnectorDefinition<S, C>): ConnectorFactory<S, C> {
  const strictSchema = definition.config.strict() as unknown as S;

  const factory = (input: z.input<S>, options: ConnectorOptions = {}): Connector<C> => {
    const parsed = strictSchema.safeParse(input);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      throw new ConfigError(`[recon:${definition.id}] Invalid config: ${formatIssues(issues)}`, {
        code: 'CONFIG_INVALID',
        connector: definition.id,
        details: { issues },
      });
    }
    const config = parsed.data as z.output<S>;
    const redact = createRedactor(definition.secrets(config));
    const logger = childLogger(options.logger ?? silentLogger, { connector: definition.id });
    const impl = definition.create(config, { logger, redact });

    return {
      id: definition.id,
      version: definition.version,
      redact,
      async check(checkOptions = {}): Promise<CheckResult> {
        try {
          const result = await impl.check(checkOptions);
          return result.ok ? result : { ...result, message: redact(result.message), error: toReconError(result.error, definition.id, redact) };
        } catch (error) {
          const reconError = toReconError(error, definition.id, redact);
          return { ok: false, message: reconError.message, error: reconError };
        }
      },
      read(readOptions: ReadOptions<C> = {}): AsyncIterable<ConnectorMessage<C>> {
        return validateMessages(impl.read(readOptions), definition.id, redact);
      },
      async close() {
        await impl.close?.();
      },
    };
  };

  return Object.assign(factory, {
    id: definition.id,
    version: definition.version,
    description: definition.description,
    configSchema: definition.config,
    spec: () => z.toJSONSchema(strictSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  }) as ConnectorFactory<S, C>;
}

async function* validateMessages<C extends Cursor>(source: AsyncIterable<ConnectorMessage<C>>, connector: string, redact: Redactor): AsyncGenerator<ConnectorMessage<C>> {
  try {
    for await (const message of source) {
      if (message.type !== 'record') {
        yield message;
        continue;
      }
      const result = safeParseTransaction(message.txn);
      yield result.success ? { type: 'record', txn: result.data } : { type: 'invalid', raw: message.txn, error: result.error };
    }
  } catch (error) {
    throw toReconError(error, connector, redact);
  }
}

/**
 * Normalise anything thrown into a ReconError whose message and request carry no secret.
 * Non-Recon errors become `internal` (a bug, not worth retrying), keeping the original as `cause`
 * only after scrubbing its message.
 */
export function toReconError(error: unknown, connector: string, redact: Redactor): ReconError {
  if (isReconError(error)) {
    scrubInPlace(error, redact);
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? scrubInPlace(error, redact) : undefined;
  return new ReconError(`[recon:${connector}] ${redact(message)}`, { code: 'INTERNAL', kind: 'internal', retryable: false, connector, cause });
}

function scrubInPlace<E extends Error>(error: E, redact: Redactor): E {
  try {
    error.message = redact(error.message);
    if (error.stack) error.stack = redact(error.stack);
  } catch {
    // frozen error objects: leave as they are
  }
  return error;
}
