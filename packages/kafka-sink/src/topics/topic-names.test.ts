import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_TOPICS, topicForSource } from './topic-names';

describe('topicForSource', () => {
  it('uses the guide topics, overrides, and a safe name for other sources', () => {
    expect(Object.values(DEFAULT_SOURCE_TOPICS)).toEqual(['hdfc_txns', 'icici_txns', 'sbi_txns', 'axis_txns', 'kotak_txns', 'razorpay_txns']);
    const topicFor = topicForSource({ 'sftp:kotak': 'kotak_txns', hdfc: 'hdfc_v2' });
    expect(topicFor('hdfc')).toBe('hdfc_v2');
    expect(topicFor('razorpay')).toBe('razorpay_txns');
    expect(topicFor('sftp:kotak')).toBe('kotak_txns');
    expect(topicForSource()('sftp:kotak')).toBe('sftp_kotak_txns');
  });
});
