import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, Db } from '../../server/db/db.js';
import { localStoreState } from '../../server/db/bulkLoad.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/db/localNeo4j.js';
import { migrate } from '../../server/db/migrate.js';
import { importGraph, type ImportSummary } from '../../server/ingest/importer.js';
import { generateSeed } from '../../seed/generate.js';
import { seedDatabase } from '../../seed/seed.js';
import { deleteByPrefix, testDb, type TestDb } from '../helpers/db.js';
import { messyEdges, messyNodes } from '../helpers/importFiles.js';

/**
 * The bulk path (Neo4j's batch importer into an empty store) against the transactional path: the
 * stores they make are the same record by record, with each value's type; a load killed at any
 * moment never leaves a store that opens half-built, and the next load finishes it.
 */
const root = path.resolve(import.meta.dirname, '../..');
const schemaDir = path.join(root, 'cypher/schema');
// The script runs in this process's node (tsx's own launcher would put it in a child that a kill misses).
const node = (args: string[]) => [process.execPath, ['--import', 'tsx', ...args]] as const;
const dirs: string[] = [];
const opened: { neo: LocalNeo4j; db: Db }[] = [];
let shared: TestDb;

beforeAll(async () => {
  shared = await testDb();
});
afterAll(async () => {
  for (const o of opened) {
    await o.db.close().catch(() => {});
    await o.neo.stop().catch(() => {});
  }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await shared?.close();
});

const tmp = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `ig-bulk-${name}-`));
  dirs.push(d);
  return d;
};

async function open(dataDir: string): Promise<Db> {
  const neo = await startLocalNeo4j({
    projectRoot: root, home: path.join(dataDir, 'neo4j'), boltPort: await freePort(), heap: '768m', pagecacheMiB: 128, txTimeoutSeconds: 120, startTimeoutMs: 240_000,
  });
  const db = Db.connect(neo.uri, neo.user, neo.password, { queryTimeoutMs: 120_000 });
  opened.push({ neo, db });
  await migrate(db.bulk({ timeoutMs: 600_000, retryForMs: 60_000 }), schemaDir);
  return db;
}

async function close(db: Db): Promise<void> {
  const i = opened.findIndex((o) => o.db === db);
  const [o] = opened.splice(i, 1);
  await o!.db.close();
  await o!.neo.stop();
}

/**
 * Every entity and link with its labels or type, ends, and each property with its stored type
 * (valueType): the times a write was made at are compared only for their type.
 */
async function dump(db: Db, prefix = '') {
  const props = (v: string) => `[k IN keys(${v}) | [k, valueType(${v}[k]), CASE WHEN k IN ['createdAt', 'updatedAt'] THEN null ELSE ${v}[k] END]]`;
  const sortProps = (p: unknown) => (p as [string, string, unknown][]).sort((a, b) => a[0].localeCompare(b[0]));
  const nodes = (await db.read(cypher(
    `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id, labels(n) AS labels, ${props('n')} AS props ORDER BY id`, { prefix },
  ))).map((r) => ({ id: r.id, labels: (r.labels as string[]).sort(), props: sortProps(r.props) }));
  const links = (await db.read(cypher(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id IS NOT NULL AND a.id STARTS WITH $prefix RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, ${props('r')} AS props ORDER BY id`, { prefix },
  ))).map((r) => ({ ...r, props: sortProps(r.props) }));
  return { nodes, links };
}

const SEED_STAGES = { comms: false, impacts: false, demoUsers: false } as const;

describe('bulk seed', { timeout: 600_000 }, () => {
  // A different data set on every run (the generator's seed), named in any failure.
  const seed = 2 + (Date.now() % 5000);

  it(`a load killed while writing its files or while the importer runs leaves a store that refuses to open; the next load finishes it and stores what the transactional seed stores, each value with its type, and re-seeding through transactions finds every record unchanged (generator seed ${seed})`, async () => {
    const txDir = tmp('tx');
    const dataDir = tmp('kill');
    const home = path.join(dataDir, 'neo4j');
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? os.homedir(), DATA_DIR: dataDir, NEO4J_HEAP: '768m', NEO4J_BOLT_PORT: String(await freePort()) };
    // Runs the seed until `ready` holds, then kills it (SIGKILL: no clean-up of any kind) `extraMs` later.
    const runUntil = (ready: (out: string) => boolean, extraMs: number) => new Promise<string>((resolve, reject) => {
      const child = spawn(...node(['server/cli/seed.ts', '--size', 'demo', '--seed', String(seed)]), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d; });
      child.stderr.on('data', (d: Buffer) => { out += d; });
      const poll = setInterval(() => {
        if (!ready(out)) return;
        clearInterval(poll);
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }, 10);
      child.on('exit', (code, signal) => {
        clearInterval(poll);
        if (signal === 'SIGKILL') resolve(out);
        else reject(new Error(`expected to kill the load, but it ended (${code}):\n${out}`));
      });
    });
    const marker = path.join(home, 'bulk-load.json');
    const importerAlive = () => spawnSync('pgrep', ['-f', `${dataDir}/bulk-load`]).status === 0;

    // Killed at a moment while its files are being written, then at one while the importer runs.
    await runUntil(() => fs.existsSync(marker), Math.floor(Math.random() * 800));
    expect(localStoreState(home)).toBe('interrupted');
    await runUntil((out) => /Bulk loading [\d,]+ entities/.test(out), 500 + Math.floor(Math.random() * 2500));
    expect(localStoreState(home)).toBe('interrupted');
    // The importer stops with its owner: nothing goes on writing the store.
    await expect.poll(importerAlive, { timeout: 15_000 }).toBe(false);
    await expect(startLocalNeo4j({
      projectRoot: root, home, boltPort: await freePort(), heap: '512m', pagecacheMiB: 64, txTimeoutSeconds: 30, startTimeoutMs: 120_000,
    })).rejects.toThrow(/was being bulk loaded when that load stopped, so it is incomplete\. Run npm run seed -- --size demo --seed \d+ again/);

    const done = spawnSync(...node(['server/cli/seed.ts', '--size', 'demo', '--seed', String(seed), '--json', '--data-only']), { cwd: root, env, encoding: 'utf8', timeout: 540_000 });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/left by an interrupted bulk load: loading it again from the start/);
    const result = JSON.parse(done.stdout) as { bulk: boolean; entities: { created: number }; links: { created: number } };
    expect(result.bulk).toBe(true);
    let expected = 0;
    for (const b of generateSeed({ size: 'demo', seed })) expected += b.entities.length;
    expect(result.entities.created).toBe(expected);
    expect(localStoreState(home)).toBe('present');
    const [bulk, tx] = await Promise.all([open(dataDir), open(txDir)]);
    const [{ n }] = await bulk.read(cypher('MATCH (e:Entity) RETURN count(e) AS n'));
    expect(n).toBe(expected);
    const [{ run }] = await bulk.read(cypher("MATCH (s:SeedRun) RETURN s.status + ':' + s.loadedBy AS run"));
    expect(run).toBe('complete:bulk');

    // The same data set through transactions into an empty store: the same records, value types included.
    const written = await seedDatabase(tx, { size: 'demo', seed, ...SEED_STAGES });
    expect(written.entities.created).toBe(expected);
    expect(written.links.created).toBe(result.links.created);
    const [a, b] = await Promise.all([dump(bulk), dump(tx)]);
    expect(a.nodes).toHaveLength(expected);
    expect(a.links).toHaveLength(result.links.created);
    // Empty lists are no property on either path; a located record has its point; every type matches.
    expect(a.nodes.some((x) => x.props.some(([k, t]) => k === 'point' && /POINT/.test(t as string)))).toBe(true);
    expect(a.nodes.some((x) => x.props.some(([k, t]) => k === 'compartments' && /LIST<STRING/.test(t as string)))).toBe(true);
    expect(a).toEqual(b);
    // What the importer adds to every record (not in the files): one creation time, as the update time, not archived.
    for (const match of ['MATCH (x:Entity)', 'MATCH (:Entity)-[x]->(:Entity) WHERE x.id IS NOT NULL']) {
      const [stamps] = await bulk.read(cypher(
        `${match} RETURN count(DISTINCT x.createdAt) AS times, count(x) AS n, sum(CASE WHEN x.updatedAt = x.createdAt AND x.archived = false AND datetime(x.createdAt) <= datetime() THEN 1 ELSE 0 END) AS fresh`,
      ));
      expect(stamps).toEqual({ times: 1, n: match.includes('-[') ? result.links.created : expected, fresh: match.includes('-[') ? result.links.created : expected });
    }

    // The transactional path over the bulk-loaded store: nothing to write.
    const again = await seedDatabase(bulk, { size: 'demo', seed, ...SEED_STAGES });
    expect(again.entities).toEqual({ created: 0, updated: 0, unchanged: expected });
    expect(again.links).toEqual({ created: 0, updated: 0, unchanged: result.links.created });
    await Promise.all([close(bulk), close(tx)]);
  });
});

describe('bulk import', { timeout: 600_000 }, () => {
  it('an empty store takes the bulk path with the same rejections, counts and stored records as the transactional importer', async () => {
    const P = `BULK${Date.now()}`;
    const dataDir = tmp('import');
    const files = tmp('files');
    const nodes = path.join(files, 'nodes.csv');
    const edges = path.join(files, 'edges.csv');
    fs.writeFileSync(nodes, messyNodes(P));
    fs.writeFileSync(edges, messyEdges(P));
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? os.homedir(), DATA_DIR: dataDir, NEO4J_HEAP: '768m', NEO4J_BOLT_PORT: String(await freePort()) };
    const r = spawnSync(...node(['server/cli/import.ts', '--json', '--keep-good', '--nodes', nodes, '--edges', edges]), { cwd: root, env, encoding: 'utf8', timeout: 540_000 });
    expect(r.status, r.stderr).toBe(1); // rows were rejected; the good ones are written
    expect(r.stderr).toMatch(/is empty: the valid rows are loaded with Neo4j's batch importer/);
    const bulkSummary = JSON.parse(r.stdout) as ImportSummary & { elapsedMs?: number };
    delete bulkSummary.elapsedMs;

    // The same files through the transactional importer, into the suite's database.
    const txSummary = await importGraph(shared.db, { nodes: { path: nodes }, edges: { path: edges } }, { keepGood: true });
    try {
      expect(bulkSummary).toEqual(JSON.parse(JSON.stringify(txSummary)));
      expect(bulkSummary.nodes.created).toBeGreaterThan(0);
      expect(bulkSummary.errors.length).toBeGreaterThan(0);
      const db = await open(dataDir);
      const [a, b] = await Promise.all([dump(db, P), dump(shared.db, P)]);
      expect(a.nodes.length).toBe(bulkSummary.nodes.created);
      // The quoted multi-line report text and accented names come through unchanged.
      expect(JSON.stringify(a.nodes)).toMatch(/First line\\nsecond line, with a comma/);
      expect(a).toEqual(b);
      // The schema is in place on the bulk-loaded store.
      const [{ online }] = await db.read(cypher("SHOW INDEXES YIELD name, state WHERE name = 'entity_search' RETURN state = 'ONLINE' AS online"));
      expect(online).toBe(true);
      await close(db);
    } finally {
      await deleteByPrefix(shared.db, P);
    }
  });
});
