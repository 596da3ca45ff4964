import { constantTimeEqual, type Authenticate } from '@recon/core/testing';
import { naError } from './envelope';

/**
 * Razorpay's Basic auth as the sandbox enforces it: the header must be exactly `Basic <token>`
 * (`basic` or `BASIC` fail, as at Razorpay), an unknown key id and a wrong secret get their own
 * documented 401 messages, and a missing header gets Razorpay's "provide your api key" message
 * (the wording of that last one is from memory of the live API, not from the docs).
 */
export function requireRazorpayBasic(keyId: string, keySecret: string): Authenticate {
  return (req) => {
    const header = req.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (value === undefined || value === '') return naError(401, 'Please provide your api key for authentication purposes.');
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(value);
    if (!match?.[1]) return naError(401, 'The api key provided is invalid');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const id = colon < 0 ? decoded : decoded.slice(0, colon);
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    if (!constantTimeEqual(id, keyId)) return naError(401, 'The api key provided is invalid');
    if (!constantTimeEqual(secret, keySecret)) return naError(401, 'The api secret provided is invalid');
    return true;
  };
}
