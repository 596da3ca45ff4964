import type { Channel } from '@recon/core';

const CHANNEL_BY_METHOD: Readonly<Record<string, Channel>> = Object.freeze({
  upi: 'UPI',
  card: 'CARD',
  netbanking: 'NETBANKING',
  wallet: 'WALLET',
  emi: 'EMI',
  cardless_emi: 'EMI',
  paylater: 'OTHER',
  bank_transfer: 'OTHER',
  nach: 'OTHER',
  emandate: 'OTHER',
  app: 'OTHER',
});

/**
 * Razorpay `method` → standard channel. The method set is open (Razorpay adds methods without
 * notice), so an unknown method maps to `OTHER` rather than failing the record; the method itself
 * stays in `raw`. `null` (transfers and adjustments in recon) gives no channel.
 */
export function channelOf(method: string | null | undefined): Channel | undefined {
  if (method === null || method === undefined || method === '') return undefined;
  return CHANNEL_BY_METHOD[method.toLowerCase()] ?? 'OTHER';
}
