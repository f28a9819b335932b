import { cypher, type Db } from '../server/db/db.js';
import { validateEntity, validateMarkings, type EntityRecord } from '../server/domain/validate.js';
import { writeCommsRecords, type CallItem, type SightingItem } from '../server/graph/comms.js';
import { writeEntities } from '../server/graph/write.js';
import { FORCE_GEOGRAPHY, mulberry32 } from './generate.js';

/**
 * Communications data for the demo groups: each force's ANPR cameras and cell sites, and for the
 * first OCGs (by id) the calls among their members' phones and the ANPR reads of their vehicles,
 * from April to June 2025. Each group carries two patterns for the analyses to find: a pair of its
 * vehicles travelling in convoy on two days, and two of its phones meeting at one cell site on
 * three days. Written through the platform's store (records, then aggregate CALLS / SEEN_AT /
 * USED_CELL links), idempotently: a resumed seed writes nothing twice.
 */

export interface CommsSeedResult { groups: number; calls: number; reads: number; cameras: number; cellSites: number; convoys: number; meetings: number }

/** Groups given comms data: enough to show every analysis, bounded at every seed size. */
export const COMMS_GROUPS = 20;
const FROM = Date.UTC(2025, 3, 1);
const DAYS = 91;
const MIN = 60_000;

const cameraId = (code: string, i: number) => `CAM-${code}-${String(i + 1).padStart(2, '0')}`;
const cellId = (code: string, i: number) => `CELL-${code}-${String(i + 1).padStart(2, '0')}`;

function places(now: string): { records: EntityRecord[]; cameras: Map<string, string[]>; cells: Map<string, string[]> } {
  const records: EntityRecord[] = [];
  const cameras = new Map<string, string[]>();
  const cells = new Map<string, string[]>();
  for (const f of FORCE_GEOGRAPHY) {
    const m = { agency: f.agency, classification: 'OFFICIAL', handling: 'P' };
    const cams: string[] = [];
    const sites: string[] = [];
    f.bcus.forEach((b, bi) => {
      for (let k = 0; k < 2; k++) {
        const i = bi * 2 + k;
        const road = f.streets[i % f.streets.length]!;
        const id = cameraId(f.code, i);
        cams.push(id);
        records.push(validateEntity({
          id, type: 'Camera', label: `${road} ${k ? 'southbound' : 'northbound'} (${b.name})`,
          props: { cameraId: `${f.code}-ANPR-${String(i + 1).padStart(3, '0')}`, lat: round(b.lat + (k ? -0.011 : 0.009)), lon: round(b.lon + (k ? 0.013 : -0.008)), road, direction: k ? 'S' : 'N' },
          markings: m,
        }, { today: now.slice(0, 10) }));
      }
      for (let k = 0; k < 3; k++) {
        const i = bi * 3 + k;
        const id = cellId(f.code, i);
        sites.push(id);
        records.push(validateEntity({
          id, type: 'CellSite', label: `${b.name} cell ${k + 1}`,
          props: { cellId: `234-15-${1000 + bi * 10 + k}-${20000 + i}`, name: `${b.name} mast ${k + 1}`, lat: round(b.lat + (k - 1) * 0.012), lon: round(b.lon + (k - 1) * 0.017), azimuth: (k * 120) % 360, operator: 'Vodafone UK' },
          markings: m,
        }, { today: now.slice(0, 10) }));
      }
    });
    cameras.set(f.agency, cams);
    cells.set(f.agency, sites);
  }
  return { records, cameras, cells };
}
const round = (x: number) => Math.round(x * 1e5) / 1e5;

export async function seedComms(db: Db, opts: { seed: number; now?: string }): Promise<CommsSeedResult> {
  const now = opts.now ?? new Date().toISOString();
  const { records, cameras, cells } = places(now);
  await db.writeTx((tx) => writeEntities(tx, records, now));
  const groups = await db.read(cypher(
    `MATCH (o:OCG) WHERE o.agency IN $agencies
     CALL (o) { MATCH (s:Subject)-[:MEMBER_OF]->(o) OPTIONAL MATCH (s)-[:USES_PHONE]->(p:Phone) OPTIONAL MATCH (s)-[:USES_VEHICLE]->(v:Vehicle)
       RETURN collect(DISTINCT p.id) AS phones, collect(DISTINCT v.id) AS vehicles }
     WITH o, phones, vehicles WHERE size(phones) >= 2
     RETURN o.id AS id, o.agency AS agency, phones, vehicles ORDER BY o.id LIMIT toInteger($n)`,
    { agencies: FORCE_GEOGRAPHY.map((f) => f.agency), n: COMMS_GROUPS },
  ));
  const result: CommsSeedResult = { groups: groups.length, calls: 0, reads: 0, cameras: 0, cellSites: 0, convoys: 0, meetings: 0 };
  for (const r of records) if (r.type === 'Camera') result.cameras++; else result.cellSites++;
  const byAgency = new Map<string, { calls: CallItem[]; reads: SightingItem[] }>();
  groups.forEach((g, gi) => {
    const rnd = mulberry32((opts.seed * 7919 + gi * 104729) >>> 0);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const agency = g.agency as string;
    const out = byAgency.get(agency) ?? byAgency.set(agency, { calls: [], reads: [] }).get(agency)!;
    const phones = [...(g.phones as string[])].sort();
    const vehicles = [...(g.vehicles as string[])].sort();
    const sites = cells.get(agency)!;
    const cams = cameras.get(agency)!;
    const home = new Map(phones.map((p) => [p, pick(sites)]));
    const day = (d: number) => FROM + d * 86_400_000;
    // Calls: the first phone is the group's hub; the others call it most, and each other now and then.
    const n = int(60, 160);
    for (let i = 0; i < n; i++) {
      const hubCall = rnd() < 0.6;
      const a = hubCall ? pick(phones.slice(1)) : pick(phones);
      let b = hubCall ? phones[0]! : pick(phones);
      if (a === b) b = phones[(phones.indexOf(a) + 1) % phones.length]!;
      const [caller, callee] = rnd() < 0.5 ? [a, b] : [b, a];
      const start = day(int(0, DAYS - 1)) + int(7 * 60, 23 * 60) * MIN + int(0, 59) * 1000;
      out.calls.push({ callerId: caller, calleeId: callee, start, duration: Math.round(-Math.log(1 - rnd() * 0.999) * 90) + 3, cellId: rnd() < 0.8 ? home.get(caller)! : pick(sites), calleeCellId: rnd() < 0.8 ? home.get(callee)! : pick(sites) });
    }
    // A meeting: two of the phones at a cell site neither lives on, minutes apart, on three days.
    const [m1, m2] = [phones[phones.length - 1]!, phones[phones.length - 2]!];
    const meet = sites.find((s) => s !== home.get(m1) && s !== home.get(m2)) ?? sites[0]!;
    for (const d of [10, 38, 71]) {
      const at = day(d + (gi % 5)) + int(12 * 60, 20 * 60) * MIN;
      out.calls.push({ callerId: m1, calleeId: phones[0] === m1 ? phones[1]! : phones[0]!, start: at, duration: int(20, 90), cellId: meet, calleeCellId: null });
      out.calls.push({ callerId: m2, calleeId: phones[0] === m2 ? phones[1]! : phones[0]!, start: at + int(2, 6) * MIN, duration: int(20, 90), cellId: meet, calleeCellId: null });
    }
    result.meetings++;
    // Reads: each vehicle passes cameras of its force on some days.
    for (const v of vehicles) {
      for (let k = int(8, 20); k > 0; k--) out.reads.push({ vehicleId: v, cameraId: pick(cams), time: day(int(0, DAYS - 1)) + int(6 * 60, 23 * 60) * MIN + int(0, 59) * 1000 });
    }
    // A convoy: the second vehicle one to three minutes behind the first past five cameras, on two days.
    if (vehicles.length >= 2) {
      const route = [0, 1, 2, 3, 4].map((i) => cams[(gi + i * 2) % cams.length]!);
      for (const d of [20 + (gi % 7), 55 + (gi % 9)]) {
        let at = day(d) + int(9 * 60, 15 * 60) * MIN;
        for (const cam of route) {
          out.reads.push({ vehicleId: vehicles[0]!, cameraId: cam, time: at }, { vehicleId: vehicles[1]!, cameraId: cam, time: at + int(60, 180) * 1000 });
          at += int(8, 20) * MIN;
        }
      }
      result.convoys++;
    }
  });
  for (const [agency, { calls, reads }] of [...byAgency].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const markings = validateMarkings({ agency, classification: 'OFFICIAL-SENSITIVE', handling: 'P' }, {});
    await writeCommsRecords(db, 'CALLS', calls, markings, { now });
    await writeCommsRecords(db, 'ANPR', reads, markings, { now });
    result.calls += calls.length;
    result.reads += reads.length;
  }
  return result;
}
