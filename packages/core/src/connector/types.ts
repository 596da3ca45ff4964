import type { z } from 'zod';
import type { InvalidDataError, ReconError, Redactor } from '../errors';
import type { Logger } from '../logging/logger';
import type { JsonValue, StandardTransaction } from '../schema/transaction';

/** A connector's resume position: small, opaque, JSON. Each connector defines its own shape. */
export type Cursor = JsonValue;

/** A transaction that passed validation. */
export interface RecordMessage {
  type: 'record';
  txn: StandardTransaction;
}

/** A record from outside that could not become a transaction: kept with its raw payload and why. */
export interface InvalidMessage {
  type: 'invalid';
  raw: unknown;
  error: InvalidDataError;
}

/**
 * A checkpoint: every record yielded before this message is covered by `cursor`. A runner that
 * persists this cursor (after the sink acknowledged those records) can resume with no gap.
 */
export interface StateMessage<C extends Cursor = Cursor> {
  type: 'state';
  cursor: C;
}

/** What `read()` yields: one discriminated union (the Airbyte/Singer message idea). */
export type ConnectorMessage<C extends Cursor = Cursor> = RecordMessage | InvalidMessage | StateMessage<C>;

/** Options for one read. */
export interface ReadOptions<C extends Cursor = Cursor> {
  /** Inclusive lower bound (ISO date or date-time). Ignored when `cursor` is given, unless the connector says otherwise. */
  from?: string;
  /** Exclusive upper bound, fixed before the read starts (a signpost), so records arriving mid-read are not skipped. */
  to?: string;
  /** Resume after this checkpoint. */
  cursor?: C;
  signal?: AbortSignal;
}

/** Result of `check()`: it reports, it never throws. */
export type CheckResult =
  | { ok: true; message: string; details?: Record<string, unknown> }
  | { ok: false; message: string; error: ReconError };

/** Context handed to a connector's `create()`. */
export interface ConnectorContext {
  logger: Logger;
  /** Scrubs this connector's configured secrets from any string or value. */
  redact: Redactor;
}

/** What a connector definition builds from a validated config. */
export interface ConnectorImplementation<C extends Cursor> {
  check(options: { signal?: AbortSignal }): Promise<CheckResult>;
  read(options: ReadOptions<C>): AsyncIterable<ConnectorMessage<C>>;
  /** Release sockets, timers, servers. */
  close?(): Promise<void>;
}

/** The plain object a connector author writes. */
export interface ConnectorDefinition<S extends z.ZodObject, C extends Cursor> {
  /** Lower-case id, also the default `source` of its transactions (`razorpay`, `hdfc`). */
  id: string;
  version: string;
  /** Human description for docs and `spec()`. */
  description?: string;
  /** Config schema. Unknown keys are rejected whatever the schema says. */
  config: S;
  /** The secret values inside a config (API keys, client secrets, passphrases), for redaction. */
  secrets(config: z.output<S>): Array<string | undefined>;
  create(config: z.output<S>, context: ConnectorContext): ConnectorImplementation<C>;
}

/** Options a user passes when creating a connector instance. */
export interface ConnectorOptions {
  logger?: Logger;
}

/** A ready connector instance. */
export interface Connector<C extends Cursor = Cursor> {
  readonly id: string;
  readonly version: string;
  /** Credentials and reachability. Resolves to a status; never rejects. */
  check(options?: { signal?: AbortSignal }): Promise<CheckResult>;
  /**
   * Yields records, invalid records and checkpoints. Every record is validated against the
   * standard schema on the way out; one that fails becomes an `invalid` message, never an exception.
   */
  read(options?: ReadOptions<C>): AsyncIterable<ConnectorMessage<C>>;
  close(): Promise<void>;
  /** The secret scrubber for this instance's config. */
  readonly redact: Redactor;
}

/** `defineConnector()`'s result: call it with a config to get a {@link Connector}. */
export interface ConnectorFactory<S extends z.ZodObject, C extends Cursor> {
  (config: z.input<S>, options?: ConnectorOptions): Connector<C>;
  readonly id: string;
  readonly version: string;
  readonly description?: string;
  readonly configSchema: S;
  /** JSON Schema of the config (Airbyte's `spec`), for docs and UIs. */
  spec(): Record<string, unknown>;
}
