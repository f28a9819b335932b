import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../server/db/db.js';
import { freePort } from '../../server/db/localNeo4j.js';
import { seedDatabase } from '../../seed/seed.js';
import { ensureClientBuilt } from '../helpers/browser.js';

/**
 * The first start as a new user meets it, with real processes: the platform (and its local Neo4j)
 * killed at points of its first start and started again, a very low interactive query timeout,
 * and stop requests sent the ways people and supervisors send them.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Launched {
  child: ChildProcess;
  output(): string;
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

function launch(cmd: string, args: string[], env: Record<string, string>, detached = false): Launched {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
  let out = '';
  const waiters: (() => void)[] = [];
  const onData = (d: Buffer) => { out += d; for (const w of waiters) w(); };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 240_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${out}`)), timeoutMs);
        const check = () => { if (re.test(out)) { clearTimeout(timer); resolve(); } };
        waiters.push(check);
        void exited.then(() => { setTimeout(() => { clearTimeout(timer); if (re.test(out)) resolve(); else reject(new Error(`exited before ${re}; output:\n${out}`)); }, 50); });
        check();
      });
    },
  };
}

async function platformEnv(extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; dataDir: string; port: number; boltPort: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-first-'));
  dirs.push(dataDir);
  const port = await freePort();
  const boltPort = await freePort();
  // Only what a user's shell would hold: never the suite's own NEO4J_URI.
  const env: Record<string, string> = {
    PATH: process.env.PATH!, HOME: process.env.HOME ?? os.homedir(), DATA_DIR: dataDir, PORT: String(port),
    NEO4J_BOLT_PORT: String(boltPort), NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '64', NODE_NO_WARNINGS: '1', ...extra,
  };
  return { env, dataDir, port, boltPort };
}

const startServer = (env: Record<string, string>) => launch(process.execPath, ['--import', 'tsx/esm', 'server/main.ts'], env);

/** Every process under `pid` (from /proc), `pid` included. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch { /* gone meanwhile */ }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]!) ?? []));
  return out;
}

const cmdline = (pid: number) => { try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '); } catch { return ''; } };
/** Running: present and not a zombie waiting for its parent to collect it. */
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

/** Waits until none of `pids` is alive; returns the seconds taken, or Infinity past the bound. */
async function goneWithin(pids: number[], boundMs: number): Promise<number> {
  const t = Date.now();
  while (Date.now() - t < boundMs) {
    if (pids.every((p) => !alive(p))) return (Date.now() - t) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  return Infinity;
}

const javaPid = (dataDir: string): number | undefined => {
  try { return (JSON.parse(fs.readFileSync(path.join(dataDir, 'neo4j/running.json'), 'utf8')) as { pid: number }).pid; } catch { return undefined; }
};

async function gql(port: number, query: string, variables: Record<string, unknown>, token?: string) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await r.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
}
const SIGN_IN = 'mutation($u:String!,$p:String!){ signIn(username:$u, password:$p){ token viewer { username } } }';

/** The data folder the first-start test left seeded and stopped cleanly: the stop tests start on it. */
let seeded: { env: Record<string, string>; dataDir: string } | undefined;

/** Stops were asked for once and the whole tree (with Neo4j) was gone within the bound, leaving a store that needs no recovery. */
async function expectCleanStop(run: Launched, all: number[], dataDir: string, twice = false): Promise<void> {
  const seconds = await goneWithin(all, 60_000);
  expect(seconds, run.output()).toBeLessThan(60);
  const out = run.output();
  expect(out.match(/: stopping\.\.\./g)).toHaveLength(1);
  expect(out).toMatch(/stopped in/);
  if (twice) expect(out).toMatch(/already stopping/);
  else expect(out).not.toMatch(/already stopping/);
  expect(fs.existsSync(path.join(dataDir, 'neo4j/running.json'))).toBe(false);
}

describe('first start', () => {
  it('killed while Neo4j starts, during the seed and during OCG management, then started again: ends with the complete demo data and working demo sign-in, all under a one-second query timeout', async () => {
    const { env, dataDir, port, boltPort } = await platformEnv({ QUERY_TIMEOUT_MS: '1000' });

    // 0. Killed outright (no clean-up code runs) while its Neo4j is still starting: the database
    //    notices its owner is gone even before it is ready, and stops.
    const zeroth = startServer(env);
    await zeroth.waitFor(/Starting local Neo4j/);
    await new Promise((r) => setTimeout(r, 1500));
    const starting = processTree(zeroth.child.pid!).filter((p) => /Launcher/.test(cmdline(p)));
    expect(starting).toHaveLength(1);
    zeroth.child.kill('SIGKILL');
    await zeroth.exited;
    expect(await goneWithin(starting, 60_000)).toBeLessThan(60);

    // 1. Killed outright once the seed has written its first batch.
    const first = startServer(env);
    await first.waitFor(/seeding: \d+ of \d+ batches/);
    const java1 = javaPid(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    // Its Neo4j notices its owner is gone and shuts itself down.
    expect(java1).toBeDefined();
    expect(await goneWithin([java1!], 60_000)).toBeLessThan(60);

    // 2. Finishes the data from where the first stopped; killed as OCG management begins.
    const second = startServer(env);
    await second.waitFor(/seeding: OCG management/);
    const java2 = javaPid(dataDir);
    second.child.kill('SIGKILL');
    await second.exited;
    expect(await goneWithin([java2!], 60_000)).toBeLessThan(60);
    expect(second.output()).toMatch(/finishing the seed of the demo data set/);
    const resumed = /resuming from batch (\d+) of (\d+)/.exec(second.output());
    expect(resumed, second.output()).not.toBeNull();
    expect(Number(resumed![1])).toBeGreaterThan(1); // the first run's batches were kept, not redone

    // 3. Finishes OCG management and the accounts, and is ready.
    const third = startServer(env);
    await third.waitFor(/ready in/);
    const out = third.output();
    expect(out).toMatch(/finishing the seed of the demo data set/);
    expect(out).toMatch(/demo sign-in: analyst \/ demo-pass-2026/);
    for (const o of [zeroth.output(), first.output(), second.output(), out]) {
      expect(o).not.toMatch(/Neo4jError|^\s+at .*:\d+:\d+\)?$|\[object Object\]|Start failed/m);
    }

    // The demo accounts work, and so does the administrator whose password was printed.
    const analyst = await gql(port, SIGN_IN, { u: 'analyst', p: 'demo-pass-2026' });
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.signIn.viewer.username).toBe('analyst');
    const adminPassword = /username "admin", password "([^"]+)"/.exec(out)?.[1];
    expect(adminPassword).toBeDefined();
    expect((await gql(port, SIGN_IN, { u: 'admin', p: adminPassword })).errors).toBeUndefined();
    // Answers under the one-second interactive timeout.
    const token = analyst.data!.signIn.token as string;
    const search = await gql(port, '{ search(text: "a", first: 5) { total } }', {}, token);
    expect(search.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL');

    // Complete: seeding the same data set again finds nothing to add anywhere.
    const password = fs.readFileSync(path.join(dataDir, 'neo4j/password'), 'utf8').trim();
    const db = Db.connect(`bolt://127.0.0.1:${boltPort}`, 'neo4j', password, { queryTimeoutMs: 1000 });
    try {
      const again = await seedDatabase(db.bulk({ timeoutMs: 600_000 }), { size: 'demo', seed: 1, txRows: 500 });
      expect(again.entities.created).toBe(0);
      expect(again.links.created).toBe(0);
      expect(again.entities.unchanged + again.entities.updated).toBeGreaterThan(1000);
      expect(again.impact).toEqual(expect.objectContaining({ assessments: 0, impacts: 0, disseminations: 0 }));
      expect(again.demoUsersCreated).toBe(0);
    } finally {
      await db.close();
    }

    // SIGTERM to the Node server alone (as a supervisor sends it) stops it and its Neo4j cleanly.
    const all = [...new Set([...processTree(third.child.pid!), javaPid(dataDir)!])];
    expect(all).toContain(javaPid(dataDir));
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    await expectCleanStop(third, all, dataDir);
    seeded = { env, dataDir };
  }, 900_000);

  it('a failure prints what failed, why and what to do in two lines, with the raw error in a log file', async () => {
    const { env, dataDir } = await platformEnv();
    // The HTTP port is taken by another program.
    const blocker = (await import('node:net')).createServer();
    await new Promise<void>((r) => blocker.listen(Number(env.PORT), '127.0.0.1', () => r()));
    try {
      const run = startServer({ ...env, SEED_ON_EMPTY: 'false' });
      const code = await run.exited;
      expect(code).toBe(2);
      // Found before Neo4j was started for nothing.
      expect(run.output()).not.toMatch(/Starting local Neo4j/);
      expect(javaPid(dataDir)).toBeUndefined();
      const lines = run.output().split('\n').filter((l) => /failed|Details/.test(l));
      expect(lines[0]).toMatch(new RegExp(`Start failed: port ${env.PORT} on 127\\.0\\.0\\.1 is already in use`));
      expect(lines[1]).toMatch(/set PORT to a free port.*Details: .*logs\/start\.log/);
      expect(run.output()).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace on the terminal
      const logged = fs.readFileSync(path.join(dataDir, 'logs/start.log'), 'utf8');
      expect(logged).toMatch(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  }, 300_000);
});

describe('stopping `npm start`', () => {
  const ways: { name: string; send: (pids: { npm: number; server: number }) => void; twice?: boolean; group?: boolean }[] = [
    { name: 'SIGINT to the npm start process alone, then again while it stops', send: ({ npm }) => process.kill(npm, 'SIGINT'), twice: true },
    { name: 'SIGTERM to the npm start process alone', send: ({ npm }) => process.kill(npm, 'SIGTERM') },
    { name: 'SIGINT to the whole process group (Ctrl-C in a terminal)', send: ({ npm }) => process.kill(-npm, 'SIGINT'), group: true },
  ];
  // (SIGTERM to the Node server alone ends the first-start test above.)
  let env: Record<string, string>;
  let dataDir: string;
  let fresh = false;
  let logFrom = 0;

  it.each(ways)('$name stops HTTP, the driver and Neo4j cleanly, once, within a bound', async (way) => {
    if (!env) {
      // On the data the first-start test left; on its own, a fresh folder seeded uninterrupted
      // under a one-second query timeout.
      fresh = !seeded;
      ({ env, dataDir } = seeded ?? await platformEnv({ QUERY_TIMEOUT_MS: '1000' }));
      const debugLog = path.join(dataDir, 'neo4j/logs/debug.log');
      logFrom = fs.existsSync(debugLog) ? fs.statSync(debugLog).size : 0;
    }
    await ensureClientBuilt(); // so `npm start` does not build it
    const run = launch('npm', ['start'], env, true);
    await run.waitFor(/ready in/);
    if (fresh && way === ways[0]) {
      expect(run.output()).toMatch(/empty graph: seeding the demo data set[\s\S]*seeded in [\s\S]*demo sign-in: analyst/);
      expect(run.output()).not.toMatch(/Start failed/);
    }
    const tree = processTree(run.child.pid!);
    const java = javaPid(dataDir)!;
    const server = tree.find((p) => /server\/main\.ts/.test(cmdline(p)))!;
    expect(server).toBeDefined();
    expect(tree).toContain(java);
    const all = [...new Set([...tree, java])];

    way.send({ npm: run.child.pid!, server });
    if (way.twice) {
      await run.waitFor(/stopping\.\.\./);
      // Straight to the server, which is busy stopping the database (npm may already have ended).
      process.kill(server, 'SIGINT');
    }
    await expectCleanStop(run, all, dataDir, way.twice);
  }, 300_000);

  it('a start after those stops needed no recovery of the store', () => {
    const log = fs.readFileSync(path.join(dataDir, 'neo4j/logs/debug.log')).subarray(logFrom).toString('utf8');
    expect(log).toMatch(/Bolt server started/);
    expect(log).not.toMatch(/Recovery required from position/);
  });
});
