import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/db.js';
import { mulberry32 } from '../../server/domain/random.js';
import { validateEntity, validateLink } from '../../server/domain/validate.js';
import { Agencies } from '../../server/graph/agencies.js';
import { noteChanges } from '../../server/graph/changes.js';
import { createWatch, deliverOnce } from '../../server/graph/watches.js';
import { writeEntities, writeLinks } from '../../server/graph/write.js';
import { ms, summarise, timePaired } from './stats.js';

/**
 * Watch-lists at volume: 10,000 active watches (entity networks, 100 users) on a network of 5,000
 * subjects. Measures what the write path pays for noting a change (a batch of 50 entity updates
 * with the change noted once, as always, and twice, paired), and how long an alert takes from the
 * write's commit to being delivered (one round of delivery), for one edit and for a burst of
 * 1,000 edits. Everything is under its own agency, AG-BENCH-ALERTS, removed first and after.
 */
export async function benchAlerts(db: Db, out: (s?: string) => void, log: (s: string) => void, opts: { watches?: number; subjects?: number } = {}): Promise<void> {
  const AG = 'AG-BENCH-ALERTS';
  const WATCHES = opts.watches ?? 10_000;
  const SUBJECTS = opts.subjects ?? 5_000;
  const USERS = 100;
  const rnd = mulberry32(20261207);
  const int = (n: number) => Math.floor(rnd() * n);
  const clear = async () => {
    await db.write({ text: 'MATCH (u:User) WHERE u.agency = $ag CALL (u) { MATCH (x) WHERE (x:Watch OR x:Alert) AND x.ownerId = u.id DETACH DELETE x } DETACH DELETE u', params: { ag: AG } });
    for (;;) {
      const [r] = await db.write({ text: 'MATCH (n:Entity) WHERE n.agency = $ag WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS c', params: { ag: AG } });
      if (!((r?.c as number) > 0)) break;
    }
    await db.write({ text: "MATCH (c:Change) WHERE any(i IN c.ids WHERE i STARTS WITH 'BA-') DELETE c", params: {} });
  };
  log('alerts: clearing earlier bench data');
  await clear();
  const now = () => new Date().toISOString();
  const subject = (i: number, note = '') => validateEntity({
    id: `BA-S${i}`, type: 'Subject', props: { forename: `Watched${i}`, surname: 'Bench', notes: note || undefined }, markings: { agency: AG },
  }, {});
  try {
    log(`alerts: ${SUBJECTS} subjects and their associations`);
    for (let i = 0; i < SUBJECTS; i += 1000) {
      const recs = Array.from({ length: Math.min(1000, SUBJECTS - i) }, (_, k) => subject(i + k));
      await db.writeTx((tx) => writeEntities(tx, recs, now()));
    }
    const links = Array.from({ length: SUBJECTS * 2 }, () => [int(SUBJECTS), int(SUBJECTS)] as const).filter(([a, b]) => a !== b)
      .map(([a, b]) => validateLink({ source: `BA-S${a}`, type: 'ASSOCIATE_OF', target: `BA-S${b}`, props: {}, markings: { agency: AG } }, {}));
    for (let i = 0; i < links.length; i += 2000) await db.writeTx((tx) => writeLinks(tx, links.slice(i, i + 2000), now()));

    const batch = (round: number) => Array.from({ length: 50 }, (_, k) => subject((round * 50 + k) % SUBJECTS, `round ${round} ${randomUUID()}`));

    log(`alerts: ${WATCHES} watches by ${USERS} users`);
    const users = Array.from({ length: USERS }, (_, i) => ({
      id: `BA-U${i}-${randomUUID()}`, username: `bench-alerts-${i}`, role: 'ANALYST', clearance: 'SECRET', agency: AG, compartments: [], displayName: `Bench ${i}`,
    }));
    await db.write({ text: 'UNWIND $users AS u CREATE (x:User) SET x = u, x.disabled = false', params: { users } });
    const dir = new Agencies(db);
    await dir.refresh(true);
    const started = performance.now();
    let made = 0;
    const worker = async () => {
      while (made < WATCHES) {
        const i = made++;
        const u = users[i % USERS]!;
        const viewer = { userId: u.id, username: u.username, role: 'ANALYST' as const, clearance: 'SECRET', agency: AG, compartments: [] };
        await createWatch(db, dir, viewer, { kind: 'ENTITY', target: `BA-S${(i * 7919) % SUBJECTS}` }, now());
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const watchSeconds = (performance.now() - started) / 1000;
    // Any changes noted while the watches were being made are delivered first.
    while ((await deliverOnce(db, dir)).changes) { /* settle */ }
    // What noting a change costs a write: the same batch of 50 updates written as it is (one change
    // noted) and with the change noted a second time, paired and alternated (tests/bench/stats.ts).
    const rounds = Array.from({ length: 60 }, (_, r) => 400 + r);
    const paired = await timePaired(rounds,
      (r) => db.writeTx((tx) => writeEntities(tx, batch(r), now())),
      (r) => db.writeTx(async (tx) => { const recs = batch(r + 1000); await writeEntities(tx, recs, now()); await noteChanges(tx, recs.map((x) => x.id), now()); }));
    const plain = summarise(paired.a);
    const noted = summarise(paired.b);
    const extra = summarise(paired.b.map((b, i) => b - paired.a[i]!));
    // Those timing writes' changes are not what is measured next: dropped, not delivered.
    await db.write({ text: 'MATCH (c:Change) DETACH DELETE c', params: {} });

    log('alerts: delivery latency');
    const one: number[] = [];
    let alerted = 0;
    for (let r = 0; r < 30; r++) {
      const id = (r * 7919 * 13) % SUBJECTS;
      const rec = subject(id, `edit ${r} ${randomUUID()}`);
      await db.writeTx((tx) => writeEntities(tx, [rec], now()));
      const s = performance.now();
      for (;;) { const d = await deliverOnce(db, dir); alerted += d.alerts; if (!d.changes) break; }
      one.push(performance.now() - s);
    }
    const burstIds = Array.from({ length: 1000 }, (_, k) => (k * 37) % SUBJECTS);
    for (let i = 0; i < burstIds.length; i += 50) {
      const recs = burstIds.slice(i, i + 50).map((k) => subject(k, `burst ${randomUUID()}`));
      await db.writeTx((tx) => writeEntities(tx, recs, now()));
    }
    const b0 = performance.now();
    let burstWatches = 0;
    let burstAlerts = 0;
    let burstRounds = 0;
    for (;;) { const d = await deliverOnce(db, dir); if (!d.changes) break; burstRounds++; burstWatches += d.watches; burstAlerts += d.alerts; }
    const burst = performance.now() - b0;
    const [digests] = await db.read({ text: 'MATCH (a:Alert) WHERE a.ownerId STARTS WITH "BA-U" RETURN count(a) AS n, max(a.changes) AS most', params: {} });

    out();
    out('## Watch-lists and alerts');
    out(`${WATCHES.toLocaleString('en-GB')} entity watches (${USERS} users) on ${SUBJECTS.toLocaleString('en-GB')} subjects with ${links.length.toLocaleString('en-GB')} associations (\`npm run bench -- --only alerts\`). Made in ${watchSeconds.toFixed(1)} s (each asks its question once for the first answer).`);
    out();
    out('| | p50 | p95 |');
    out('|---|---|---|');
    out(`| write of 50 entity updates (the change noted once, as every write does) | ${ms(plain.p50)} | ${ms(plain.p95)} |`);
    out(`| the same with the change noted a second time | ${ms(noted.p50)} | ${ms(noted.p95)} |`);
    const l = summarise(one);
    out(`| alert delivery after one edit (commit to alert written) | ${ms(l.p50)} | ${ms(l.p95)} |`);
    out();
    out(`Write-path overhead with ${WATCHES.toLocaleString('en-GB')} watches: noting a change costs ${ms(extra.p50)} p50 (${ms(extra.p95)} p95) of a ${ms(plain.p50)} batch, a ratio of ${(noted.p50 / plain.p50).toFixed(2)} with it noted twice (one statement per write transaction; none is written while no watch exists).`);
    out(`One edit: ${alerted} alerts over 30 edits (each edit asks again the watches on the record and its neighbours). A burst of 1,000 edits in 20 transactions: delivered in ${ms(burst)} (${burstRounds} round(s), ${burstWatches.toLocaleString('en-GB')} watches asked again, ${burstAlerts.toLocaleString('en-GB')} alerts written or grown); ${(digests!.n as number).toLocaleString('en-GB')} alerts stand in all, at most ${digests!.most} deliveries gathered in one digest. With the API running, add up to \`ALERT_POLL_MS\` (1 s) before a round starts.`);
  } finally {
    log('alerts: removing bench data');
    await clear();
  }
}
