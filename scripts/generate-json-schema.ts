/**
 * Writes packages/core/schema/standard-transaction.schema.json from the zod schema, so consumers in
 * other languages get a JSON Schema that cannot drift from @recon/core (a test compares the two).
 *
 *   node_modules/.bin/tsx --conditions=@recon/source scripts/generate-json-schema.ts           # write
 *   node_modules/.bin/tsx --conditions=@recon/source scripts/generate-json-schema.ts --check   # exit 1 on drift
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { standardTransactionJsonSchema } from '../packages/core/src/schema/json-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'packages/core/schema/standard-transaction.schema.json');
const text = `${JSON.stringify(standardTransactionJsonSchema(), null, 2)}\n`;
const shown = relative(root, target);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing file: reported as drift below
  }
  if (current !== text) {
    console.error(`${shown} is out of date: run scripts/generate-json-schema.ts`);
    process.exit(1);
  }
  console.log(`${shown} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${shown}`);
}
