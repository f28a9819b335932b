import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cypher, Db } from '../../server/db/db.js';
import { freePort, startLocalNeo4j } from '../../server/db/localNeo4j.js';

const root = path.resolve(import.meta.dirname, '../..');

function runMain(env: Record<string, string>, until: RegExp, timeoutMs = 60000) {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', 'server/main.ts'], { cwd: root, env: { ...env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const matched = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; output:\n${out}`)), timeoutMs);
    timer.unref();
    const check = () => { if (until.test(out)) { clearTimeout(timer); resolve(out); } };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then(() => { clearTimeout(timer); resolve(out); });
  });
  matched.catch(() => {}); // awaited by the tests that need it; others only await `exited`
  return { child, matched, exited, output: () => out };
}

describe('starting the platform', () => {
  it('fails at once with a clear message when Java is missing and no NEO4J_URI is set', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-nojava-'));
    // An empty PATH directory: node is run by absolute path, and no `java` can be found.
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-bin-'));
    const started = Date.now();
    const run = runMain({ PATH: emptyBin, DATA_DIR: dataDir, HOME: os.tmpdir() }, /Java/);
    const code = await run.exited;
    expect(code).toBe(2);
    expect(run.output()).toMatch(/Java 17 or newer is needed/);
    expect(run.output()).toMatch(/NEO4J_URI/);
    expect(Date.now() - started).toBeLessThan(20000);
    expect(fs.readdirSync(dataDir).filter((f) => f !== 'neo4j')).toEqual([]);
  });

  it('refuses bad settings with every problem listed', async () => {
    const run = runMain({ PATH: process.env.PATH!, PORT: 'abc', SEED_SIZE: 'huge' }, /Invalid settings/);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/PORT="abc"/);
    expect(run.output()).toMatch(/SEED_SIZE="huge"/);
  });

  it('with NEO4J_URI starts no database, serves health, readiness and GraphQL, and stops cleanly on SIGTERM', async () => {
    const { uri, user, password } = inject('neo4j');
    const port = await freePort();
    const run = runMain({ PATH: process.env.PATH!, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, PORT: String(port), SEED_ON_EMPTY: 'false' }, /ready in/);
    const out = await run.matched;
    expect(out).toContain(`http://127.0.0.1:${port}`);
    expect(out).not.toMatch(/Starting local Neo4j/);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    const gql = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(await gql.json()).toEqual({ data: { me: null } });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/stopped/);
  });
});

describe('the local Neo4j launcher', () => {
  it('keeps data across a restart and shuts down cleanly (no recovery needed); settings given for a start apply to that start only', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-restart-'));
    const opts = { projectRoot: root, home, heap: '512m', pagecacheMiB: 64, txTimeoutSeconds: 30, startTimeoutMs: 120000 };
    try {
      const setting = (d: Db) => d.read(cypher("SHOW SETTINGS YIELD name, value WHERE name = 'dbms.cypher.min_replan_interval' RETURN value"));
      const first = await startLocalNeo4j({ ...opts, boltPort: await freePort(), settings: { 'dbms.cypher.min_replan_interval': '2h' } });
      expect(fs.statSync(path.join(home, 'password')).mode & 0o777).toBe(0o600);
      let db = Db.connect(first.uri, first.user, first.password, { queryTimeoutMs: 10000 });
      await db.write(cypher('CREATE (:Probe {v: $v})', { v: 'kept' }));
      const given = await setting(db);
      await db.close();
      await first.stop();
      expect(given).toEqual([{ value: '2h' }]);

      const second = await startLocalNeo4j({ ...opts, boltPort: await freePort() });
      db = Db.connect(second.uri, second.user, second.password, { queryTimeoutMs: 10000 });
      const rows = await db.read(cypher('MATCH (p:Probe) RETURN p.v AS v'));
      const neo4jDefault = await setting(db);
      await db.close();
      // Only loopback: nothing listens on other interfaces.
      const ss = spawnSync('ss', ['-ltn'], { encoding: 'utf8' });
      const port = second.uri.split(':').pop();
      if (ss.status === 0) {
        const local = ss.stdout.split('\n').map((l) => l.trim().split(/\s+/)[3] ?? '').filter((a) => a.endsWith(`:${port}`));
        expect(local.length).toBeGreaterThan(0);
        for (const a of local) expect(a).toMatch(/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):\d+$/);
      }
      await second.stop();
      expect(rows).toEqual([{ v: 'kept' }]);
      expect(neo4jDefault).toEqual([{ value: '10s' }]);
      // A setting that is not one (or a value that would add another line) is refused before anything starts.
      await expect(startLocalNeo4j({ ...opts, boltPort: await freePort(), settings: { 'dbms.x\nserver.y': '1' } })).rejects.toThrow(/Not a Neo4j setting/);
      await expect(startLocalNeo4j({ ...opts, boltPort: await freePort(), settings: { 'dbms.cypher.min_replan_interval': '1h\nserver.bolt.enabled=false' } })).rejects.toThrow(/Not a Neo4j setting/);
      const log = fs.readFileSync(path.join(home, 'logs/debug.log'), 'utf8');
      expect(log).not.toMatch(/Recovery required from position/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 240000);

  it('stops itself cleanly when the process that started it is killed (no orphan holding the store)', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-owner-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/ownerDies.ts', home], { cwd: root, encoding: 'utf8', timeout: 180000 });
      expect(r.stdout).toMatch(/UP bolt:/);
      const { pid } = JSON.parse(fs.readFileSync(path.join(home, 'running.json'), 'utf8')) as { pid: number };
      let alive = true;
      for (let i = 0; i < 60 && alive; i++) {
        try { process.kill(pid, 0); await new Promise((res) => setTimeout(res, 500)); } catch { alive = false; }
      }
      expect(alive).toBe(false);
      // The next start finds a clean store.
      const again = await startLocalNeo4j({ projectRoot: root, home, boltPort: await freePort(), heap: '512m', pagecacheMiB: 64, txTimeoutSeconds: 30, startTimeoutMs: 120000 });
      await again.stop();
      expect(fs.readFileSync(path.join(home, 'logs/debug.log'), 'utf8')).not.toMatch(/Recovery required from position/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 300000);
});
