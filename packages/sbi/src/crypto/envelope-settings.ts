import { z } from 'zod';
import { SBI_DEFAULT_SESSION_KEY_HEADER } from '../constants';

/**
 * The AES-GCM + RSA payload envelope, as configuration. Defaults follow "SBI CMP – REST API
 * Payload Encryption & Digital Signing Mechanism 2.0" as summarised in the reference (§4): a random
 * alphanumeric session key, AES key = first 16 bytes of SHA-256(session key), a 12-byte IV, the
 * session key RSA-encrypted, payloads signed. What that summary leaves open (where the IV comes
 * from, the RSA padding, where the wrapped key travels) follows the one public SBI integration
 * (aerele india-banking-connector `sbi_connector.py`, 2026) or is marked as the project's choice.
 */
export const SbiEnvelopeSchema = z
  .object({
    /** `false` sends and expects plain JSON (a UAT without encryption, or a gateway that terminates it). */
    enabled: z.boolean().default(true),
    /** AES key: `sha256-first-16` (AES-128, §4) or `session-key-bytes` (the session key's bytes, AES-256 for 32 characters, aerele). */
    aesKey: z.enum(['sha256-first-16', 'session-key-bytes']).default('sha256-first-16'),
    /** 12-byte IV: `random-prefix` (fresh, sent before the ciphertext; project choice) or `session-key-prefix` (first 12 bytes of the session key, aerele). */
    iv: z.enum(['random-prefix', 'session-key-prefix']).default('random-prefix'),
    /** How the session key is RSA-encrypted to the bank key (aerele: OAEP with SHA-1). */
    rsaPadding: z.enum(['oaep-sha1', 'oaep-sha256']).default('oaep-sha1'),
    /** Length of the random alphanumeric session key (aerele: 32). */
    sessionKeyLength: z.number().int().min(16).max(64).default(32),
    /** Header carrying the wrapped session key (aerele: `AccessToken`). */
    sessionKeyHeader: z.string().min(1).max(100).default(SBI_DEFAULT_SESSION_KEY_HEADER),
    /** Fail a response that carries no `DIGI_SIGN` (aerele skips the check then; we do not by default). */
    requireResponseSignature: z.boolean().default(true),
  })
  .strict()
  .superRefine((envelope, ctx) => {
    if (envelope.aesKey === 'session-key-bytes' && ![16, 24, 32].includes(envelope.sessionKeyLength)) {
      ctx.addIssue({ code: 'custom', path: ['sessionKeyLength'], message: 'must be 16, 24 or 32 when the session key is the AES key' });
    }
  });

/** Envelope settings as written in config. */
export type SbiEnvelopeInput = z.input<typeof SbiEnvelopeSchema>;

/** Envelope settings with defaults applied. */
export type SbiEnvelopeSettings = z.output<typeof SbiEnvelopeSchema>;

/** The envelope exactly as aerele's 2026 SBI CMP/EIS integration builds it: spread it into `envelope` to match. */
export const SBI_EIS_AERELE_ENVELOPE = Object.freeze({ aesKey: 'session-key-bytes', iv: 'session-key-prefix', rsaPadding: 'oaep-sha1', sessionKeyLength: 32 } as const);
