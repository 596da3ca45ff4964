/**
 * For the examples' tests: an environment with every variable that would switch an example to a
 * real endpoint removed, so a developer's shell (or `.env`, hence the temporary working folder the
 * tests run in) can never send a test to a bank.
 */
import { ENV_VARS } from './env';

/** Variables read by the examples that are not in {@link ENV_VARS}. */
const OTHER_SWITCHES = ['RAZORPAY_WEBHOOK_SECRET', 'KOTAK_SFTP_ARCHIVE_DIR', 'RECON_WEBHOOK_HOST'];

/** `process.env` without the real-endpoint switches, plus `extra`. */
export function sandboxOnlyEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const { required, optional } of Object.values(ENV_VARS)) for (const name of [...required, ...optional]) delete env[name];
  for (const name of OTHER_SWITCHES) delete env[name];
  return { ...env, ...extra };
}
