import { ReconError } from '@recon/core';
import { describe, expect, it } from 'vitest';
import { isFencedError, toKafkaError } from './errors';

describe('Kafka errors', () => {
  it('recognises a fenced producer through kafkajs retry wrappers', () => {
    const protocol = Object.assign(new Error('Producer attempted an operation with an old epoch'), { type: 'INVALID_PRODUCER_EPOCH', retriable: false });
    const wrapped = Object.assign(new Error('retries exceeded'), { name: 'KafkaJSNumberOfRetriesExceeded', originalError: protocol });
    expect(isFencedError(wrapped)).toBe(true);
    const error = toKafkaError(wrapped, 'committing');
    expect(error).toBeInstanceOf(ReconError);
    expect(error).toMatchObject({ code: 'KAFKA_PRODUCER_FENCED', retryable: false });
    expect(isFencedError(error)).toBe(true);
  });

  it('keeps the retryable flag and marks connection trouble as network', () => {
    const refused = Object.assign(new Error('Connection error: ECONNREFUSED'), { name: 'KafkaJSConnectionError', retriable: true });
    expect(toKafkaError(refused, 'sending')).toMatchObject({ code: 'KAFKA_ERROR', kind: 'network', retryable: true });
    const tooLarge = Object.assign(new Error('too large'), { name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE', retriable: false });
    expect(toKafkaError(tooLarge, 'sending')).toMatchObject({ kind: 'upstream', retryable: false, message: '[recon:kafka] sending: too large' });
    expect(isFencedError(tooLarge)).toBe(false);
  });
});
