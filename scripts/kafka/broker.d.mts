/** Types of broker.mjs (a plain Node script, so the CLI runs without a build). */
export declare const DEFAULT_KAFKA_VERSION: string;

/** What describes a running test broker; also written to `<runDir>/state.json`. */
export interface BrokerState {
  /** Folder with config, data, log and state.json. */
  runDir: string;
  /** `127.0.0.1:<port>`, for kafkajs `brokers: [bootstrap]`. */
  bootstrap: string;
  port: number;
  controllerPort: number;
  /** The broker JVM. */
  pid: number;
  version: string;
  /** The jar folder. */
  libs: string;
  heapMb: number;
  /** Jar check + format + start until the first Metadata answer (or, after a restart, the restart alone). */
  startupMs: number;
}

export interface StartBrokerOptions {
  version?: string;
  runDir?: string;
  heapMb?: number;
  /** Let the broker outlive this process (the CLI). */
  detached?: boolean;
  /** Extra or overriding server.properties entries. */
  serverProperties?: Record<string, string>;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

export declare function ensureKafkaJars(options?: { version?: string; log?: (line: string) => void }): Promise<string>;
export declare function probeMetadata(host: string, port: number, timeoutMs?: number): Promise<Array<{ nodeId: number; host: string; port: number }>>;
export declare function startBroker(options?: StartBrokerOptions): Promise<BrokerState>;
export declare function stopBroker(runDir: string, options?: { keepData?: boolean }): Promise<void>;
export declare function restartBroker(runDir: string, options?: { downMs?: number }): Promise<BrokerState>;
export declare function brokerStatus(runDir: string): Promise<{ running: boolean; answering: boolean; state?: BrokerState; error?: string }>;
export declare function readState(runDir: string): BrokerState;
