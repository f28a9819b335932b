import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { cypher, Db } from '../../server/db/db.js';
import { freePort, startLocalNeo4j } from '../../server/db/localNeo4j.js';
import { migrate } from '../../server/db/migrate.js';
import { TEST_NEO4J_SETTINGS } from './neo4jSettings.js';

/**
 * A migrated database for a test file: the run's shared one (NEO4J_URI or the global setup's),
 * else a throw-away local Neo4j started for this file only.
 */
export interface TestDb {
  db: Db;
  /** Connection settings for child processes (CLIs) under test. */
  env: { NEO4J_URI: string; NEO4J_USER: string; NEO4J_PASSWORD: string };
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export async function testDb(): Promise<TestDb> {
  let provided: { uri: string; user: string; password: string } | undefined;
  try {
    provided = inject('neo4j');
  } catch {
    provided = undefined;
  }
  let uri = process.env.NEO4J_URI || provided?.uri;
  let user = process.env.NEO4J_USER || provided?.user || 'neo4j';
  let password = process.env.NEO4J_PASSWORD || provided?.password || '';
  let stop = async () => {};
  if (!uri) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-graph-testdb-'));
    const neo = await startLocalNeo4j({
      projectRoot: root, home, boltPort: await freePort(), heap: '1g', pagecacheMiB: 256, txTimeoutSeconds: 120, startTimeoutMs: 240000,
      settings: TEST_NEO4J_SETTINGS,
    });
    ({ uri, user, password } = neo);
    stop = async () => {
      await neo.stop();
      fs.rmSync(home, { recursive: true, force: true });
    };
  }
  const db = Db.connect(uri, user, password, { queryTimeoutMs: 30000 });
  try {
    await db.verify(120000);
    await migrate(db, path.join(root, 'cypher/schema'));
  } catch (e) {
    await db.close();
    await stop();
    throw e;
  }
  return {
    db,
    env: { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
    async close() {
      await db.close();
      await stop();
    },
  };
}

/** Removes every entity (and its links) whose id starts with the prefix. */
export async function deleteByPrefix(db: Db, prefix: string): Promise<void> {
  await db.write(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: prefix }));
}

/** Entities and relationships (either end) whose ids start with the prefix. */
export async function countByPrefix(db: Db, prefix: string): Promise<{ nodes: number; rels: number }> {
  const [row] = await db.read(cypher(
    'MATCH (n:Entity) WHERE n.id STARTS WITH $p ' +
    'OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels',
    { p: prefix },
  ));
  return { nodes: row!.nodes as number, rels: row!.rels as number };
}

export interface Fingerprint {
  nodes: number;
  rels: number;
  /** One sorted line per node and relationship: identity, then a hash of its labels or type and properties. */
  lines: string[];
}

const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;

/**
 * The exact state of the entities whose ids start with the prefix (plus any listed ids) and of every
 * relationship touching them, so "the graph is as before" can be asserted. `ignore` drops properties
 * that legitimately differ between two equal imports (createdAt, updatedAt).
 */
export async function fingerprintByPrefix(db: Db, prefix: string, opts: { ids?: string[]; ignore?: string[] } = {}): Promise<Fingerprint> {
  const ignore = new Set(opts.ignore ?? []);
  const ids = opts.ids ?? [];
  const digest = (labels: unknown, props: Record<string, unknown>) =>
    createHash('sha1').update(JSON.stringify(canonical({ labels, props: Object.fromEntries(Object.entries(props).filter(([k]) => !ignore.has(k))) }))).digest('base64url');
  const nodes = await db.read(cypher(
    'MATCH (n:Entity) WHERE n.id STARTS WITH $p OR n.id IN $ids RETURN n.id AS id, labels(n) AS labels, properties(n) AS props',
    { p: prefix, ids },
  ));
  const rels = await db.read(cypher(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH $p OR a.id IN $ids RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props ' +
    'UNION MATCH (a:Entity)-[r]->(b:Entity) WHERE b.id STARTS WITH $p OR b.id IN $ids RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props',
    { p: prefix, ids },
  ));
  const lines = [
    ...nodes.map((n) => `node ${n.id} ${digest([...(n.labels as string[])].sort(), n.props as Record<string, unknown>)}`),
    ...rels.map((r) => `rel ${r.a} -${r.type}-> ${r.b} ${digest(r.type, r.props as Record<string, unknown>)}`),
  ].sort();
  return { nodes: nodes.length, rels: rels.length, lines };
}
