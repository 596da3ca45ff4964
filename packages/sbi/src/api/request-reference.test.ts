import { describe, expect, it } from 'vitest';
import { newRequestReference } from './request-reference';

describe('newRequestReference', () => {
  it('is 25 characters: SBI, the source id, the IST stamp yyDDDHHMMSSmmm, random digits', () => {
    const at = Date.parse('2026-02-03T04:05:06.789Z'); // 09:35:06.789 IST on day 034
    const two = newRequestReference('RC', at);
    expect(two).toHaveLength(25);
    expect(two).toMatch(/^SBIRC26034093506789\d{6}$/);
    const five = newRequestReference('RECON', at);
    expect(five).toMatch(/^SBIRECON26034093506789\d{3}$/);
    expect(newRequestReference('RC', at)).not.toBe(two);
  });
});
