import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../server/db/db.js';
import type { Viewer } from '../../server/domain/policy.js';
import { mulberry32 } from '../../server/domain/random.js';
import { validateMarkings } from '../../server/domain/validate.js';
import { Agencies } from '../../server/graph/agencies.js';
import { coLocation, commsEntityId, writeComms } from '../../server/graph/comms.js';
import { readComms, validateMapping } from '../../server/ingest/comms.js';
import { ms, summarise, timeEach } from './stats.js';

/**
 * Communications data at volume: a call-data file imported through a saved-style mapping (read and
 * checked, then written: records, phones and cell sites, aggregate links), the same file again
 * (everything already held), and vehicle co-location over a million ANPR reads, with planted
 * convoys that must be found. Everything is under its own agency, AG-BENCH-COMMS, removed first.
 */
export async function benchComms(db: Db, out: (s?: string) => void, log: (s: string) => void, opts: { calls?: number; reads?: number } = {}): Promise<void> {
  const AG = 'AG-BENCH-COMMS';
  const CALLS = opts.calls ?? 200_000;
  const READS = opts.reads ?? 1_000_000;
  log('comms: clearing earlier bench data');
  // Records first (no relationships), then the entities with their links, in bounded transactions.
  for (const [label, size] of [['CommsRecord', 20_000], ['Entity', 1_000]] as const) {
    for (;;) {
      const [r] = await db.write({ text: `MATCH (n:${label}) WHERE n.agency = $ag WITH n LIMIT ${size} DETACH DELETE n RETURN count(*) AS c`, params: { ag: AG } });
      if (!((r?.c as number) > 0)) break;
    }
  }
  const markings = validateMarkings({ agency: AG, classification: 'OFFICIAL-SENSITIVE', handling: 'P' }, {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-comms-'));
  const rnd = mulberry32(20261206);
  const int = (n: number) => Math.floor(rnd() * n);
  const start = Date.UTC(2025, 3, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const uk = (t: number) => { const d = new Date(t + 3_600_000); return [`${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`]; };
  try {
    // ------------------------------------------------------------ call data records
    const phones = 5000;
    const file = path.join(dir, 'cdr.tsv');
    const rows = ['A Number\tB Number\tCall Date\tCall Time\tDuration\tStart Cell'];
    // As in a real call network, each number calls a circle of eight regular contacts most of the
    // time (80%), anyone now and then, and from its home cell or one of two others.
    const circle = (a: number, k: number) => (a + 1 + ((a * 7 + k * 131) % (phones - 1))) % phones;
    const cells = (a: number) => [(a * 13) % 300, (a * 17 + 5) % 300, (a * 19 + 11) % 300];
    for (let i = 0; i < CALLS; i++) {
      const a = int(phones);
      const b = rnd() < 0.8 ? circle(a, int(8)) : int(phones);
      if (a === b) { i--; continue; }
      const [d, t] = uk(start + int(90 * 86_400) * 1000);
      const cell = rnd() < 0.7 ? cells(a)[0]! : cells(a)[1 + int(2)]!;
      rows.push(`+44 7700 ${String(100000 + a)}\t0770 0${String(100000 + b)}\t${d}\t${t}\t${int(600)}\tCELL-${cell}`);
    }
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    const mapping = validateMapping({
      name: 'bench', kind: 'CALLS', dateFormat: 'DD/MM/YYYY', timeZone: 'Europe/London',
      columns: { caller: 'A Number', callee: 'B Number', start: 'Call Date+Call Time', duration: 'Duration', cellSite: 'Start Cell' },
    });
    log(`comms: importing ${CALLS.toLocaleString('en-GB')} call records`);
    const t0 = performance.now();
    const read = await readComms({ path: file }, mapping);
    const t1 = performance.now();
    const first = await writeComms(db, 'CALLS', read.rows, { markings, batchSize: 5000 });
    const t2 = performance.now();
    const again = await writeComms(db, 'CALLS', (await readComms({ path: file }, mapping)).rows, { markings, batchSize: 5000 });
    const t3 = performance.now();
    const rate = (n: number, msec: number) => Math.round(n / (msec / 1000)).toLocaleString('en-GB');
    out();
    out('## Communications data: call-record import and co-location');
    out(`\`npm run bench -- --only comms\`: a tab-separated call-data file of ${CALLS.toLocaleString('en-GB')} rows (${phones.toLocaleString('en-GB')} numbers in international and national form, each calling a circle of eight regular contacts 80% of the time, UK dates in two columns, 300 cell sites) imported through a column mapping, as \`npm run import:comms\` does.`);
    out();
    out('| step | rows | time | rows/s |');
    out('|---|---|---|---|');
    out(`| read and check (parse, normalise, UK time) | ${read.read.toLocaleString('en-GB')} | ${ms(t1 - t0)} | ${rate(read.read, t1 - t0)} |`);
    out(`| write: ${first.recordsCreated.toLocaleString('en-GB')} records, ${first.entities.created.toLocaleString('en-GB')} entities, ${(first.links.created + first.links.updated).toLocaleString('en-GB')} aggregate links | ${read.rows.length.toLocaleString('en-GB')} | ${ms(t2 - t1)} | ${rate(read.rows.length, t2 - t1)} |`);
    out(`| **whole import** | ${read.read.toLocaleString('en-GB')} | ${ms(t2 - t0)} | **${rate(read.read, t2 - t0)}** |`);
    out(`| the same file again (${again.recordsUnchanged.toLocaleString('en-GB')} already held, ${again.recordsCreated} stored) | ${read.read.toLocaleString('en-GB')} | ${ms(t3 - t2)} | ${rate(read.read, t3 - t2)} |`);

    // ------------------------------------------------------------ ANPR reads
    const vehicles = 20_000;
    const cameras = 500;
    const convoys = 20;
    const reads: { vrm: string; camera: string; time: number; line: number }[] = [];
    const plate = (i: number) => `BX${String(i).padStart(6, '0')}`.slice(0, 8);
    const background = READS - convoys * 2 * 6 * 2;
    for (let i = 0; i < background; i++) reads.push({ vrm: plate(int(vehicles)), camera: `ANPR-${int(cameras)}`, time: start + int(30 * 86_400) * 1000, line: i + 2 });
    const planted: [string, string][] = [];
    for (let c = 0; c < convoys; c++) {
      const [lead, follow] = [plate(vehicles + 2 * c), plate(vehicles + 2 * c + 1)];
      planted.push([lead, follow]);
      for (let day = 0; day < 2; day++) {
        let at = start + int(28 * 86_400) * 1000;
        for (let s = 0; s < 6; s++) {
          const camera = `ANPR-${int(cameras)}`;
          reads.push({ vrm: lead, camera, time: at, line: 0 }, { vrm: follow, camera, time: at + (60 + int(120)) * 1000, line: 0 });
          at += (600 + int(900)) * 1000;
        }
      }
    }
    log(`comms: writing ${reads.length.toLocaleString('en-GB')} ANPR reads`);
    const t4 = performance.now();
    const anpr = await writeComms(db, 'ANPR', reads, { markings, batchSize: 10_000, onProgress: (d, t, p) => { if (d === t || d % 200_000 === 0) log(`comms: ${p} ${d}/${t}`); } });
    const t5 = performance.now();
    await db.runAutoCommit('CALL db.awaitIndexes(600)');
    out();
    out(`${reads.length.toLocaleString('en-GB')} ANPR reads (${vehicles.toLocaleString('en-GB')} vehicles, ${cameras} cameras, 30 days, ${convoys} planted convoys of 6 cameras on 2 days) written in ${ms(t5 - t4)} (${rate(reads.length, t5 - t4)} reads/s; ${anpr.links.created.toLocaleString('en-GB')} SEEN_AT links).`);
    const viewer: Viewer = { userId: 'bench', username: 'bench.analyst', role: 'ANALYST', clearance: 'SECRET', agency: AG, compartments: [] };
    const agencies = new Agencies(db);
    await agencies.refresh();
    const co = (vrm: string) => coLocation(db, viewer, agencies, 'vehicle', [commsEntityId('vehicle', AG, vrm)], 5, 3, {});
    let found = 0;
    let falsePairs = 0;
    for (const [lead, follow] of planted) {
      const r = await co(lead);
      const hit = r.pairs.find((p) => [p.aId, p.bId].includes(commsEntityId('vehicle', AG, follow)));
      if (hit?.convoy && hit.leaderId === commsEntityId('vehicle', AG, lead)) found++;
      falsePairs += r.pairs.length - (hit ? 1 : 0);
    }
    const subjects = [...planted.map(([l]) => l), ...Array.from({ length: 40 }, (_, i) => plate(i * 397))];
    const times = summarise(await timeEach(subjects, (v) => co(v), 5));
    const pairTimes = summarise(await timeEach(planted.map(([l, f]) => [l, f]), ([l, f]) => coLocation(db, viewer, agencies, 'vehicle', [commsEntityId('vehicle', AG, l!), commsEntityId('vehicle', AG, f!)], 5, 3, {}), 5));
    out();
    out('| vehicle co-location (5 min, 3 cameras) on 1M reads | runs | p50 | p95 |');
    out('|---|---|---|---|');
    out(`| one vehicle: everyone met at 3+ cameras | ${times.n} | ${ms(times.p50)} | ${ms(times.p95)} |`);
    out(`| two vehicles: where they met | ${pairTimes.n} | ${ms(pairTimes.p50)} | ${ms(pairTimes.p95)} |`);
    out();
    out(`Planted convoys found with the right leader: **${found} of ${convoys}**; other pairs reported for them: ${falsePairs}. Background vehicles have ~50 reads each at 500 cameras over 30 days, so a chance meeting at 3 cameras within 5 minutes is rare.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
