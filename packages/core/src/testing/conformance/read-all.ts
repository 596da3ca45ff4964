import type { Connector, ConnectorMessage, Cursor, InvalidMessage, ReadOptions } from '../../connector';

/** A checkpoint and how much had been yielded before it. */
export interface Checkpoint<C extends Cursor = Cursor> {
  cursor: C;
  /** Number of record ids yielded before this state message. */
  recordsBefore: number;
  /** Number of invalid messages yielded before this state message. */
  invalidBefore: number;
}

/** Everything one read yielded, in order. */
export interface ReadTranscript<C extends Cursor = Cursor> {
  messages: ConnectorMessage<C>[];
  /** `txn_id` of every record, in order. */
  ids: string[];
  invalid: InvalidMessage[];
  checkpoints: Checkpoint<C>[];
  /** What the read threw, if it did; the transcript holds what came before. */
  error?: unknown;
  /** True when `error` is set. */
  failed: boolean;
}

/** Drain `connector.read(options)` into a transcript. Never throws: a failure is recorded in `error`. */
export async function readAll<C extends Cursor>(connector: Connector<C>, options: ReadOptions<C> = {}): Promise<ReadTranscript<C>> {
  const transcript: ReadTranscript<C> = { messages: [], ids: [], invalid: [], checkpoints: [], failed: false };
  try {
    for await (const message of connector.read(options)) record(transcript, message);
  } catch (error) {
    transcript.error = error;
    transcript.failed = true;
  }
  return transcript;
}

/** Add one message to a transcript. */
export function record<C extends Cursor>(transcript: ReadTranscript<C>, message: ConnectorMessage<C>): void {
  transcript.messages.push(message);
  if (message.type === 'record') transcript.ids.push(message.txn.txn_id);
  else if (message.type === 'invalid') transcript.invalid.push(message);
  else transcript.checkpoints.push({ cursor: message.cursor, recordsBefore: transcript.ids.length, invalidBefore: transcript.invalid.length });
}

/** A one-line summary of a thrown value, for failure messages (errors here are already redacted by the connector). */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return `${error.name}${typeof kind === 'string' ? ` (kind ${kind})` : ''}: ${error.message}`;
  }
  return `non-Error value ${typeof error}`;
}
