import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { importGraph, type ImportSummary } from '../../server/ingest/importer.js';
import { countByPrefix, deleteByPrefix, testDb, type TestDb } from '../helpers/db.js';
import { messyEdges, messyNodes } from '../helpers/importFiles.js';

const root = path.resolve(import.meta.dirname, '../..');
let t: TestDb;
const prefixes: string[] = [];
let n = 0;
/** A unique id prefix per test; everything under it is deleted afterwards. */
const prefix = () => {
  const p = `T${Date.now()}${process.pid}x${n++}`;
  prefixes.push(p);
  return p;
};

beforeAll(async () => {
  t = await testDb();
});

afterAll(async () => {
  if (!t) return;
  for (const p of prefixes) await deleteByPrefix(t.db, p);
  await t.close();
});

const GOOD_NODES = (P: string) => [`${P}-AG`, `${P}-L1`, `${P}-R3`, `${P}-S1`, `${P}-S2`];

function expectMessyErrors(s: ImportSummary) {
  const got = s.errors.map((e) => `${e.file}:${e.line}`);
  expect(got).toEqual(['nodes.csv:7', 'nodes.csv:8', 'nodes.csv:9', 'nodes.csv:10', 'nodes.csv:14', 'edges.csv:2', 'edges.csv:3', 'edges.csv:7']);
  const reason = (file: string, line: number) => s.errors.find((e) => e.file === file && e.line === line)!.reason;
  expect(reason('nodes.csv', 7)).toMatch(/Unknown entity type "Spaceship"; known: Subject, OCG/);
  expect(reason('nodes.csv', 8)).toMatch(/sourceEvaluation/);
  expect(reason('nodes.csv', 9)).toMatch(/Handling code C needs its conditions/);
  expect(reason('nodes.csv', 10)).toMatch(/2099-01-01 is in the future/);
  expect(reason('nodes.csv', 14)).toMatch(/17 columns but the header has 15/);
  expect(reason('edges.csv', 2)).toMatch(/cannot join an entity to itself/);
  expect(reason('edges.csv', 3)).toMatch(/GHOST.*neither in the file nor in the graph/);
  expect(reason('edges.csv', 7)).toMatch(/S3 is not imported: its row was rejected \(nodes\.csv line 10\)/);
  expect(s.rejected).toBe(8);
  expect(s.duplicates).toBe(2);
  expect(s.read).toBe(11 + 7);
}

const ids = async (P: string) =>
  (await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id ORDER BY id', { p: P }))).map((r) => r.id);

// Generous timeouts: these talk to a real database that other test files share.
describe('importGraph', { timeout: 120_000 }, () => {
  it('reports every bad row of a messy CSV with its line number and writes nothing', async () => {
    const P = prefix();
    const s = await importGraph(t.db, { nodes: messyNodes(P), edges: messyEdges(P), names: { nodes: 'nodes.csv', edges: 'edges.csv' } });
    expectMessyErrors(s);
    expect(s.written).toBe(false);
    expect(s.created).toBe(0);
    expect(await countByPrefix(t.db, P)).toEqual({ nodes: 0, rels: 0 });
  });

  it('with keepGood writes exactly the good rows; re-importing is a no-op', async () => {
    const P = prefix();
    const input = () => ({ nodes: messyNodes(P), edges: messyEdges(P), names: { nodes: 'nodes.csv', edges: 'edges.csv' } });
    const progress: string[] = [];
    const s = await importGraph(t.db, input(), { keepGood: true, batchSize: 2, onProgress: (d, total, phase) => progress.push(`${phase}:${d}/${total}`) });
    expectMessyErrors(s);
    expect(s.written).toBe(true);
    expect(s.nodes).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect(s.edges).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(progress).toContain('nodes:5/5');
    expect(progress).toContain('edges:3/3');
    expect(await ids(P)).toEqual(GOOD_NODES(P));
    const before = await countByPrefix(t.db, P);
    expect(before).toEqual({ nodes: 5, rels: 3 });

    const [s1] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.label AS label, n.surname AS surname', { id: `${P}-S1` }));
    expect(s1).toEqual({ label: 'Zoë  Brontë', surname: 'Brontë' });
    const [r3] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.text AS text, n.handlingConditions AS hc', { id: `${P}-R3` }));
    expect(r3).toEqual({ text: 'First line\nsecond line, with a comma', hc: ['C1', 'C4'] });
    const [l1] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.address AS address, n.lat AS lat', { id: `${P}-L1` }));
    expect(l1).toEqual({ address: "1 Rue de l'Église, Birmingham", lat: 52.48 });
    const [rel] = await t.db.read(cypher('MATCH (:Entity {id: $a})-[r:ASSOCIATE_OF]->(:Entity {id: $b}) RETURN r.reportIds AS reportIds, r.strength AS strength', { a: `${P}-S1`, b: `${P}-S2` }));
    expect(rel).toEqual({ reportIds: [`${P}-R3`], strength: 1 });

    const again = await importGraph(t.db, input(), { keepGood: true });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBe(8);
    expect(await countByPrefix(t.db, P)).toEqual(before);

    const dry = await importGraph(t.db, input(), { keepGood: true, dryRun: true });
    expect(dry).toMatchObject({ created: 0, updated: 0, unchanged: 8, written: false, dryRun: true });
  });

  it('reads tab-, semicolon- and pipe-separated files as well as commas (delimiter from the header line)', async () => {
    for (const d of ['\t', ';', '|']) {
      const P = prefix();
      const nodes = [['id', 'type', 'label', 'agency'], [`${P}-AG`, 'Agency', `Agency ${P}`, `${P}-AG`], [`${P}-S1`, 'Subject', 'Ann, Smith', `${P}-AG`], [`${P}-S2`, 'Subject', 'Bob', `${P}-AG`]]
        .map((r) => r.map((v) => (v.includes(d) || v.includes(',') ? `"${v}"` : v)).join(d)).join('\n');
      const edges = [['source', 'target', 'type', 'count', 'agency'], [`${P}-S2`, `${P}-S1`, 'ASSOCIATE_OF', '12', `${P}-AG`]].map((r) => r.join(d)).join('\n');
      const s = await importGraph(t.db, { nodes, edges });
      expect(s.errors, JSON.stringify(d)).toEqual([]);
      expect(s).toMatchObject({ read: 4, created: 4, rejected: 0 });
      const [row] = await t.db.read(cypher('MATCH (a:Entity {id: $a})-[r:ASSOCIATE_OF]->(b:Entity {id: $b}) RETURN r.count AS count, b.label AS label', { a: `${P}-S1`, b: `${P}-S2` }));
      expect(row).toEqual({ count: 12, label: 'Bob' });
      const [ann] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.label AS label', { id: `${P}-S1` }));
      expect(ann!.label).toBe('Ann, Smith');
    }
  });

  it('dryRun validates and counts but writes nothing', async () => {
    const P = prefix();
    const s = await importGraph(t.db, { nodes: messyNodes(P), edges: messyEdges(P), names: { nodes: 'nodes.csv', edges: 'edges.csv' } }, { dryRun: true, keepGood: true });
    expectMessyErrors(s);
    expect(s).toMatchObject({ created: 8, updated: 0, unchanged: 0, written: false, dryRun: true });
    expect(await countByPrefix(t.db, P)).toEqual({ nodes: 0, rels: 0 });
  });

  it('imports JSON ({nodes, edges} and a bare array of nodes), reporting items by index', async () => {
    const P = prefix();
    const graph = {
      nodes: [
        { id: `${P}-AG`, type: 'Agency', label: 'Agency', agency: `${P}-AG` },
        { id: `${P}-V1`, type: 'Vehicle', vrm: 'BX19 KLM', make: 'Ford', agency: `${P}-AG` },
        { id: `${P}-P1`, type: 'Phone', props: { number: '07700 900123' }, markings: { agency: `${P}-AG`, classification: 'OFFICIAL-SENSITIVE' } },
        { id: `${P}-S1`, type: 'Subject', label: 'José Muñoz', forename: 'José', aliases: ['Pepe', 'Joe'], agency: `${P}-AG` },
        { id: `${P}-X`, type: 'Subject', label: 'Bad', gender: 'ROBOT', agency: `${P}-AG` },
      ],
      edges: [
        { source: `${P}-S1`, target: `${P}-V1`, type: 'USES_VEHICLE', agency: `${P}-AG` },
        { source: `${P}-S1`, target: `${P}-P1`, type: 'USES_PHONE', from: '2024-01-01', agency: `${P}-AG` },
        { source: `${P}-P1`, target: `${P}-S1`, type: 'CALLS', count: 3, agency: `${P}-AG` },
      ],
    };
    const s = await importGraph(t.db, { json: JSON.stringify(graph), names: { json: 'data.json' } }, { keepGood: true });
    expect(s.errors).toEqual([
      { file: 'data.json nodes', line: 5, unit: 'item', reason: expect.stringMatching(/gender/) },
      { file: 'data.json edges', line: 3, unit: 'item', reason: expect.stringMatching(/cannot join a Phone to a Subject/) },
    ]);
    expect(s.nodes.created).toBe(4);
    expect(s.edges.created).toBe(2);
    const [p1] = await t.db.read(cypher('MATCH (n:Phone {id: $id}) RETURN n.label AS label, n.classification AS c', { id: `${P}-P1` }));
    expect(p1).toEqual({ label: '07700 900123', c: 'OFFICIAL-SENSITIVE' });
    const [s1] = await t.db.read(cypher('MATCH (n:Subject {id: $id}) RETURN n.aliases AS aliases', { id: `${P}-S1` }));
    expect(s1!.aliases).toEqual(['Pepe', 'Joe']);

    // A bare array of nodes, as an already parsed value; agency from defaultAgency.
    const arr = await importGraph(t.db, { json: [{ id: `${P}-V2`, type: 'Vehicle', vrm: 'YK70 ABC' }] }, { defaultAgency: `${P}-AG` });
    expect(arr).toMatchObject({ created: 1, rejected: 0 });
    const bad = await importGraph(t.db, { json: '{"nodes": [', names: { json: 'broken.json' } });
    expect(bad.rejected).toBe(1);
    expect(bad.errors[0]!.reason).toMatch(/not valid JSON/);
  });

  it('rejects conflicting duplicates with both lines, type clashes with the graph and unknown agencies', async () => {
    const P = prefix();
    const nodes = [
      'id,type,label,agency',
      `${P}-AG,Agency,Agency,${P}-AG`,
      `${P}-S1,Subject,First version,${P}-AG`,
      `${P}-S1,Subject,Second version,${P}-AG`,
      `${P}-S9,Subject,Nobody's,AG-${P}-NOPE`,
    ].join('\n');
    const s = await importGraph(t.db, { nodes, names: { nodes: 'n.csv' } });
    expect(s.errors.map((e) => [e.line, e.reason])).toEqual([
      [3, expect.stringMatching(/given again at n\.csv line 4 with different content/)],
      [4, expect.stringMatching(/already given at n\.csv line 3 with different content/)],
      [5, expect.stringMatching(/unknown agency/)],
    ]);
    await importGraph(t.db, { nodes: `id,type,label,vrm,agency\n${P}-AG,Agency,Agency,,${P}-AG\n${P}-V1,Vehicle,,AB12 CDE,${P}-AG` });
    const clash = await importGraph(t.db, { nodes: `id,type,label,agency\n${P}-V1,Subject,Not a car,${P}-AG`, names: { nodes: 'n.csv' } });
    expect(clash.errors[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/already exists in the graph as a Vehicle/) });
  });

  it('reads one-shot streams (rows kept for the write pass) and writes in batches', async () => {
    const P = prefix();
    const lines = [`id,type,label,vrm,agency`, `${P}-AG,Agency,Agency,,${P}-AG`];
    for (let i = 0; i < 120; i++) lines.push(`${P}-V${i},Vehicle,,AB${String(i).padStart(2, '0')} XYZ,${P}-AG`);
    const text = lines.join('\n');
    const chunks = text.match(/[\s\S]{1,97}/g)!.map((c) => Buffer.from(c));
    const s = await importGraph(t.db, { nodes: Readable.from(chunks) }, { batchSize: 50 });
    expect(s).toMatchObject({ read: 121, created: 121, rejected: 0 });
    expect((await countByPrefix(t.db, P)).nodes).toBe(121);
  });
});

describe('import CLI', { timeout: 240_000 }, () => {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const runCli = (args: string[]) =>
    spawnSync(tsx, ['server/cli/import.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...t.env },
      timeout: 120000,
    });

  it('prints a parseable JSON summary and exits 1 when rows were rejected', async () => {
    const P = prefix();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'nodes.csv'), messyNodes(P));
      fs.writeFileSync(path.join(dir, 'edges.csv'), messyEdges(P));
      const r = runCli(['--json', '--nodes', path.join(dir, 'nodes.csv'), '--edges', path.join(dir, 'edges.csv')]);
      expect(r.status, r.stderr).toBe(1);
      const summary = JSON.parse(r.stdout) as ImportSummary;
      expect(summary).toMatchObject({ read: 18, created: 0, updated: 0, rejected: 8 });
      expect(summary.errors.map((e) => e.line)).toEqual([7, 8, 9, 10, 14, 2, 3, 7]);
      expect(await countByPrefix(t.db, P)).toEqual({ nodes: 0, rels: 0 });

      const good = path.join(dir, 'good.json');
      fs.writeFileSync(good, JSON.stringify({ nodes: [{ id: `${P}-AG`, type: 'Agency', label: 'A', agency: `${P}-AG` }] }));
      const ok = runCli(['--file', good]);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/1 created/);

      const missing = runCli(['--nodes', path.join(dir, 'nope.csv')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/File not found/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
