import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../server/config.js';
import { Db } from '../server/db/db.js';
import { freePort, startLocalNeo4j } from '../server/db/localNeo4j.js';
import { migrate } from '../server/db/migrate.js';
import { TEST_NEO4J_SETTINGS } from './helpers/neo4jSettings.js';

/**
 * One database for the whole run: NEO4J_URI if set; else Testcontainers when a Docker engine
 * answers; else the local launcher on a free port with a throw-away data folder.
 */
function dockerAnswers(): boolean {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 5000 });
  return r.status === 0 && !!r.stdout.trim();
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..');
  const stops: (() => Promise<void>)[] = [];
  let uri = process.env.NEO4J_URI;
  let user = process.env.NEO4J_USER ?? 'neo4j';
  let password = process.env.NEO4J_PASSWORD ?? '';
  let how = 'NEO4J_URI';

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
      txTimeoutSeconds: 120, startTimeoutMs: config.local.startTimeoutMs, settings: TEST_NEO4J_SETTINGS,
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
  process.env.NEO4J_URI = uri;
  process.env.NEO4J_USER = user;
  process.env.NEO4J_PASSWORD = password;
  project.provide('neo4j', { uri: uri!, user, password });

  const db = Db.connect(uri!, user, password, { queryTimeoutMs: 60000 });
  await db.verify(120000);
  await migrate(db, path.join(root, 'cypher/schema'));
  await db.close();
  console.log(`[tests] Neo4j via ${how} at ${uri}`);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string };
  }
}
