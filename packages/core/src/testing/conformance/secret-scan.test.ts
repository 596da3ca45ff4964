import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../errors';
import { findLeaks, maskSecrets, printedForms, secretForms } from './secret-scan';

const SECRET = 'sk_live_a1b2c3d4/e5>>?';

describe('secret scan', () => {
  it('knows raw, URL-encoded, base64 and base64url forms; ignores very short values', () => {
    const forms = secretForms([SECRET, 'abc']);
    expect(forms.map((f) => f.form)).toEqual(['raw', 'url-encoded', 'base64', 'base64url']);
    expect(forms.every((f) => f.index === 0)).toBe(true);
    expect(forms.find((f) => f.form === 'url-encoded')?.value).toBe('sk_live_a1b2c3d4%2Fe5%3E%3E%3F');
  });

  it('finds each form and masks the secret in the reported context', () => {
    const b64 = Buffer.from(SECRET).toString('base64').replace(/=+$/, '');
    const leaks = findLeaks(
      [
        { source: 'a', text: `error: key=${SECRET} refused` },
        { source: 'b', text: `GET /x?key=${encodeURIComponent(SECRET)}` },
        { source: 'c', text: `Authorization: Basic ${b64}` },
        { source: 'd', text: 'nothing here' },
      ],
      [SECRET],
    );
    expect(leaks.map((l) => [l.source, l.form])).toEqual([['a', 'raw'], ['b', 'url-encoded'], ['c', 'base64']]);
    for (const leak of leaks) expect(leak.context).toContain('«secret #0»');
    expect(JSON.stringify(leaks)).not.toContain(SECRET);
    expect(maskSecrets(`x${SECRET}y`, secretForms([SECRET]))).toBe('x«secret #0»y');
  });

  it('prints values the ways loggers and runners do, including nested causes', () => {
    const error = new UpstreamError('outer', { cause: new Error(`inner ${SECRET}`) });
    const texts = printedForms(error);
    expect(texts.some((t) => t.includes(SECRET))).toBe(true);
    const circular: Record<string, unknown> = { secret: SECRET };
    circular['self'] = circular;
    expect(printedForms(circular).some((t) => t.includes(SECRET))).toBe(true);
  });
});
