import { inspect } from 'node:util';

/** One way a secret can show up in text. */
export interface SecretForm {
  /** Position of the secret in the fixture's `secrets` list (the value itself is never reported). */
  index: number;
  form: 'raw' | 'url-encoded' | 'base64' | 'base64url';
  value: string;
}

/** Where a secret was found, with the secret masked in the context. */
export interface Leak {
  source: string;
  index: number;
  form: SecretForm['form'];
  context: string;
}

/** Secrets shorter than this are not scanned for: they would match ordinary text (same rule as the redactor). */
const MIN_SECRET_LENGTH = 4;

/** The raw, URL-encoded and base64 forms of every secret (base64 without padding, as it appears inside longer strings). */
export function secretForms(secrets: readonly string[]): SecretForm[] {
  const forms: SecretForm[] = [];
  secrets.forEach((value, index) => {
    if (value.length < MIN_SECRET_LENGTH) return;
    const candidates: Array<[SecretForm['form'], string]> = [
      ['raw', value],
      ['url-encoded', encodeURIComponent(value)],
      ['base64', Buffer.from(value).toString('base64').replace(/=+$/, '')],
      ['base64url', Buffer.from(value).toString('base64url')],
    ];
    const seen = new Set<string>();
    for (const [form, text] of candidates) {
      if (seen.has(text)) continue;
      seen.add(text);
      forms.push({ index, form, value: text });
    }
  });
  return forms;
}

/** Replace every form of every secret by `«secret #i»`, so a failure message can show context safely. */
export function maskSecrets(text: string, forms: readonly SecretForm[]): string {
  let out = text;
  for (const form of [...forms].sort((a, b) => b.value.length - a.value.length)) out = out.split(form.value).join(`«secret #${form.index}»`);
  return out;
}

/** Every occurrence of a secret form in the given texts. */
export function findLeaks(texts: ReadonlyArray<{ source: string; text: string }>, secrets: readonly string[]): Leak[] {
  const forms = secretForms(secrets);
  const leaks: Leak[] = [];
  for (const { source, text } of texts) {
    for (const form of forms) {
      const at = text.indexOf(form.value);
      if (at < 0) continue;
      const context = maskSecrets(text.slice(Math.max(0, at - 60), at + form.value.length + 60), forms);
      leaks.push({ source, index: form.index, form: form.form, context });
    }
  }
  return leaks;
}

/**
 * Every way a value is commonly printed: `util.inspect` (depth 10, how console.log and test
 * runners show errors, causes included), `JSON.stringify` (how loggers ship them), `String()`,
 * and the stack. Serialisers that throw (circular JSON) are skipped, not failures.
 */
export function printedForms(value: unknown): string[] {
  const texts: string[] = [inspect(value, { depth: 10 })];
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) texts.push(json);
  } catch {
    // circular structure: inspect above already covers it
  }
  try {
    texts.push(String(value));
  } catch {
    // objects without a string conversion
  }
  if (value instanceof Error && typeof value.stack === 'string') texts.push(value.stack);
  return texts;
}
