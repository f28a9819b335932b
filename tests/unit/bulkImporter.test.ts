import { describe, expect, it } from 'vitest';
import { importerHeap, importerOutputReader } from '../../server/db/bulkLoad.js';

// The shape of `neo4j-admin database import full --verbose` output (Neo4j 5.26), as printed on a
// million-record load: a warning without its line end, progress bars, and each step's timing.
const TRANSCRIPT = [
  'Import starting 2026-12-07 08:20:01.100+0000',
  '  Estimated number of nodes: 1.01 M',
  'WARNING: heap size 1.000GiB may be too small to complete this import. Suggested heap size is 1.001GiBNodes, started 2026-12-07 08:20:02.000+0000',
  '[*Nodes:0B/s 1.004GiB--------------------------------------]    0 ∆    0',
  'Done in 17s 854ms',
  'Prepare node index, started 2026-12-07 08:20:20.000+0000',
  'Done in 870ms',
  'Relationships, started 2026-12-07 08:20:21.000+0000',
  '[*Relationships:?? 1.004GiB------------------------------]10.0K ∆10.0K',
  'Done in 18s 949ms',
  'Node Degrees, started 2026-12-07 08:20:40.000+0000',
  'Done in 1m 2s',
  'IMPORT DONE in 40s 128ms. ',
  '',
].join('\n');

describe("reading the batch importer's output", () => {
  it('logs the warning and each step of a second or more, and reports progress through the steps, however the output is cut', () => {
    for (const cut of [1, 7, 64, TRANSCRIPT.length]) {
      const log: string[] = [];
      const progress: [string, number][] = [];
      const read = importerOutputReader((l) => log.push(l), (s, p) => progress.push([s, p]));
      for (let i = 0; i < TRANSCRIPT.length; i += cut) read(TRANSCRIPT.slice(i, i + cut));
      expect(log).toEqual([
        'importer: WARNING: heap size 1.000GiB may be too small to complete this import. Suggested heap size is 1.001GiB',
        'importer: Nodes took 17s 854ms',
        'importer: Relationships took 18s 949ms',
        'importer: Node Degrees took 1m 2s',
      ]);
      expect(progress.map(([s]) => s)).toEqual(['Nodes', 'Prepare node index', 'Relationships', 'Node Degrees']);
      const pct = progress.map(([, p]) => p);
      expect(pct[0]).toBe(0);
      for (let i = 1; i < pct.length; i++) expect(pct[i]).toBeGreaterThan(pct[i - 1]!);
      expect(Math.max(...pct)).toBeLessThan(100);
    }
  });

  it('reads the non-verbose percentages too', () => {
    const progress: [string, number][] = [];
    const read = importerOutputReader(() => {}, (s, p) => progress.push([s, p]));
    read('(2/4) Relationship import 2026-12-06 11:00:00.000+0000\n.......... .......... ..........  45% ∆12ms [3s]\n');
    expect(progress).toEqual([['2/4 Relationship import', 45]]);
  });

  it("gives the importer at least 2 GiB of heap, or NEO4J_HEAP when that is more", () => {
    expect(importerHeap(undefined)).toBe('2048m');
    expect(importerHeap('1g')).toBe('2048m');
    expect(importerHeap('768m')).toBe('2048m');
    expect(importerHeap('4g')).toBe('4096m');
    expect(importerHeap('3000M')).toBe('3000m');
  });
});
