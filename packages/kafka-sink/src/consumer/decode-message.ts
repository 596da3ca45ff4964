import { InvalidDataError, safeParseTransaction, type StandardTransaction } from '@recon/core';
import { HEADERS } from '../message/headers';
import { reasonHeaders } from '../message/encode';
import type { IncomingMessage, OutgoingMessage } from '../port/types';

/** A consumed message: a valid standard transaction, or why it is not one. */
export type DecodedMessage = { ok: true; txn: StandardTransaction } | { ok: false; error: InvalidDataError };

/** Parses and validates a message value as a standard transaction (nothing is thrown). */
export function decodeMessage(message: IncomingMessage): DecodedMessage {
  const where = `${message.topic}/${message.partition}@${message.offset}`;
  if (message.value === null || message.value.length === 0) {
    return { ok: false, error: new InvalidDataError(`[recon:kafka] message ${where} has no value`, { code: 'EMPTY_VALUE', raw: null }) };
  }
  const text = message.value.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new InvalidDataError(`[recon:kafka] message ${where} is not JSON: ${why}`, { code: 'NOT_JSON', raw: text }) };
  }
  const result = safeParseTransaction(json);
  if (result.success) return { ok: true, txn: result.data };
  return { ok: false, error: new InvalidDataError(`[recon:kafka] message ${where}: ${result.error.message}`, { code: result.error.code, issues: result.error.issues, raw: json }) };
}

/**
 * The dead letter of a rejected message: the original bytes, key and headers unchanged, plus the
 * reason and where the message was.
 */
export function deadLetterOf(message: IncomingMessage, error: InvalidDataError): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      ...reasonHeaders(error, 'consumer'),
      [HEADERS.dlqTopic]: message.topic,
      [HEADERS.dlqPartition]: String(message.partition),
      [HEADERS.dlqOffset]: message.offset,
    },
  };
}
