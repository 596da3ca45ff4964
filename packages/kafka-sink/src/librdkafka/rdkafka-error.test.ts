import { describe, expect, it } from 'vitest';
import { isFencedError, toKafkaError } from '../errors';
import { errorNames, RdKafkaClientError, toRdKafkaError } from './rdkafka-error';

// A slice of the binding's CODES.ERRORS table (the real one has every librdkafka code).
const names = errorNames({ ERR__FENCED: -144, ERR__TRANSPORT: -195, ERR_PRODUCER_FENCED: 90, ERR_INVALID_PRODUCER_EPOCH: 47, ERR_UNKNOWN_TOPIC_OR_PART: 3 });

describe('librdkafka errors', () => {
  it('names the error by its librdkafka code and keeps retriable/fatal flags and the original as cause', () => {
    const raw = { message: 'Local: This instance has been fenced by a newer instance', code: -144, isFatal: true, isRetriable: false };
    const error = toRdKafkaError(raw, names, 'committing');
    expect(error).toBeInstanceOf(RdKafkaClientError);
    expect(error).toMatchObject({ name: 'LibrdKafkaError', type: '_FENCED', code: -144, fatal: true, retriable: false, message: 'committing: Local: This instance has been fenced by a newer instance' });
    expect((error as Error).cause).toBe(raw);
    expect(toRdKafkaError({ code: 1234, message: '' }, names)).toMatchObject({ type: 'CODE_1234', message: 'CODE_1234' });
  });

  it('passes through errors that are not librdkafka codes, and wrapped ones', () => {
    const bug = new TypeError('x is undefined');
    expect(toRdKafkaError(bug, names)).toBe(bug);
    const wrapped = toRdKafkaError({ code: 3, message: 'Broker: Unknown topic or partition' }, names);
    expect(toRdKafkaError(wrapped, names)).toBe(wrapped);
  });

  it('maps fencing (local or from the broker) to KAFKA_PRODUCER_FENCED and transport trouble to a retryable network error', () => {
    for (const code of [-144, 90, 47]) {
      const error = toRdKafkaError({ code, message: 'fenced', isFatal: true }, names);
      expect(isFencedError(error)).toBe(true);
      expect(toKafkaError(error, 'committing').code).toBe('KAFKA_PRODUCER_FENCED');
    }
    const transport = toKafkaError(toRdKafkaError({ code: -195, message: 'Local: Broker transport failure', isRetriable: false }, names), 'sending');
    expect(transport).toMatchObject({ code: 'KAFKA_ERROR', kind: 'network', retryable: true });
    const unknown = toKafkaError(toRdKafkaError({ code: 3, message: 'Broker: Unknown topic or partition', isRetriable: false }, names), 'sending');
    expect(unknown).toMatchObject({ kind: 'upstream', retryable: false });
  });
});
