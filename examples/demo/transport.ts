import { createMemorySink, type MemorySink, type Sink, type StandardTransaction } from '@recon/core';

/**
 * How synced records reach the reconciler: straight from in-memory sinks, or through Kafka topics
 * and a consumer (`--kafka`). The demo's flow is the same either way.
 */
export interface DemoTransport {
  /** What the runner writes `source`'s records into. */
  sinkFor(source: string): Sink;
  /** Every record written, as the reconciler receives it; `expected` is how many were acknowledged. */
  collect(expected: number, progress: (line: string) => void): Promise<StandardTransaction[]>;
  close(): Promise<void>;
  /** One line saying where records went. */
  readonly description: string;
}

/** The in-process transport: one memory sink per source. */
export function memoryTransport(): DemoTransport {
  const sinks = new Map<string, MemorySink>();
  return {
    description: 'in memory (no broker)',
    sinkFor(source) {
      const sink = createMemorySink({ name: `memory:${source}` });
      sinks.set(source, sink);
      return sink;
    },
    async collect() {
      return [...sinks.values()].flatMap((s) => s.records());
    },
    async close() {
      await Promise.all([...sinks.values()].map((s) => s.close()));
    },
  };
}
