import { describe, expect, it } from 'vitest';
import { compareFiles, fileNameMatcher, joinRemote } from './list-files';
import { plannedDisposition } from './dispose';

describe('fileNameMatcher', () => {
  it('matches names with a glob; dot files only when named', () => {
    const sta = fileNameMatcher('KOTAK_*.{sta,txt}');
    expect(['KOTAK_1.sta', 'KOTAK_2.txt', 'KOTAK_3.csv', 'AXIS_1.sta', '.KOTAK_4.sta'].filter(sta)).toEqual(['KOTAK_1.sta', 'KOTAK_2.txt']);
    expect(['a.json', '.hidden', 'b.json.part'].filter(fileNameMatcher('*'))).toEqual(['a.json', 'b.json.part']);
    expect(['.hidden'].filter(fileNameMatcher('.*'))).toEqual(['.hidden']);
  });
});

describe('ordering and paths', () => {
  it('orders oldest first, then by name, and joins paths with one slash', () => {
    const files = [
      { name: 'b', path: '/b', size: 1, mtimeMs: 2000 },
      { name: 'c', path: '/c', size: 1, mtimeMs: 1000 },
      { name: 'a', path: '/a', size: 1, mtimeMs: 2000 },
    ];
    expect([...files].sort(compareFiles).map((f) => f.name)).toEqual(['c', 'a', 'b']);
    expect(joinRemote('/outbox/', 'a.sta')).toBe('/outbox/a.sta');
    expect(joinRemote('/outbox', 'a.sta')).toBe('/outbox/a.sta');
  });
});

describe('plannedDisposition', () => {
  it('quarantines failed files when a quarantine folder is set, and follows afterProcessing otherwise', () => {
    const plan = { afterProcessing: 'archive' as const, archiveDir: '/done', quarantineDir: '/bad' };
    expect(plannedDisposition('processed', '/in/a', plan)).toEqual({ action: 'archive', done: false, location: '/in/a' });
    expect(plannedDisposition('duplicate', '/in/a', plan)).toEqual({ action: 'archive', done: false, location: '/in/a' });
    expect(plannedDisposition('failed', '/in/a', plan)).toEqual({ action: 'quarantine', done: false, location: '/in/a' });
    expect(plannedDisposition('failed', '/in/a', { afterProcessing: 'delete' })).toEqual({ action: 'leave', done: true, location: '/in/a' });
    expect(plannedDisposition('processed', '/in/a', { afterProcessing: 'leave' })).toEqual({ action: 'leave', done: true, location: '/in/a' });
  });
});
