import { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { resolveKafkaPort } from './kafka-input';
import { createRdKafkaPort } from './librdkafka/create-rdkafka-port';

// Choosing the adapter connects nothing: these need no broker (and the librdkafka one not even the
// native module, which loads on the first connect).
describe('resolveKafkaPort', () => {
  it('uses kafkajs for a kafkajs config or instance, librdkafka when asked, and a port as is', () => {
    expect(resolveKafkaPort({ brokers: ['127.0.0.1:9'] }).name).toBe('kafkajs');
    expect(resolveKafkaPort(new Kafka({ brokers: ['127.0.0.1:9'] })).name).toBe('kafkajs');
    const rdkafka = resolveKafkaPort({ client: 'librdkafka', brokers: ['127.0.0.1:9'] });
    expect(rdkafka.name).toBe('librdkafka');
    expect(rdkafka.splitsRequests).toBe(true);
    const port = createRdKafkaPort({ brokers: ['127.0.0.1:9'] });
    expect(resolveKafkaPort(port)).toBe(port);
  });
});
