/**
 * Child process of the paging benchmark: starts a Razorpay sandbox with `--payments=N` payments and
 * prints one JSON line (url, credentials, data window), then serves until stdin closes.
 */
import { startRazorpaySandbox } from '@recon/razorpay/sandbox';

const count = Number(process.argv.find((a) => a.startsWith('--payments='))?.slice(11) ?? 100_000);
const sandbox = await startRazorpaySandbox({ seed: 1, payments: count, days: 30 });
const { keyId, keySecret } = sandbox.credentials;
process.stdout.write(`${JSON.stringify({ url: sandbox.url, keyId, keySecret, start: sandbox.dataset.start, now: sandbox.dataset.now })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void sandbox.close().then(() => process.exit(0)));
