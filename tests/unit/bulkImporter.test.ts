import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulkFiles, importerHeap, importerOutputReader, mergeInputs, readBufferSize } from '../../server/db/bulkLoad.js';

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

  it('leaves the creation properties out of the files and names the one time the load creates its records at', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
    const at = '2026-01-01T00:00:00.000Z';
    try {
      const files = new BulkFiles(path.join(dir, 'a'));
      await files.addEntity({ id: 'S-1', type: 'Subject', hash: 'h1', props: { label: 'A' } }, at);
      await files.addLink({ id: 'L-1', type: 'ASSOCIATE_OF', source: 'S-1', target: 'S-1', hash: 'h2', props: {} }, at);
      expect(() => files.addEntity({ id: 'S-2', type: 'Subject', hash: 'h3', props: { label: 'B' } }, '2026-01-02T00:00:00.000Z')).toThrow(/one time/);
      const a = await files.close();
      expect(a.createdAt).toBe(at);
      const headers = a.args.map((x) => fs.readFileSync(x.split('=').at(-1)!.split(',')[0]!, 'utf8'));
      expect(headers.join('')).toMatch(/contentHash:string/);
      expect(headers.join('')).not.toMatch(/createdAt|updatedAt|archived/);
      const empty = await new BulkFiles(path.join(dir, 'b')).close();
      expect(empty.createdAt).toBeNull();
      expect(mergeInputs([empty, a]).createdAt).toBe(at);
      expect(() => mergeInputs([a, { ...a, createdAt: '2026-01-02T00:00:00.000Z' }])).toThrow(/one time/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads with a 1 MiB buffer, doubled until it holds twice the longest row written', async () => {
    expect(readBufferSize(0)).toBe(1 << 20);
    expect(readBufferSize(300_000)).toBe(1 << 20);
    expect(readBufferSize(600_000)).toBe(2 << 20);
    expect(readBufferSize(5_000_000)).toBe(16 << 20);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-files-'));
    try {
      const files = new BulkFiles(path.join(dir, 'a'));
      const text = 'x'.repeat(700_000);
      await files.addEntity({ id: 'S-1', type: 'Subject', hash: 'h', props: { label: 'short' } }, '2026-01-01T00:00:00.000Z');
      await files.addEntity({ id: 'R-1', type: 'IntelligenceReport', hash: 'h', props: { text } }, '2026-01-01T00:00:00.000Z');
      const a = await files.close();
      const b = await new BulkFiles(path.join(dir, 'b')).close();
      const merged = mergeInputs([b, a]);
      expect(merged.longest).toBeGreaterThan(text.length);
      expect(merged.longest).toBeLessThan(text.length + 200);
      expect(readBufferSize(merged.longest)).toBe(2 << 20);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
