import { describe, expect, it } from 'vitest';
import { DEFAULT_NOISE, generateDataset, type NoiseRates } from '../generator/index';
import { scoreIndexPairs } from './index-pairs';
import { naiveJoin } from './naive-join';
import { checkPandas, runPandasMerge } from './pandas-merge';

const noNoise = Object.fromEntries(Object.keys(DEFAULT_NOISE).map((k) => [k, 0])) as unknown as NoiseRates;

describe('naiveJoin', () => {
  it('finds every link of a noise-free dataset', () => {
    const clean = generateDataset({ orders: 3_000, seed: 9, noise: noNoise });
    const { links } = scoreIndexPairs(clean, naiveJoin(clean));
    for (const type of ['L1', 'L2', 'L3'] as const) {
      expect(links[type].truth).toBeGreaterThan(0);
      expect(links[type]).toMatchObject({ precision: 1, recall: 1 });
    }
  });

  it('loses payment lines to refund lines that share the payment id (last write wins)', () => {
    const noisy = generateDataset({ orders: 20_000, seed: 9 });
    const { links } = scoreIndexPairs(noisy, naiveJoin(noisy));
    expect(noisy.stats.refundLines).toBeGreaterThan(0);
    expect(links.L2.recall).toBeLessThan(1);
    // Every payment line lost was overwritten by a refund line of the same payment.
    expect(links.L2.truth - links.L2.found).toBeLessThanOrEqual(links.L2r.found);
    expect(links.L2.precision).toBe(1);
  });
});

const pandas = checkPandas();
if (!pandas.available) {
  // The pandas baseline is optional (the issue: "where Python with pandas is available"), but never silently.
  process.stderr.write(`[recon] SKIPPED the pandas baseline test: ${pandas.reason} (pip install pandas numpy to enable it)\n`);
}

describe.skipIf(!pandas.available)('runPandasMerge', () => {
  it('joins the same exact keys as the Map join, keeping every pair of a repeated key', () => {
    const data = generateDataset({ orders: 5_000, seed: 2 });
    const viaPandas = scoreIndexPairs(data, runPandasMerge(data).pairs).links;
    const viaMap = scoreIndexPairs(data, naiveJoin(data)).links;
    expect(viaPandas.L1.found).toBe(viaMap.L1.found);
    expect(viaPandas.L2).toMatchObject({ precision: 1, recall: 1 });
    expect(viaPandas.L2r.recall).toBe(1);
  });
});
