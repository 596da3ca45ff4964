import { describe, expect, it, vi } from 'vitest';

// The binding absent, as in an app that never installed the optional peer dependency.
vi.mock('@confluentinc/kafka-javascript', () => {
  throw new Error("Cannot find package '@confluentinc/kafka-javascript'");
});

describe('loadRdKafka without the binding', () => {
  it('fails with a ConfigError that says what to install, and a port fails only when it connects', async () => {
    const { loadRdKafka } = await import('./load-rdkafka');
    const { createRdKafkaPort } = await import('./create-rdkafka-port');
    await expect(loadRdKafka()).rejects.toMatchObject({ name: 'ConfigError', code: 'KAFKA_CLIENT_MISSING', kind: 'config', retryable: false });
    await expect(loadRdKafka()).rejects.toThrow(/@confluentinc\/kafka-javascript \(an optional peer dependency\): install it, or use the default kafkajs client/);
    const port = createRdKafkaPort({ brokers: ['127.0.0.1:9'] }); // no error yet
    await expect(port.producer().connect()).rejects.toMatchObject({ code: 'KAFKA_CLIENT_MISSING' });
  });
});
