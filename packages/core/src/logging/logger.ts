/**
 * The logger every `@recon` component accepts. Pino-compatible (a pino instance fits as is):
 * an optional object first, then the message. Components are silent unless given one.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child?(bindings: object): Logger;
}

const noop = () => undefined;

/** A logger that drops everything: the default. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop, child: () => silentLogger };

/** Child logger when the given logger supports it, else the same logger. */
export function childLogger(logger: Logger, bindings: object): Logger {
  return logger.child ? logger.child(bindings) : logger;
}

/**
 * A minimal logger that writes one JSON line per event to a stream (stderr by default),
 * for examples and the demo. Production apps pass pino or their own.
 */
export function createConsoleLogger(options: { level?: 'debug' | 'info' | 'warn' | 'error'; bindings?: object; write?: (line: string) => void } = {}): Logger {
  const levels = ['debug', 'info', 'warn', 'error'] as const;
  const min = levels.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const make = (bindings: object): Logger => {
    const at = (level: (typeof levels)[number]) => (obj: object, msg?: string) => {
      if (levels.indexOf(level) < min) return;
      write(JSON.stringify({ level, time: new Date().toISOString(), ...bindings, ...obj, ...(msg !== undefined && { msg }) }));
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (b) => make({ ...bindings, ...b }) };
  };
  return make(options.bindings ?? {});
}
