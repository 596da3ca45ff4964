import { describe, expect, it } from 'vitest';
import { captureOutput, createCollectingLogger } from './capture-output';

describe('captureOutput', () => {
  it('captures stdout, stderr and console.* and keeps them off the terminal', async () => {
    const { result, output } = await captureOutput(async () => {
      process.stdout.write('to stdout\n');
      process.stderr.write(Buffer.from('to stderr\n'));
      console.log('log', { nested: { deep: 'value' } });
      console.error(new Error('printed error'));
      return 42;
    });
    expect(result).toBe(42);
    const all = output.join('');
    for (const text of ['to stdout', 'to stderr', 'log', "deep: 'value'", 'printed error']) expect(all).toContain(text);
  });

  it('restores the originals, also when the function throws', async () => {
    const originals = [process.stdout.write, process.stderr.write, console.log, console.error];
    await expect(captureOutput(async () => Promise.reject(new Error('fail')))).rejects.toThrow('fail');
    expect([process.stdout.write, process.stderr.write, console.log, console.error]).toEqual(originals);
  });
});

describe('createCollectingLogger', () => {
  it('records every call with the bindings of child loggers', () => {
    const logger = createCollectingLogger();
    logger.info({ a: 1 }, 'hello');
    logger.child?.({ connector: 'x' }).warn({ b: 2 });
    expect(logger.entries).toEqual([
      { level: 'info', bindings: {}, obj: { a: 1 }, msg: 'hello' },
      { level: 'warn', bindings: { connector: 'x' }, obj: { b: 2 } },
    ]);
  });
});
