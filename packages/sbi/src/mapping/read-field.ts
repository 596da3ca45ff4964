/** The value at a dotted path, or `undefined` when a step is missing. Never throws. */
export function readField(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Trimmed non-empty text at `path` (numbers through `String()`), else `undefined`. */
export function readText(source: unknown, path: string | null | undefined): string | undefined {
  if (path === null || path === undefined) return undefined;
  const value = readField(source, path);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
