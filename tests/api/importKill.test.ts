import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import type { ImportSummary } from '../../server/ingest/importer.js';
import { deleteByPrefix, fingerprintByPrefix, testDb, type Fingerprint, type TestDb } from '../helpers/db.js';

/**
 * `npm run import` killed (SIGKILL, no clean-up of any kind) half-way through, then run again.
 *
 * What applies: every row is validated before anything is written, but the writes themselves are
 * committed in separate transactions of --batch-size rows, nodes first, then edges. A kill
 * therefore leaves whole batches behind (never part of one), with or without --keep-good: the
 * "nothing is written when a row is rejected" promise is about validation, not about crashes.
 * Running the same import again must then converge on exactly the graph an uninterrupted import
 * gives: rows already written are unchanged (same content hash) and the rest are written.
 */
const root = path.resolve(import.meta.dirname, '../..');
const P = `K${Date.now()}${process.pid}`;
const tsx = path.join(root, 'node_modules/.bin/tsx');
const BATCH = 150;
const SUBJECTS = Number(process.env.KILL_TEST_ROWS ?? 2000);
/** Rows near the middle of each file: the kill comes once they are written. */
const MIDDLE = `${P}-S${Math.floor(SUBJECTS / 2)}`;

let t: TestDb;
let dir: string;

beforeAll(async () => {
  t = await testDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-kill-'));
});

afterAll(async () => {
  if (t) {
    await deleteByPrefix(t.db, P);
    await t.close();
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Files { nodes: string; edges: string; goodNodes: number; goodEdges: number; badRows: number }

/**
 * Subjects, locations and graded reports; associations citing reports, addresses and mentions.
 * With `bad`, a few rows every kind of importer refuses are spread through both files.
 */
function writeFiles(name: string, bad: boolean): Files {
  const nodes = ['id,type,label,forename,surname,dob,address,lat,lon,text,sourceEvaluation,intelAssessment,handling,handlingConditions,agency'];
  const edges = ['source,target,type,kind,from,reportIds,agency'];
  const AG = `${P}-AG`;
  nodes.push(`${AG},Agency,Test force ${P},,,,,,,,,,,,${AG}`);
  const locations = Math.ceil(SUBJECTS / 10);
  const reports = Math.ceil(SUBJECTS / 20);
  let badRows = 0;
  for (let i = 0; i < SUBJECTS; i++) {
    nodes.push(`${P}-S${i},Subject,"Person ${i}, the ${i % 7}th",Fore${i},Sür${i % 97},19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10},,,,,,,,,${AG}`);
    if (i < locations) nodes.push(`${P}-L${i},Location,,,,,"${i} High Street, Town ${i % 13}",${(50 + (i % 400) / 100).toFixed(2)},${(-2 + (i % 300) / 100).toFixed(2)},,,,,,${AG}`);
    if (i < reports) nodes.push(`${P}-R${i},IntelligenceReport,,,,,,,,"Seen at ${i} High Street",${1 + (i % 3)},${'ABCDE'[i % 5]},${i % 4 ? 'P' : 'C'},${i % 4 ? '' : 'C1;C3'},${AG}`);
    if (bad && i % 500 === 250) {
      nodes.push(`${P}-BAD${i},Subject,Born later,,,2999-01-01,,,,,,,,,${AG}`);
      nodes.push(`${P}-BADR${i},IntelligenceReport,,,,,,,,Text,4,A,,,${AG}`);
      badRows += 2;
    }
  }
  for (let i = 0; i < SUBJECTS - 1; i++) {
    const cite = i % 3 === 0 ? `${P}-R${i % reports}` : '';
    edges.push(`${P}-S${i},${P}-S${(i * 7 + 1) % SUBJECTS === i ? i + 1 : (i * 7 + 1) % SUBJECTS},ASSOCIATE_OF,${i % 2 ? 'FAMILY' : 'BUSINESS'},20${10 + (i % 10)}-01-01,${cite},${AG}`);
    if (i < locations) edges.push(`${P}-S${i * 3},${P}-L${i},LIVES_AT,,,,${AG}`);
    if (i < reports) edges.push(`${P}-R${i},${P}-S${i * 11 % SUBJECTS},MENTIONS,,,,${AG}`);
    if (bad && i % 500 === 100) {
      edges.push(`${P}-S${i},${P}-S${i},ASSOCIATE_OF,,,,${AG}`);
      edges.push(`${P}-S${i},${P}-GHOST,ASSOCIATE_OF,,,,${AG}`);
      edges.push(`${P}-S${i},${P}-BAD250,ASSOCIATE_OF,,,,${AG}`);
      badRows += 3;
    }
  }
  const file = (kind: string, lines: string[]) => {
    const f = path.join(dir, `${name}-${kind}.csv`);
    fs.writeFileSync(f, `${lines.join('\n')}\n`);
    return f;
  };
  // Duplicate (source, type, target) pairs collapse into one link.
  const goodEdges = new Set(edges.slice(1).filter((l) => !/GHOST|BAD/.test(l)).map((l) => l.split(',').slice(0, 3).join(',')).filter((k) => k.split(',')[0] !== k.split(',')[1]));
  return { nodes: file('nodes', nodes), edges: file('edges', edges), goodNodes: 1 + SUBJECTS + locations + reports, goodEdges: goodEdges.size, badRows };
}

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

/** The CLI as an operator runs it; `killWhen` is polled and the whole process group killed once it holds. */
async function importCli(files: Files, opts: { keepGood: boolean; killWhen?: () => Promise<boolean> }): Promise<Run> {
  const started = Date.now();
  const args = ['server/cli/import.ts', '--json', '--batch-size', String(BATCH), '--nodes', files.nodes, '--edges', files.edges, ...(opts.keepGood ? ['--keep-good'] : [])];
  // Its own process group: tsx runs the script in a child process, and SIGKILL must reach both.
  const child = spawn(tsx, args, { cwd: root, env: { ...process.env, ...t.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  let done = false;
  void exited.then(() => { done = true; });
  if (opts.killWhen) {
    while (!done) {
      if (await opts.killWhen()) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone: the assertions on the outcome say so
        }
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const [code, signal] = await exited;
  return { code, signal, stdout, stderr, ms: Date.now() - started };
}

const exists = async (id: string) => (await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id })))[0]!.n === 1;
const linked = async (id: string) => (await t.db.read(cypher('MATCH (:Entity {id: $id})-[r]->() RETURN count(r) AS n', { id })))[0]!.n as number > 0;
const counts = async () => {
  const [n] = await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS n', { p: `${P}-` }));
  const [r] = await t.db.read(cypher('MATCH (n:Entity)-[r]->() WHERE n.id STARTS WITH $p RETURN count(r) AS n', { p: `${P}-` }));
  return { nodes: n!.n as number, rels: r!.n as number };
};
/** The graph under the prefix, without the timestamps that differ between two equal imports. */
const fingerprint = (): Promise<Fingerprint> => fingerprintByPrefix(t.db, `${P}-`, { ignore: ['createdAt', 'updatedAt'] });
const summary = (r: Run) => JSON.parse(r.stdout) as ImportSummary;

function expectSame(a: Fingerprint, b: Fingerprint) {
  expect({ nodes: a.nodes, rels: a.rels }).toEqual({ nodes: b.nodes, rels: b.rels });
  const left = new Set(a.lines);
  const right = new Set(b.lines);
  // The first few differences, not two lists of thousands of lines.
  expect({ onlyHere: a.lines.filter((l) => !right.has(l)).slice(0, 5), onlyThere: b.lines.filter((l) => !left.has(l)).slice(0, 5) }).toEqual({ onlyHere: [], onlyThere: [] });
}

describe('import killed half-way', { timeout: 600_000 }, () => {
  it('leaves whole batches only, and a re-run converges on the uninterrupted result', async () => {
    const clean = writeFiles('clean', false);
    const messy = writeFiles('messy', true);
    const timings: Record<string, number> = {};

    // The reference: one uninterrupted import of the valid rows.
    const ref = await importCli(clean, { keepGood: false });
    timings.uninterrupted = ref.ms;
    expect(ref.code, ref.stderr).toBe(0);
    expect(summary(ref)).toMatchObject({ rejected: 0, nodes: { created: clean.goodNodes }, edges: { created: clean.goodEdges } });
    const reference = await fingerprint();
    expect(reference).toMatchObject({ nodes: clean.goodNodes, rels: clean.goodEdges });

    // --keep-good with rejected rows: killed while writing nodes, then while writing edges, then completed.
    await deleteByPrefix(t.db, `${P}-`);
    const k1 = await importCli(messy, { keepGood: true, killWhen: () => exists(MIDDLE) });
    timings.killedInNodes = k1.ms;
    expect(k1.signal, `the import finished before it could be killed: ${k1.stdout}`).toBe('SIGKILL');
    const afterK1 = await counts();
    expect(afterK1.nodes).toBeGreaterThan(0);
    expect(afterK1.nodes).toBeLessThan(messy.goodNodes);
    expect(afterK1.nodes % BATCH, 'only whole batches are committed').toBe(0);
    expect(afterK1.rels).toBe(0);

    const k2 = await importCli(messy, { keepGood: true, killWhen: () => linked(MIDDLE) });
    timings.killedInEdges = k2.ms;
    expect(k2.signal, `the import finished before it could be killed: ${k2.stdout}`).toBe('SIGKILL');
    const afterK2 = await counts();
    expect(afterK2.nodes).toBe(messy.goodNodes);
    expect(afterK2.rels).toBeGreaterThan(0);
    expect(afterK2.rels).toBeLessThan(messy.goodEdges);
    expect(afterK2.rels % BATCH, 'only whole batches are committed').toBe(0);

    const k3 = await importCli(messy, { keepGood: true });
    timings.resumedToEnd = k3.ms;
    expect(k3.code, k3.stderr).toBe(1); // rows were rejected
    const s3 = summary(k3);
    expect(s3.rejected).toBe(messy.badRows);
    expect(s3.written).toBe(true);
    expect(s3.nodes).toMatchObject({ created: 0, updated: 0, unchanged: messy.goodNodes });
    expect(s3.edges).toMatchObject({ created: messy.goodEdges - afterK2.rels, updated: 0, unchanged: afterK2.rels });
    expectSame(await fingerprint(), reference);

    // Without --keep-good, a valid file killed while writing: what was committed stays, and a re-run completes it.
    await deleteByPrefix(t.db, `${P}-`);
    const k4 = await importCli(clean, { keepGood: false, killWhen: () => exists(MIDDLE) });
    timings.killedPlain = k4.ms;
    expect(k4.signal, `the import finished before it could be killed: ${k4.stdout}`).toBe('SIGKILL');
    const afterK4 = await counts();
    expect(afterK4.nodes).toBeGreaterThan(0);
    expect(afterK4.nodes).toBeLessThan(clean.goodNodes);
    const k5 = await importCli(clean, { keepGood: false });
    timings.resumedPlain = k5.ms;
    expect(k5.code, k5.stderr).toBe(0);
    expect(summary(k5).nodes).toMatchObject({ created: clean.goodNodes - afterK4.nodes, unchanged: afterK4.nodes });
    expectSame(await fingerprint(), reference);

    console.info(`import kill (${clean.goodNodes} nodes, ${clean.goodEdges} links, batches of ${BATCH}):`, JSON.stringify({ ...timings, afterK1, afterK2, afterK4 }));
  });
});
