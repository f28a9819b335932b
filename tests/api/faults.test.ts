import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../server/app.js';
import { createUser } from '../../server/auth/users.js';
import { loadConfig } from '../../server/config.js';
import { Db } from '../../server/db/db.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/db/localNeo4j.js';
import { migrate } from '../../server/db/migrate.js';

/**
 * The database going away under load: the API must answer a clear 503 quickly (no hang, no crash)
 * and recover by itself when the database is back. Uses its own Neo4j so it can stop it.
 */
const root = path.resolve(import.meta.dirname, '../..');
let home: string;
let boltPort: number;
let neo: LocalNeo4j;
let db: Db;
let app: Awaited<ReturnType<typeof startApp>>;
let token: string;

const start = () => startLocalNeo4j({ projectRoot: root, home, boltPort, heap: '512m', pagecacheMiB: 64, txTimeoutSeconds: 30, startTimeoutMs: 120000 });

async function query(q: string) {
  const started = Date.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: q }),
    signal: AbortSignal.timeout(20000),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }, ms: Date.now() - started };
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ig-faults-'));
  boltPort = await freePort();
  neo = await start();
  db = Db.connect(neo.uri, neo.user, neo.password, { queryTimeoutMs: 5000 });
  await migrate(db, path.join(root, 'cypher/schema'));
  await createUser(db, { username: 'fault.analyst', password: 'fault-password-1', role: 'ANALYST', clearance: 'OFFICIAL', agency: 'AG-T' });
  app = await startApp(db, loadConfig({ PORT: '0' }));
  const r = await fetch(`${app.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signIn(username:"fault.analyst", password:"fault-password-1") { token } }' }),
  });
  token = ((await r.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
}, 240000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await neo?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('database outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE while Neo4j is down, and recovers by itself', async () => {
    const q = '{ search(text: "anything") { score } }';
    expect((await query(q)).status).toBe(200);

    // Load while the database stops: every answer is either a success or a clean 503.
    const inflight = Array.from({ length: 20 }, (_, i) => new Promise((r) => setTimeout(r, i * 50)).then(() => query(q)));
    await neo.stop();
    for (const r of await Promise.all(inflight)) {
      expect([200, 503]).toContain(r.status);
      if (r.status === 503) expect(r.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    }

    const down = await query(q);
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(down.body.errors?.[0]?.message).toMatch(/unavailable/i);
    expect(down.ms).toBeLessThan(15000);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    neo = await start();
    let recovered = false;
    for (let i = 0; i < 30 && !recovered; i++) {
      recovered = (await query(q)).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  }, 240000);
});
