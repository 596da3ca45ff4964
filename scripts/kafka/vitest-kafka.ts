/**
 * What vitest's kafka global setup hands the integration tests (`inject('kafka')`): the broker to
 * use, or why there is none (outside CI only; in CI a missing broker fails the run).
 */
export type KafkaTestContext =
  | {
      available: true;
      /** Bootstrap addresses for kafkajs `brokers`. */
      brokers: string[];
      /** Kafka version of the project's broker; undefined for an external one (RECON_KAFKA_BROKERS). */
      version?: string;
      /** Jar folder of the project's broker, so a test can start a private broker (restart tests). */
      libs?: string;
    }
  | { available: false; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    kafka: KafkaTestContext;
  }
}
