import { z } from 'zod';
import { ICICI_DEFAULT_REQUESTS_PER_HOUR, ICICI_HOSTS, ICICI_MAX_RANGE_DAYS, ICICI_STATEMENT_PATH } from './constants';
import { loadRsaPrivateKey, loadRsaPublicKey } from './crypto/rsa';

const nonEmpty = z.string().trim().min(1);

/**
 * Config of the {@link icici} connector. Identifiers come from ICICI's onboarding (CIB
 * registration); the key pair is the client's own, its certificate registered with the bank.
 */
export const IciciConfig = z
  .object({
    /** Base URL. Default production; see `ICICI_HOSTS` for the UAT host. */
    baseUrl: z.url().default(ICICI_HOSTS.production),
    /** Statement operation path (some integrations use `/api/Corporate/CIB_SV/v1/AccountStatements`). */
    statementPath: z.string().regex(/^\/\S*$/, 'must start with "/"').default(ICICI_STATEMENT_PATH),
    /** API key from ICICI's developer portal, sent in the `apikey` header. Secret. */
    apiKey: z.string().min(8),
    /** Corporate id (`CORPID`). */
    corpId: nonEmpty,
    /** Corporate user (`USERID`). */
    userId: nonEmpty,
    /** Aggregator id (`AGGRID`), e.g. `CUST0149`. */
    aggrId: nonEmpty,
    /** Unique registration number (`URN`). */
    urn: nonEmpty,
    /** The account whose statement is read (`ACCOUNTNO`), digits as a string. */
    accountNumber: z.string().regex(/^[0-9]{6,20}$/, 'must be 6 to 20 digits'),
    /** ICICI's public key or X.509 certificate (PEM): request session keys are wrapped with it. */
    bankPublicKey: z.string().min(1),
    /** The client's RSA private key (PEM, PKCS#8 or PKCS#1, optionally encrypted). Secret. */
    clientPrivateKey: z.string().min(1),
    /** Passphrase of an encrypted `clientPrivateKey`. Secret. */
    clientPrivateKeyPassphrase: z.string().min(1).optional(),
    /** Where requests carry their IV: `prepend` (ICICI's UAT mail, default) or `field`. */
    requestIvMode: z.enum(['prepend', 'field']).default('prepend'),
    /** Longest range of one statement call in days; longer reads are split [365, the API's limit]. */
    maxRangeDays: z.number().int().min(1).max(ICICI_MAX_RANGE_DAYS).default(ICICI_MAX_RANGE_DAYS),
    /** Days read by a first run given neither `from` nor a cursor [30]. */
    initialLookbackDays: z.number().int().min(1).max(3650).default(30),
    /** Client-side throttle; ICICI allows 500 requests an hour [perHour 500]. */
    rateLimit: z
      .object({
        perHour: z.number().int().positive().default(ICICI_DEFAULT_REQUESTS_PER_HOUR),
        perMinute: z.number().int().positive().optional(),
        perSecond: z.number().positive().optional(),
        maxConcurrent: z.number().int().positive().optional(),
      })
      .strict()
      .prefault({}),
    /** Per-attempt deadline in ms [60 000]: statement pages can be slow to build. */
    timeoutMs: z.number().int().positive().default(60_000),
    /** Retry tuning; the HTTP kit's defaults otherwise (4 retries, backoff with jitter). */
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
    /** Extra headers some onboardings require (`x-forwarded-for`, `SrcApp`, `X-IBM-Client-Id`). */
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string()).optional(),
  })
  .superRefine((config, ctx) => {
    // Keys are checked here so that one ConfigError lists every problem. Messages never echo keys.
    if (typeof config.bankPublicKey === 'string' && config.bankPublicKey !== '') {
      try {
        loadRsaPublicKey(config.bankPublicKey);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['bankPublicKey'], message: (error as Error).message });
      }
    }
    if (typeof config.clientPrivateKey === 'string' && config.clientPrivateKey !== '') {
      try {
        loadRsaPrivateKey(config.clientPrivateKey, config.clientPrivateKeyPassphrase);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['clientPrivateKey'], message: (error as Error).message });
      }
    }
  });

/** What a caller passes to {@link icici} (defaults not yet applied). */
export type IciciConfig = z.input<typeof IciciConfig>;
/** The config after validation and defaults. */
export type ResolvedIciciConfig = z.output<typeof IciciConfig>;

/**
 * Every secret value in a config, for redaction: the API key, the passphrase, the private key PEM
 * whole, its base64 body in one piece and line by line (a fragment of a key is still a leak).
 */
export function secretsOf(config: ResolvedIciciConfig): string[] {
  const pem = config.clientPrivateKey;
  const lines = pem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'));
  return [config.apiKey, config.clientPrivateKeyPassphrase, pem, lines.join(''), ...lines.filter((line) => line.length >= 16)].filter((s): s is string => typeof s === 'string');
}
