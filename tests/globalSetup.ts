import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../server/config.js';
import { Db } from '../server/db/db.js';
import { freePort, startLocalNeo4j } from '../server/db/localNeo4j.js';
import { migrate } from '../server/db/migrate.js';

/**
 * The databases for the run. NEO4J_URI, if set, serves every project, and the noninterference
 * project then runs after the others (vitest.config.ts). Otherwise the suite's files share one
 * database and the noninterference project gets one of its own, so that it can run beside them
 * while nothing else writes between the two worlds of a pair: each from Testcontainers when a
 * Docker engine answers, else from the local launcher on a free port with a throw-away data folder.
 *
 * Vitest calls this once per project (and once for the root project, which has no files of its
 * own and needs nothing). The shared database is started by the first call that needs it and
 * handed to the others through the environment.
 */
function dockerAnswers(): boolean {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 5000 });
  return r.status === 0 && !!r.stdout.trim();
}

/** Set when this run started the shared database (so NEO4J_URI is ours, not the user's). */
const STARTED = 'INTEL_GRAPH_TESTS_STARTED_NEO4J';

export default async function setup(project: TestProject) {
  if (project.isRootProject()) return undefined;
  const root = path.resolve(import.meta.dirname, '..');
  const stops: (() => Promise<void>)[] = [];
  const own = project.name === 'noninterference' && (!process.env.NEO4J_URI || process.env[STARTED] === '1');
  let uri = own ? undefined : process.env.NEO4J_URI;
  let user = (own ? undefined : process.env.NEO4J_USER) ?? 'neo4j';
  let password = (own ? undefined : process.env.NEO4J_PASSWORD) ?? '';
  let how = process.env[STARTED] === '1' ? 'the run\'s shared database' : 'NEO4J_URI';

  if (!uri && dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('test-password-1').start();
    uri = container.getBoltUri();
    user = 'neo4j';
    password = 'test-password-1';
    how = 'Testcontainers';
    stops.push(async () => { await container.stop(); });
  } else if (!uri) {
    const config = loadConfig({});
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'intel-graph-test-'));
    const neo = await startLocalNeo4j({
      projectRoot: root, home, boltPort: await freePort(), heap: '1g', pagecacheMiB: 256,
      txTimeoutSeconds: 120, startTimeoutMs: config.local.startTimeoutMs,
    });
    uri = neo.uri;
    user = neo.user;
    password = neo.password;
    how = 'local launcher';
    stops.push(async () => {
      await neo.stop();
      fs.rmSync(home, { recursive: true, force: true });
    });
  }
  if (!own && !process.env.NEO4J_URI) {
    process.env.NEO4J_URI = uri;
    process.env.NEO4J_USER = user;
    process.env.NEO4J_PASSWORD = password;
    process.env[STARTED] = '1';
  }
  project.provide('neo4j', { uri: uri!, user, password });

  const db = Db.connect(uri!, user, password, { queryTimeoutMs: 60000 });
  await db.verify(120000);
  await migrate(db, path.join(root, 'cypher/schema'));
  await db.close();
  console.log(`[tests] ${project.name}: Neo4j via ${how} at ${uri}`);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}
