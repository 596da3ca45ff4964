import { inspect } from 'node:util';
import type { Logger } from '../../logging/logger';

/** One call made to a {@link CollectingLogger}. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  bindings: object;
  obj: object;
  msg?: string;
}

/** A logger that keeps every call, child loggers included, for assertions. */
export interface CollectingLogger extends Logger {
  readonly entries: LogEntry[];
}

/** A {@link Logger} that records instead of printing. */
export function createCollectingLogger(): CollectingLogger {
  const entries: LogEntry[] = [];
  const make = (bindings: object): Logger => {
    const at = (level: LogEntry['level']) => (obj: object, msg?: string) => {
      entries.push({ level, bindings, obj, ...(msg !== undefined && { msg }) });
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (b) => make({ ...bindings, ...b }) };
  };
  return Object.assign(make({}), { entries });
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const;

/**
 * Run `fn` while everything written to stdout, stderr and `console.*` is captured (and kept off
 * the terminal: if it holds a secret, printing it would be the leak). Restores the originals even
 * when `fn` throws.
 */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string[] }> {
  const output: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const consoleOriginals = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  const capture = (chunk: unknown, ...rest: unknown[]): boolean => {
    output.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  for (const name of CONSOLE_METHODS) {
    console[name] = (...args: unknown[]) => {
      output.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '));
    };
  }
  try {
    const result = await fn();
    return { result, output };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    for (const [name, original] of consoleOriginals) console[name] = original as never;
  }
}
