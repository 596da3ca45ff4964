/**
 * Just enough of the Chrome DevTools Protocol to test a page in Debian's headless `chromium`:
 * launched with `--remote-debugging-pipe`, so commands and events travel as NUL-terminated JSON
 * on file descriptors 3 (to the browser) and 4 (from it). No WebSocket client needed (Node 20 has
 * none without a flag), no browser download, no dependency.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The chromium binary: `RECON_CHROMIUM_PATH`, else `chromium` or `chromium-browser` on PATH. */
export function findChromium(): string | undefined {
  const explicit = process.env['RECON_CHROMIUM_PATH'];
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Flags for a quiet, throwaway headless browser (root in CI needs `--no-sandbox`). */
function flags(profile: string): string[] {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--disable-extensions', `--user-data-dir=${profile}`];
}

/** The DOM after the page's scripts ran, as `chromium --headless --dump-dom` prints it. */
export function dumpDom(chromium: string, url: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'recon-chromium-'));
  try {
    const run = spawnSync(chromium, [...flags(profile), '--dump-dom', url], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`chromium --dump-dom exited with ${run.status}: ${run.stderr.slice(-500)}`);
    return run.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A CDP event as it arrives. */
export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

/** A launched browser. */
export interface CdpBrowser {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Every event received so far, oldest first. */
  readonly events: readonly CdpEvent[];
  /** Resolves with the first event (past or future) matching `predicate`. */
  waitFor(predicate: (event: CdpEvent) => boolean, timeoutMs?: number): Promise<CdpEvent>;
  close(): Promise<void>;
}

/** Launch headless chromium with the DevTools protocol on a pipe. */
export function launchChromium(chromium: string): CdpBrowser {
  const profile = mkdtempSync(join(tmpdir(), 'recon-chromium-'));
  const child: ChildProcess = spawn(chromium, [...flags(profile), '--remote-debugging-pipe', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  child.stderr?.resume(); // dbus noise on a server without a session bus: read and dropped
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const events: CdpEvent[] = [];
  const waiters: { predicate: (e: CdpEvent) => boolean; resolve: (e: CdpEvent) => void }[] = [];
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  let exited: Error | undefined;

  fromBrowser.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let end = buffer.indexOf(0); end !== -1; end = buffer.indexOf(0)) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as { id?: number; result?: Record<string, unknown>; error?: { message: string } } & CdpEvent;
      buffer = buffer.subarray(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(`CDP: ${message.error.message}`));
        else call?.resolve(message.result ?? {});
        continue;
      }
      events.push(message);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const waiter = waiters[i]!;
        if (waiter.predicate(message)) {
          waiters.splice(i, 1);
          waiter.resolve(message);
        }
      }
    }
  });
  child.on('exit', (code) => {
    exited = new Error(`chromium exited (${code})`);
    for (const call of pending.values()) call.reject(exited);
    pending.clear();
  });

  return {
    events,
    send(method, params = {}, sessionId) {
      if (exited) return Promise.reject(exited);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: Record<string, unknown>) => void, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
      });
    },
    waitFor(predicate, timeoutMs = 30_000) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('CDP: timed out waiting for an event')), timeoutMs);
        waiters.push({ predicate, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    async close() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        toBrowser.write(`${JSON.stringify({ id: nextId++, method: 'Browser.close', params: {} })}\0`);
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
