import type { OutgoingMessage, TopicMessages } from '../port/types';

/** Default upper bound of one produce request's payload: under the broker's 1 MB `message.max.bytes`. */
export const DEFAULT_MAX_REQUEST_BYTES = 900_000;

function size(message: OutgoingMessage): number {
  let bytes = 64; // record overhead
  if (message.key) bytes += Buffer.byteLength(message.key);
  if (message.value) bytes += typeof message.value === 'string' ? Buffer.byteLength(message.value) : message.value.length;
  for (const [k, v] of Object.entries(message.headers ?? {})) bytes += k.length + Buffer.byteLength(v) + 8;
  return bytes;
}

/**
 * Splits topic messages into produce requests of at most `maxBytes` (uncompressed). kafkajs puts
 * all of one partition's messages of a request in one record batch, which the broker refuses above
 * `message.max.bytes`; bounding the whole request bounds every batch in it. A single larger message
 * still goes alone (the broker decides).
 */
export function chunkBySize(batch: TopicMessages[], maxBytes = DEFAULT_MAX_REQUEST_BYTES): TopicMessages[][] {
  const requests: TopicMessages[][] = [];
  let current = new Map<string, OutgoingMessage[]>();
  let bytes = 0;
  const close = () => {
    if (current.size > 0) requests.push([...current].map(([topic, messages]) => ({ topic, messages })));
    current = new Map();
    bytes = 0;
  };
  for (const { topic, messages } of batch) {
    for (const message of messages) {
      const n = size(message);
      if (bytes > 0 && bytes + n > maxBytes) close();
      let list = current.get(topic);
      if (!list) current.set(topic, (list = []));
      list.push(message);
      bytes += n;
    }
  }
  close();
  return requests;
}

/**
 * The produce requests of a write: the whole batch when the client splits requests itself and no
 * limit was asked for, else {@link chunkBySize}.
 */
export function requestsOf(batch: TopicMessages[], maxBytes: number | undefined, clientSplits: boolean): TopicMessages[][] {
  if (clientSplits && maxBytes === undefined) return batch.some((t) => t.messages.length > 0) ? [batch] : [];
  return chunkBySize(batch, maxBytes);
}
