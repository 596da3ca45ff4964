import type { Connector, ConnectorOptions, Cursor, ReadOptions } from '../../connector';
import type { FaultPlan } from '../sandbox/faults';
import type { SandboxServer } from '../sandbox/types';

/** What a connector's conformance setup hands the suite: a connector wired to its running sandbox. */
export interface ConformanceFixture<C extends Cursor = Cursor> {
  /** A connector with valid credentials, pointed at `sandbox`. */
  connector: Connector<C>;
  sandbox: SandboxServer;
  /** The `txn_id`s a full read must produce, each exactly once (invalid rows excluded). */
  expected: { ids: string[] };
  /** Extra read options for every read (e.g. `from`/`to`). `cursor` and `signal` are set by the suite. */
  readOptions?: Omit<ReadOptions<C>, 'cursor' | 'signal'>;
  /**
   * Every secret value involved (valid and bad credentials, `user:pass` pairs for Basic auth):
   * none may appear, raw, URL-encoded or base64, in anything printed, logged or thrown.
   */
  secrets: string[];
  /** Number of deliberately invalid rows in the dataset; each must surface as an `invalid` message. Default 0. */
  invalidCount?: number;
  /** The same connector with wrong credentials (also listed in `secrets`). */
  makeWithBadCredentials(options?: ConnectorOptions): Connector<C>;
  /** A fresh connector with valid credentials and the given options (the suite passes a collecting logger). */
  makeConnector?(options?: ConnectorOptions): Connector<C>;
  /** Release everything; default closes `connector` and `sandbox`. */
  teardown?(): Promise<void>;
}

/** Names of the suite's checks, for `skip`. */
export type ConformanceCheckId =
  | 'check-ok'
  | 'check-bad-credentials'
  | 'full-read'
  | 'invalid-records'
  | 'resume'
  | 'faults'
  | 'abort'
  | 'errors'
  | 'no-secret-leak';

/** Settings that shape which checks run and how. */
export interface ConformanceSettings {
  /**
   * Fault scenarios by name. A known name (see `DEFAULT_FAULT_SCENARIOS`) replaces that scenario's
   * plan, `false` skips it, a new name adds a scenario. Use `match.path` when the first request is
   * not a data page (an OAuth token call, say).
   */
  faults?: Record<string, FaultPlan | false>;
  /** Checks to leave out, for connectors that genuinely cannot support one. Say why in the test. */
  skip?: ConformanceCheckId[];
  /** How long a read may keep going after its signal was aborted before the check fails (default 15 s). */
  abortDeadlineMs?: number;
}

/** Options of `describeConnectorConformance`. */
export interface ConformanceOptions<C extends Cursor = Cursor> extends ConformanceSettings {
  /** Shown in the describe block. */
  name: string;
  /** Starts the sandbox and builds the connector; runs once before all checks. */
  setup(): Promise<ConformanceFixture<C>>;
  /** Per-check timeout (default 60 s): generous, retries with Retry-After: 1 take real seconds. */
  timeoutMs?: number;
}

/** One runnable check: `describeConnectorConformance` wraps each in an `it`; tests may call `run` directly. */
export interface ConformanceCheck {
  id: ConformanceCheckId;
  title: string;
  run<C extends Cursor>(fixture: ConformanceFixture<C>): Promise<void>;
}
