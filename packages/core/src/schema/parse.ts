import type { z } from 'zod';
import { InvalidDataError, type ValidationIssue } from '../errors';
import { StandardTransactionSchema, type StandardTransaction } from './transaction';

/** Zod issues as plain {@link ValidationIssue}s (path + message), never including input values. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    code: issue.code,
  }));
}

/** One line per issue: `amount: must have exactly 2 decimal places for INR (got "1.5")`. */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

/** Result of {@link safeParseTransaction}. */
export type ParseResult<T> = { success: true; data: T } | { success: false; error: InvalidDataError };

/**
 * Validate unknown input as a standard transaction. Every problem is listed (not only the first);
 * the error carries the raw input so the record can be dead-lettered intact.
 */
export function safeParseTransaction(input: unknown): ParseResult<StandardTransaction> {
  const result = StandardTransactionSchema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const issues = issuesFromZod(result.error);
  return {
    success: false,
    error: new InvalidDataError(`Invalid standard transaction: ${formatIssues(issues)}`, { code: 'TXN_INVALID', issues, raw: input }),
  };
}

/** Like {@link safeParseTransaction} but throws the {@link InvalidDataError}. */
export function parseTransaction(input: unknown): StandardTransaction {
  const result = safeParseTransaction(input);
  if (!result.success) throw result.error;
  return result.data;
}
