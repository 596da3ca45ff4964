import type { InvalidMessage, RecordMessage, StandardTransaction } from '@recon/core';
import type { MapResult } from '../mapping/result';

/**
 * A mapping result as a connector message. The record is handed on unvalidated on purpose:
 * `defineConnector` validates every record against the standard schema on the way out (and turns
 * a failure into an `invalid` message), so validating here too would only halve throughput. The
 * mappers always set `references`, the one field whose input and output types differ.
 */
export function toMessage(result: MapResult): RecordMessage | InvalidMessage {
  if (result.ok) return { type: 'record', txn: result.txn as StandardTransaction };
  return { type: 'invalid', raw: result.error.raw, error: result.error };
}
