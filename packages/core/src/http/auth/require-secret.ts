import { ConfigError } from '../../errors';

/** Fail fast, in one message template, on a missing credential (never echoing its value). */
export function requireNonEmpty(strategy: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`[recon:${strategy}] Missing required option \`${name}\`.`);
  return value;
}
