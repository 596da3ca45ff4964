import { z } from 'zod';
import { ISO_4217_CODES } from '../money/currencies';
import { SCHEMA_VERSION, StandardTransactionSchema } from './transaction';

/** `$id` of the JSON Schema; the last segment follows {@link SCHEMA_VERSION}. */
export const STANDARD_TRANSACTION_SCHEMA_ID = `urn:recon:schema:standard-transaction:v${SCHEMA_VERSION}`;

const DESCRIPTION = [
  'A standard transaction as it travels on the wire (JSON, Kafka). Generated from the zod schema in @recon/core, which is the source of truth; this file is for consumers in other languages.',
  'Rules JSON Schema cannot express, enforced by parseTransaction() in @recon/core and to be enforced by any other consumer:',
  "(1) scale: amount, fee, tax and balance_after must have exactly as many decimals as the currency's ISO 4217 exponent (INR 2: \"5000.00\"; JPY 0: \"120\"; KWD 3: \"1.250\"); \"12.5\" is invalid for INR.",
  '(2) identifiers (txn_id, source, account_id, references.*) are trimmed before their length is checked.',
  'Input form: `references` may be omitted (it defaults to {}).',
].join(' ');

const AMOUNT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  amount: "Exact unsigned amount in major units, with exactly the currency's ISO 4217 exponent in decimals (\"5000.00\" for INR). The sign is `direction`.",
  fee: 'Fee the source charged on this transaction: unsigned, same currency and scale as `amount`.',
  tax: 'Tax on the fee (GST): unsigned, same currency and scale as `amount`.',
  balance_after: 'Account balance after this line (may be negative), same currency and scale as `amount`.',
};

type JsonObject = { [key: string]: unknown };

/** Rename zod's generated `$defs` names (`__schema0`) to readable ones, fixing every `$ref`. */
function renameDefs(node: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => renameDefs(n, names));
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/$defs/', '');
      out[key] = names.has(name) ? `#/$defs/${names.get(name)}` : value;
    } else if (key === '$defs' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [names.get(k) ?? k, renameDefs(v, names)]));
    } else {
      out[key] = renameDefs(value, names);
    }
  }
  return out;
}

/**
 * The standard transaction as a JSON Schema (draft 2020-12), for producers and consumers outside
 * TypeScript. Built with zod 4's `z.toJSONSchema` in its input form (what `parseTransaction`
 * accepts), plus what zod cannot derive: the list of known currency codes and the field
 * descriptions. The decimal-scale rule cannot be said in JSON Schema (it ties `amount` to
 * `currency`); the top-level `description` states it. A fresh object on every call.
 */
export function standardTransactionJsonSchema(): JsonObject {
  // `unrepresentable: 'throw'` makes a future zod type that JSON Schema cannot say fail here,
  // instead of silently becoming `{}` (accept anything). Refinements are not "unrepresentable":
  // zod leaves them out, which is why the scale rule is documented in the description.
  const generated = z.toJSONSchema(StandardTransactionSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as JsonObject;
  // zod names the recursive `raw` definition `__schema0`; find it through `raw`'s $ref, not by name.
  const rawRef = ((generated.properties as Record<string, JsonObject> | undefined)?.raw?.$ref ?? '') as string;
  const renamed = renameDefs(generated, new Map([[rawRef.replace('#/$defs/', ''), 'JsonValue']])) as JsonObject;
  const { $schema, ...rest } = renamed;
  const properties = rest.properties as Record<string, JsonObject>;
  for (const [field, description] of Object.entries(AMOUNT_DESCRIPTIONS)) {
    if (properties[field]) properties[field] = { description, ...properties[field] };
  }
  if (properties.currency) properties.currency = { ...properties.currency, enum: [...ISO_4217_CODES].sort() };
  if (properties.raw) properties.raw = { description: 'The original record exactly as received, so nothing is lost.', ...properties.raw };
  return {
    $schema,
    $id: STANDARD_TRANSACTION_SCHEMA_ID,
    title: 'StandardTransaction',
    description: DESCRIPTION,
    ...rest,
  };
}
