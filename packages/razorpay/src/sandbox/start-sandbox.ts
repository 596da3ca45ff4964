import { createRng, createSandboxServer } from '@recon/core/testing';
import type { FaultPlan, SandboxHandle, SandboxStartOptions, StatusFault } from '@recon/core/testing';
import { requireRazorpayBasic } from './auth';
import { createRazorpayDataset, type RazorpayDataset, type RazorpayDatasetOptions } from './dataset';
import { deliverWebhooks, type DeliverWebhooksOptions, type WebhookDeliveryReport } from './deliver-webhooks';
import { tooManyRequestsBody } from './envelope';
import { ID_ALPHABET } from './vocabulary';
import { createRateLimit, type SandboxRateLimit } from './rate-limit';
import { razorpayRoutes } from './routes';
import { buildWebhookEvents, type SandboxWebhookEvent } from './webhook-events';

/** Credentials of a sandbox, derived from its seed. */
export interface RazorpaySandboxCredentials {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
}

/** Options of {@link startRazorpaySandbox}. */
export interface RazorpaySandboxOptions extends SandboxStartOptions, Omit<RazorpayDatasetOptions, 'seed'> {
  /** A token bucket over every data route (429 + Retry-After when empty). Default: no limit. */
  rateLimit?: SandboxRateLimit;
}

/** A running Razorpay sandbox. */
export interface RazorpaySandbox extends SandboxHandle<RazorpaySandboxCredentials> {
  dataset: RazorpayDataset;
  /** The webhook events the dataset implies, and a deliverer that signs and sends them. */
  webhooks: {
    events(options?: { accountId?: string }): SandboxWebhookEvent[];
    deliver(events: readonly SandboxWebhookEvent[], options: Omit<DeliverWebhooksOptions, 'secret'> & { secret?: string }): Promise<WebhookDeliveryReport[]>;
  };
}

/**
 * A 429 fault in Razorpay's envelope with `Retry-After`, for the kit's fault plans.
 * @example sandbox.server.faults.inject(rateLimitFault({ after: 1, retryAfter: 1 }))
 */
export function rateLimitFault(options: Omit<StatusFault, 'type' | 'status' | 'body'> = {}): StatusFault {
  return { type: 'status', status: 429, retryAfter: 1, body: tooManyRequestsBody(), ...options };
}

/**
 * Start a Razorpay v1 sandbox on 127.0.0.1: payments, refunds, settlements and the settlement
 * recon report over a seeded, self-consistent dataset, with Razorpay's auth, validation and error
 * envelope (400 `BAD_REQUEST_ERROR` for `count=0` or over the cap and for unknown ids, 401 for a bad
 * key or secret), the core kit's fault injection, an optional rate limit, and signed webhook
 * delivery. Credentials come from the seed, so a run can be replayed exactly.
 */
export async function startRazorpaySandbox(options: RazorpaySandboxOptions = {}): Promise<RazorpaySandbox> {
  const seed = options.seed ?? 1;
  const { faults, logger, rateLimit, ...datasetOptions } = options;
  const dataset = createRazorpayDataset({ ...datasetOptions, seed });
  const rng = createRng(`razorpay-keys:${seed}`);
  const credentials: RazorpaySandboxCredentials = {
    keyId: `rzp_test_${rng.string(14, ID_ALPHABET)}`,
    keySecret: rng.string(24, ID_ALPHABET),
    webhookSecret: `whsec_${rng.string(24, ID_ALPHABET)}`,
  };
  const wrap = rateLimit ? createRateLimit(rateLimit) : undefined;
  const server = await createSandboxServer({
    name: 'razorpay',
    auth: requireRazorpayBasic(credentials.keyId, credentials.keySecret),
    routes: razorpayRoutes(dataset, wrap),
    ...(faults && { faults: faults as FaultPlan }),
    ...(logger && { logger }),
  });
  return {
    url: server.url,
    credentials,
    server,
    dataset,
    webhooks: {
      events: (eventOptions = {}) => buildWebhookEvents(dataset, { seed, ...eventOptions }),
      deliver: (events, deliverOptions) => deliverWebhooks(events, { seed, ...deliverOptions, secret: deliverOptions.secret ?? credentials.webhookSecret }),
    },
    close: () => server.close(),
  };
}
