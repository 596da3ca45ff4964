/** Where a value sits in a bank payload: a dotted path (`Transactions.Transaction`) or its segments (for keys that contain dots). */
export type FieldPath = string | readonly string[];

/** The value at `path`, or `undefined` when any step is missing or not an object. Never throws. */
export function readField(source: unknown, path: FieldPath): unknown {
  const segments = typeof path === 'string' ? path.split('.') : path;
  let current: unknown = source;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A field's value as trimmed text: strings as given, finite numbers through `String()`, anything else `undefined`. */
export function readText(source: unknown, path: FieldPath | undefined): string | undefined {
  if (path === undefined) return undefined;
  const value = readField(source, path);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Human form of a path for messages. */
export function pathLabel(path: FieldPath): string {
  return typeof path === 'string' ? path : path.join('.');
}
