import path from 'node:path';
import { prepareAudit, startApp } from './app.js';
import { DEMO_PASSWORD, ensureAdmin, ensureDemoUsers } from './auth/bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { connectDatabase } from './db/connect.js';
import { cypher } from './db/db.js';
import { LocalNeo4jError } from './db/localNeo4j.js';
import { migrate } from './db/migrate.js';
import { seedDatabase } from '../seed/seed.js';

/** Composition root: config -> database -> schema -> http. Nothing else reads process.env. */
const projectRoot = path.resolve(import.meta.dirname, '..');
const log = (s: string) => console.log(`[intel-graph] ${s}`);

async function main() {
  const started = Date.now();
  const config = loadConfig(process.env);
  // Stack traces mapped to TypeScript lines, only when asked for. (The cost that made this the
  // default, a mapped stack per query, is gone: statements now start without the caller's stack.)
  if (!config.sourceMaps) process.setSourceMapsEnabled(false);
  const database = await connectDatabase(config, { projectRoot, log });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping...`);
    // Never hang on the way out: the database still gets its clean shutdown.
    const deadline = setTimeout(() => { log('HTTP did not close in time; closing anyway'); }, 10000);
    await Promise.race([app?.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
    clearTimeout(deadline);
    await database.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const { db } = database;
  prepareAudit(config); // before the seed: its OCG management actions are audited
  await migrate(db, path.join(projectRoot, 'cypher/schema'), log);
  const empty = ((await db.read(cypher('MATCH (n:Entity) RETURN count(n) AS c')))[0]!.c as number) === 0;
  if (empty && config.seedOnEmpty) {
    log(`empty graph: seeding the ${config.seedSize} data set...`);
    const t = Date.now();
    await seedDatabase(db, { size: config.seedSize, seed: 1 });
    await ensureDemoUsers(db);
    log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const adminPassword = await ensureAdmin(db);
  if (adminPassword) log(`administrator created: username "admin", password "${adminPassword}" (shown once; store it now)`);

  app = await startApp(db, config);
  const demo = empty && config.seedOnEmpty ? true : ((await db.read(cypher("MATCH (u:User {username: 'analyst'}) RETURN count(u) AS c")))[0]!.c as number) > 0;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${app.url}  (GraphQL at ${app.url}/graphql)` +
    (demo ? `  demo sign-in: analyst / ${DEMO_PASSWORD}` : ''));
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof LocalNeo4jError) {
    console.error(`[intel-graph] ${e.message}`);
    process.exit(2);
  }
  console.error('[intel-graph] failed to start:', e);
  process.exit(1);
});
