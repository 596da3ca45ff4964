import type { IncomingMessage, OutgoingMessage } from '../port/types';

/** Headers as the binding takes and returns them: a list of one-entry objects (order kept, names may repeat). */
export type RdKafkaHeaders = Array<Record<string, string | Buffer>>;

/** A consumed message as the binding hands it over. */
export interface RdKafkaMessageLike {
  topic: string;
  partition: number;
  offset: number;
  key?: Buffer | string | null;
  value: Buffer | null;
  timestamp?: number;
  headers?: RdKafkaHeaders;
}

/** The port's header record as the binding's list (undefined when there are none). */
export function toRdKafkaHeaders(headers: OutgoingMessage['headers']): RdKafkaHeaders | undefined {
  if (!headers) return undefined;
  const list: RdKafkaHeaders = [];
  for (const name in headers) list.push({ [name]: headers[name] as string });
  return list.length > 0 ? list : undefined;
}

/** Distinct header names a {@link headerConverter} remembers before it starts over (bounds its memory). */
const MAX_REMEMBERED_HEADERS = 64;

/**
 * {@link toRdKafkaHeaders} for a stream of messages whose header values mostly repeat (source,
 * schema version, content type and stream are the same for a whole write): the one-entry object of
 * a header whose value did not change since the previous message is reused instead of built again.
 * The binding copies header names and values during `produce`, so sharing the objects is safe.
 */
export function headerConverter(): (headers: OutgoingMessage['headers']) => RdKafkaHeaders | undefined {
  const last = new Map<string, { value: string; entry: Record<string, string> }>();
  return (headers) => {
    if (!headers) return undefined;
    const list: RdKafkaHeaders = [];
    for (const name in headers) {
      const value = headers[name] as string;
      let seen = last.get(name);
      if (seen === undefined || seen.value !== value) {
        if (seen === undefined && last.size >= MAX_REMEMBERED_HEADERS) last.clear();
        seen = { value, entry: { [name]: value } };
        last.set(name, seen);
      }
      list.push(seen.entry);
    }
    return list.length > 0 ? list : undefined;
  };
}

/** The binding takes a value as a Buffer (or null for a tombstone), never a string. */
export function toRdKafkaValue(value: OutgoingMessage['value']): Buffer | null {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** A consumed message as the port's {@link IncomingMessage}: header values as UTF-8, the last of a repeated name wins. */
export function fromRdKafkaMessage(message: RdKafkaMessageLike): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const header of message.headers ?? []) {
    for (const name in header) {
      const value = header[name];
      if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
    }
  }
  const key = message.key === undefined || message.key === null ? null : Buffer.isBuffer(message.key) ? message.key : Buffer.from(message.key, 'utf8');
  return {
    topic: message.topic,
    partition: message.partition,
    offset: String(message.offset),
    key,
    value: message.value ?? null,
    headers,
    timestamp: String(message.timestamp ?? -1),
  };
}
