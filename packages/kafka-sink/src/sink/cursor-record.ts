import { ReconError, type Cursor } from '@recon/core';
import { KAFKA_ERROR_CODES } from '../errors';
import { JSON_CONTENT_TYPE, HEADERS } from '../message/headers';
import type { IncomingMessage, OutgoingMessage } from '../port/types';

/** What the cursor topic stores per stream (the value of its latest record). */
export interface StoredCursor {
  /** Record format version. */
  v: 1;
  cursor: Cursor;
  /** Id of the write that committed it: tells "my commit landed" from "someone else wrote". */
  batch: string;
  records: number;
  invalid: number;
  committed_at: string;
}

/** Key of a stream's cursor: `["<sinkId>","<stream>"]`, the shape Kafka Connect uses for source offsets. */
export function cursorKey(sinkId: string, stream: string): string {
  return JSON.stringify([sinkId, stream]);
}

/** The cursor message written in the same transaction as the records it covers. */
export function encodeCursor(sinkId: string, stream: string, stored: StoredCursor): OutgoingMessage {
  return { key: cursorKey(sinkId, stream), value: JSON.stringify(stored), headers: { [HEADERS.contentType]: JSON_CONTENT_TYPE, [HEADERS.stream]: stream } };
}

/** Parses a cursor record; `undefined` for a tombstone (a deleted cursor). */
export function decodeCursor(message: IncomingMessage): StoredCursor | undefined {
  if (message.value === null) return undefined;
  const text = message.value.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const v = value as Partial<StoredCursor> | undefined;
  if (typeof v !== 'object' || v === null || v.v !== 1 || !('cursor' in v) || typeof v.batch !== 'string') {
    throw new ReconError(`[recon:kafka] cursor record at ${message.topic}/${message.partition}@${message.offset} is not a recon cursor`, {
      code: KAFKA_ERROR_CODES.cursorInvalid,
      kind: 'invalid_data',
      details: { topic: message.topic, partition: message.partition, offset: message.offset },
    });
  }
  return v as StoredCursor;
}
