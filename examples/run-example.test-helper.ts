/**
 * For the examples' tests: run an example script in a child process, as a user would with tsx,
 * without blocking the test worker. (`spawnSync` would hold the worker's event loop for the whole
 * run; vitest fails the entire test run when a worker cannot answer its runner for 60 s, which a
 * Kafka example on a slow machine can take.)
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');

/** What an example printed and how it ended (the shape of `spawnSync`'s result). */
export interface ExampleRun {
  /** Exit code; null when the process was killed (see `signal`). */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runExample}. */
export interface RunExampleOptions {
  /** Working folder (default: the repository root). */
  cwd?: string;
  /** The child's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Killed with SIGTERM after this long (status null, signal SIGTERM). */
  timeoutMs: number;
}

/**
 * Runs `tsx --conditions=@recon/source <script> ...args`; `script` is resolved against the
 * repository root. Resolves when the process has exited and its output is closed.
 */
export function runExample(argv: readonly [script: string, ...args: string[]], options: RunExampleOptions): Promise<ExampleRun> {
  const [script, ...args] = argv;
  return new Promise((done, fail) => {
    const child = spawn(tsx, ['--conditions=@recon/source', resolve(root, script), ...args], {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr });
    });
  });
}
