import { createPrivateKey, createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { HDFC_DEFAULT_REQUESTS_PER_HOUR, HDFC_UAT_BASE_URL } from '../constants';
import { isCalendarDate } from '../mapping/dates';
import { HDFC_STATEMENT_MAPPINGS, HdfcStatementMappingSchema } from './statement-mapping';
import { HdfcStatementRequestSchema } from './statement-request';

const Pem = z.string().min(1).max(20_000);

/** Positive limits; `false` turns client-side throttling off. */
const RateLimitSchema = z.union([
  z.literal(false),
  z
    .object({
      perHour: z.number().positive(),
      perMinute: z.number().positive(),
      perSecond: z.number().positive(),
      maxConcurrent: z.number().int().positive(),
    })
    .partial()
    .strict(),
]);

/** Config of the {@link hdfc} connector. Secrets: `clientSecret`, `clientId`, `privateKey`, `privateKeyPassphrase`, `tls.key`, `tls.passphrase`. */
export const HdfcConfigSchema = z
  .object({
    /** API host, e.g. `https://api.hdfcbank.com`; the UAT host by default. */
    baseUrl: z.url().default(HDFC_UAT_BASE_URL),
    /** OAuth2 token endpoint; default `<baseUrl>/auth/oauth/v1/token`. Grant type and scope are added to its query string. */
    tokenUrl: z.url().optional(),
    /** The portal's client key: OAuth2 client id and the `apikey` header. */
    clientId: z.string().min(4).max(256),
    /** The portal's client secret. */
    clientSecret: z.string().min(4).max(1024),
    /** Partner scope issued on the HDFC portal (e.g. `CBXMGRT3`): token query and `scope` header. */
    scope: z.string().min(1).max(256),
    /** The account whose statement is read; also the transactions' `account_id`. */
    accountNumber: z.string().regex(/^[0-9A-Za-z]{4,34}$/, 'must be 4 to 34 letters or digits'),
    /** Currency of rows that do not name one. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code').default('INR'),
    /** Our RSA private key (PEM, PKCS#8 or PKCS#1): signs requests (JWS RS256) and decrypts responses (JWE RSA-OAEP-256). */
    privateKey: Pem,
    /** Passphrase of an encrypted `privateKey`. */
    privateKeyPassphrase: z.string().min(1).max(1024).optional(),
    /** HDFC's public key or certificate (PEM): encrypts requests and verifies response signatures. */
    bankPublicKey: Pem,
    /** `kid` of our JWS header; default base64url(SHA-256(DER SubjectPublicKeyInfo)) of our public key. */
    signingKeyId: z.string().min(1).max(256).optional(),
    /** `kid` of the JWE header; default computed the same way from `bankPublicKey`. */
    bankKeyId: z.string().min(1).max(256).optional(),
    /** TLS settings for the token endpoint and the API: a client certificate and key for mutual TLS, and/or CAs to trust. */
    tls: z
      .object({
        /** Client certificate (PEM); with `key`, turns on mutual TLS. */
        cert: Pem.optional(),
        key: Pem.optional(),
        passphrase: z.string().min(1).max(1024).optional(),
        /** CA certificates (PEM) to trust instead of the system's, e.g. a UAT gateway's private CA. */
        ca: Pem.optional(),
      })
      .strict()
      .refine((tls) => (tls.cert === undefined) === (tls.key === undefined), { message: 'set both `cert` and `key`, or neither', path: ['key'] })
      .optional(),
    statementRequest: HdfcStatementRequestSchema.prefault({}),
    /** A shipped mapping by name, or a full mapping object. */
    statementMapping: z.union([z.enum(Object.keys(HDFC_STATEMENT_MAPPINGS) as ['aa-deposit', 'netbanking-columns']), HdfcStatementMappingSchema]).default('aa-deposit'),
    /** First day (YYYY-MM-DD, IST) read when a read has neither `from` nor a cursor; else `lookbackDays` before the end. */
    startDate: z.string().refine(isCalendarDate, 'must be a YYYY-MM-DD calendar date').optional(),
    lookbackDays: z.number().int().min(1).max(3660).default(30),
    /** Client-side throttle, replacing the default of 1000 requests per hour (the guide's limit). */
    rateLimit: RateLimitSchema.default({ perHour: HDFC_DEFAULT_REQUESTS_PER_HOUR }),
    /** Per-attempt deadline in milliseconds. */
    timeoutMs: z.number().int().positive().default(30_000),
    /** Retry tuning; the HTTP kit's defaults otherwise. */
    retry: z
      .object({
        retries: z.number().int().min(0).max(10),
        minDelayMs: z.number().int().min(0),
        maxDelayMs: z.number().int().min(0),
        maxElapsedMs: z.number().int().min(0),
      })
      .partial()
      .strict()
      .optional(),
  })
  .superRefine(checkKeyMaterial, {
    // Run even when other fields are invalid: one parse must list every problem.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

/**
 * Key material is checked up front so a bad key is a config error, reported with every other
 * issue, never a failure in the middle of a read. Messages never include the value. Reads the
 * payload defensively because it also runs when other fields are already invalid.
 */
function checkKeyMaterial(value: unknown, ctx: z.RefinementCtx): void {
  const config = value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const privateKey = text(config['privateKey']);
  const passphrase = text(config['privateKeyPassphrase']);
  if (privateKey !== undefined && !loads(() => createPrivateKey({ key: privateKey, ...(passphrase !== undefined && { passphrase }) }))) {
    ctx.addIssue({ code: 'custom', path: ['privateKey'], message: 'is not a readable PEM private key (or `privateKeyPassphrase` is wrong)' });
  }
  const bankPublicKey = text(config['bankPublicKey']);
  if (bankPublicKey !== undefined && !loads(() => createPublicKey(bankPublicKey))) {
    ctx.addIssue({ code: 'custom', path: ['bankPublicKey'], message: 'is not a PEM public key or X.509 certificate' });
  }
  const tls = config['tls'];
  if (typeof tls === 'object' && tls !== null) {
    const key = text((tls as Record<string, unknown>)['key']);
    const tlsPassphrase = text((tls as Record<string, unknown>)['passphrase']);
    if (key !== undefined && !loads(() => createPrivateKey({ key, ...(tlsPassphrase !== undefined && { passphrase: tlsPassphrase }) }))) {
      ctx.addIssue({ code: 'custom', path: ['tls', 'key'], message: 'is not a readable PEM private key (or `tls.passphrase` is wrong)' });
    }
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

/** What a caller passes to {@link hdfc} (defaults not yet applied). */
export type HdfcConfig = z.input<typeof HdfcConfigSchema>;
/** The validated config. */
export type HdfcResolvedConfig = z.output<typeof HdfcConfigSchema>;
