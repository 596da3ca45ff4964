import { createPrivateKey, createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { SBI_DEFAULT_REQUESTS_PER_HOUR } from '../constants';
import { SbiEnvelopeSchema } from '../crypto/envelope-settings';
import { isCalendarDate } from '../mapping/dates';
import { SbiStatementMappingSchema } from './statement-mapping';
import { SbiStatementRequestSchema } from './statement-request';

const Pem = z.string().min(1).max(20_000);

/** Config of the {@link sbi} connector. Secrets: `clientSecret`, `clientId`, `privateKey`, `privateKeyPassphrase`. */
export const SbiConfigSchema = z
  .object({
    /** API host given at onboarding; no public SBI API host is confirmed, so there is no default. */
    baseUrl: z.url(),
    /** OAuth2 token endpoint; default `<baseUrl>/oauth2/token` (project-defined). */
    tokenUrl: z.url().optional(),
    /**
     * Fetch an OAuth2 token (client credentials) and send it as Bearer, as the integration guide
     * says. `false` for a gateway that takes none: aerele's SBI integration sends only the
     * `AccessToken` header.
     */
    oauth: z.boolean().default(true),
    /** OAuth2 client id; required while `oauth` is on. */
    clientId: z.string().min(4).max(256).optional(),
    /** OAuth2 client secret; required while `oauth` is on. */
    clientSecret: z.string().min(4).max(1024).optional(),
    /** OAuth2 scope, when SBI issues one. */
    scope: z.string().min(1).max(256).optional(),
    /** The account whose statement is read; also the transactions' `account_id`. */
    accountNumber: z.string().regex(/^[0-9]{6,20}$/, 'must be 6 to 20 digits'),
    /** EIS `corporateCode` [S, aerele]. */
    corporateCode: z.string().min(1).max(64),
    /** EIS `SOURCE_ID`, 2 or 5 characters: `REQUEST_REFERENCE_NUMBER` must come out at 25 characters [S, aerele]. */
    sourceId: z.string().regex(/^([A-Z0-9]{2}|[A-Z0-9]{5})$/, 'must be 2 or 5 upper-case letters or digits'),
    /** Our RSA private key (PEM): signs `DIGI_SIGN` and `HASH`. */
    privateKey: Pem,
    privateKeyPassphrase: z.string().min(1).max(1024).optional(),
    /** SBI's public key or certificate (PEM): wraps session keys, verifies response signatures. */
    bankPublicKey: Pem,
    /** The AES-GCM + RSA envelope; on by default. */
    envelope: SbiEnvelopeSchema.prefault({}),
    statementRequest: SbiStatementRequestSchema.prefault({}),
    statementMapping: SbiStatementMappingSchema.prefault({}),
    /** First day (YYYY-MM-DD, IST) read when a read has neither `from` nor a cursor; else `lookbackDays` before the end. */
    startDate: z.string().refine(isCalendarDate, 'must be a YYYY-MM-DD calendar date').optional(),
    lookbackDays: z.number().int().min(1).max(3660).default(30),
    /** Client-side throttle, replacing the default of 2000 requests per hour (the guide's limit); `false` turns it off. */
    rateLimit: z
      .union([z.literal(false), z.object({ perHour: z.number().positive(), perMinute: z.number().positive(), perSecond: z.number().positive(), maxConcurrent: z.number().int().positive() }).partial().strict()])
      .default({ perHour: SBI_DEFAULT_REQUESTS_PER_HOUR }),
    timeoutMs: z.number().int().positive().default(30_000),
    retry: z.object({ retries: z.number().int().min(0).max(10), minDelayMs: z.number().int().min(0), maxDelayMs: z.number().int().min(0), maxElapsedMs: z.number().int().min(0) }).partial().strict().optional(),
  })
  .superRefine(checkKeys, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

/**
 * Cross-field checks: OAuth credentials while `oauth` is on, and keys read up front so a bad one is
 * a config error listed with the rest. Messages never show a value.
 */
function checkKeys(value: unknown, ctx: z.RefinementCtx): void {
  const config = value as Record<string, unknown>;
  if (config['oauth'] !== false) {
    for (const field of ['clientId', 'clientSecret']) {
      if (config[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required while `oauth` is on' });
    }
  }
  const privateKey = typeof config['privateKey'] === 'string' ? config['privateKey'] : undefined;
  const passphrase = typeof config['privateKeyPassphrase'] === 'string' ? config['privateKeyPassphrase'] : undefined;
  if (privateKey !== undefined && !loads(() => createPrivateKey({ key: privateKey, ...(passphrase !== undefined && { passphrase }) }))) {
    ctx.addIssue({ code: 'custom', path: ['privateKey'], message: 'is not a readable PEM private key (or `privateKeyPassphrase` is wrong)' });
  }
  const bankPublicKey = typeof config['bankPublicKey'] === 'string' ? config['bankPublicKey'] : undefined;
  if (bankPublicKey !== undefined && !loads(() => createPublicKey(bankPublicKey))) {
    ctx.addIssue({ code: 'custom', path: ['bankPublicKey'], message: 'is not a PEM public key or X.509 certificate' });
  }
}

function loads(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** What a caller passes to {@link sbi} (defaults not yet applied). */
export type SbiConfig = z.input<typeof SbiConfigSchema>;
/** The validated config. */
export type SbiResolvedConfig = z.output<typeof SbiConfigSchema>;
