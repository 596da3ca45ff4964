import { SCHEMA_VERSION, type InvalidDataError, type InvalidRecord, type StandardTransaction } from '@recon/core';
import type { OutgoingMessage } from '../port/types';
import { HEADERS, JSON_CONTENT_TYPE } from './headers';
import type { PartitionKeyFn } from './partition-key';

/** A standard transaction as a Kafka message: JSON value (the wire format as is), key, headers. */
export function encodeTransaction(txn: StandardTransaction, key: PartitionKeyFn, stream?: string): OutgoingMessage {
  return {
    key: key(txn),
    value: JSON.stringify(txn),
    headers: {
      [HEADERS.source]: txn.source,
      [HEADERS.schemaVersion]: String(txn.schema_version ?? SCHEMA_VERSION),
      [HEADERS.contentType]: JSON_CONTENT_TYPE,
      [HEADERS.txnId]: txn.txn_id,
      ...(stream !== undefined && { [HEADERS.stream]: stream }),
    },
  };
}

const MAX_HEADER_CHARS = 4000;
const clip = (text: string) => (text.length > MAX_HEADER_CHARS ? `${text.slice(0, MAX_HEADER_CHARS - 1)}…` : text);

/** The raw payload of a rejected record as message bytes: kept verbatim when it is already text or bytes. */
export function encodeRaw(raw: unknown): string | Buffer | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) return raw;
  try {
    return JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? null;
  } catch {
    return String(raw);
  }
}

/** The reason headers of a dead letter, from an {@link InvalidDataError}. */
export function reasonHeaders(error: Pick<InvalidDataError, 'message' | 'code' | 'issues'>, stage: 'connector' | 'consumer'): Record<string, string> {
  return {
    [HEADERS.dlqReason]: clip(error.message),
    [HEADERS.dlqCode]: error.code,
    [HEADERS.dlqIssues]: clip(JSON.stringify(error.issues.map((i) => ({ path: i.path, message: i.message })))),
    [HEADERS.dlqStage]: stage,
    [HEADERS.dlqAt]: new Date().toISOString(),
  };
}

/** A record the connector could not turn into a transaction, as a dead letter: raw payload + reason. */
export function encodeInvalidRecord(record: InvalidRecord): OutgoingMessage {
  return {
    key: record.stream,
    value: encodeRaw(record.raw),
    headers: { ...reasonHeaders(record.error, 'connector'), [HEADERS.stream]: record.stream, [HEADERS.contentType]: JSON_CONTENT_TYPE },
  };
}
