import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Communications data through the API: saved column mappings, call-record, ANPR and cell-site
 * imports from files with any headers and delimiter, their weighted aggregate links, and the
 * analyses (call frequency, common contacts, vehicle and phone co-location) on generated data with
 * planted convoys and meetings.
 */
let t: TestApp;
let officer: string;
let analyst: string;
let outsider: string;
let AG1: string;
const P = () => t.prefix;

const IMPORT = `mutation($kind:String!,$mapping:String!,$text:String!,$keepGood:Boolean,$dryRun:Boolean,$classification:String,$compartments:[String!]){
  importComms(kind:$kind,mapping:$mapping,text:$text,keepGood:$keepGood,dryRun:$dryRun,classification:$classification,compartments:$compartments){
    read accepted rejected recordsCreated recordsUnchanged duplicates entitiesCreated entitiesUpdated linksWritten dryRun written errors{ line reason } } }`;
const SAVE = `mutation($input:ImportMappingInput!){ saveImportMapping(input:$input){ name kind delimiter dateFormat timeZone columns{ field column } updatedBy } }`;
const SLICE = 'slice{ nodes{ id type label props } edges{ id source target type props restricted } }';

async function save(token: string, input: Record<string, unknown>) {
  const r = await t.gql(SAVE, { input }, token);
  expect(r.errors).toBeUndefined();
  return r.data.saveImportMapping;
}
async function importText(token: string, vars: Record<string, unknown>) {
  const r = await t.gql(IMPORT, vars, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.importComms;
}

/** Links of a type from the phones/vehicles of this file, as stored. */
async function stored(type: string) {
  return t.db.read(cypher(
    `MATCH (a:Entity)-[r:${type}]->(b:Entity) WHERE a.agency = $ag RETURN a.id AS source, b.id AS target, r.count AS count, r.totalDuration AS totalDuration, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, r.id AS id ORDER BY source, target`,
    { ag: AG1 },
  ));
}

beforeAll(async () => {
  t = await startTestApp();
  AG1 = `${P()}-AG1`;
  officer = await t.user('officer', 'INTEL_OFFICER');
  analyst = await t.user('analyst', 'ANALYST');
  outsider = await t.user('outsider', 'INTEL_OFFICER', { agency: `${P()}-AG2` });
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Agency one');
});

afterAll(async () => {
  await t?.close();
});

// A carrier's export: tab-separated, its own header names, UK dates with the time in a column of
// its own, durations as H:MM:SS, numbers in international form.
const CDR = [
  'A Party\tB Party\tCall Date\tCall Time\tDur (hh:mm:ss)\tStart Cell',
  '+44 7700 900001\t07700900002\t15/07/2026\t10:00:00\t0:01:30\tCELL-1',
  '447700900001\t07700 900002\t15/07/2026\t18:30:00\t0:00:45\tCELL-2',
  '07700900002\t07700900001\t16/07/2026\t09:15:00\t0:10:00\tCELL-1',
  '07700900003\t07700900001\t16/07/2026\t09:20:00\t0:00:05\t',
].join('\n');
const CDR_MAPPING = {
  kind: 'CALLS', dateFormat: 'DD/MM/YYYY', timeZone: 'Europe/London',
  columns: [
    { field: 'caller', column: 'a party' }, { field: 'callee', column: 'B PARTY' }, { field: 'start', column: 'Call Date + Call Time' },
    { field: 'duration', column: 'Dur (hh:mm:ss)' }, { field: 'cellSite', column: 'Start Cell' },
  ],
};

describe('column mappings', () => {
  it('a preview detects the delimiter and guesses the mapping from the header', async () => {
    const r = await t.gql(`query($t:String!){ previewCommsFile(kind:"CALLS", text:$t){ delimiter headers rows suggested{ field column } missing } }`, { t: CDR }, officer);
    expect(r.errors).toBeUndefined();
    const p = r.data.previewCommsFile;
    expect(p.delimiter).toBe('\t');
    expect(p.headers).toEqual(['A Party', 'B Party', 'Call Date', 'Call Time', 'Dur (hh:mm:ss)', 'Start Cell']);
    expect(p.rows).toHaveLength(4);
    expect(p.rows[0][0]).toBe('+44 7700 900001');
    expect(p.suggested).toEqual(expect.arrayContaining([{ field: 'caller', column: 'A Party' }, { field: 'callee', column: 'B Party' }, { field: 'cellSite', column: 'Start Cell' }]));
    const semi = await t.gql(`query($t:String!){ previewCommsFile(kind:"ANPR", text:$t){ delimiter headers suggested{ field column } missing } }`, { t: 'Plate;Reader;When\nAB12CDE;C1;2026-07-01T10:00:00Z\n' }, officer);
    expect(semi.data.previewCommsFile).toMatchObject({ delimiter: ';', missing: ['time'] });
  });

  it('is saved by name for the agency, replaced by name, refused when incomplete, and not shown to another agency', async () => {
    const m = await save(officer, { ...CDR_MAPPING, name: 'Carrier X CDR' });
    expect(m).toMatchObject({ name: 'Carrier X CDR', kind: 'CALLS', delimiter: null, dateFormat: 'DD/MM/YYYY', timeZone: 'Europe/London', updatedBy: `${P()}.officer` });
    const bad = await t.gql(SAVE, { input: { name: 'half', kind: 'CALLS', columns: [{ field: 'caller', column: 'A' }] } }, officer);
    expect(bad.errors?.[0]?.message).toMatch(/Map a column to callee, start/);
    const unknown = await t.gql(SAVE, { input: { name: 'x', kind: 'CALLS', columns: [{ field: 'imsi', column: 'A' }] } }, officer);
    expect(unknown.errors?.[0]?.message).toMatch(/no field "imsi"/);
    const mine = await t.gql('{ importMappings(kind:"CALLS"){ name } }', {}, officer);
    expect(mine.data.importMappings.map((x: { name: string }) => x.name)).toContain('Carrier X CDR');
    const theirs = await t.gql('{ importMappings{ name } }', {}, outsider);
    expect(theirs.data.importMappings).toEqual([]);
    const denied = await t.gql(SAVE, { input: { ...CDR_MAPPING, name: 'analyst' } }, analyst);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('call data import', () => {
  it('imports a TSV with arbitrary headers through the saved mapping into phones, cell sites and weighted CALLS links', async () => {
    // A phone already on file for the agency, written with spaces: the import attaches to it.
    const known = await t.entity('PH-KNOWN', 'Phone', { number: '07700 900001' });
    const r = await importText(officer, { kind: 'CALLS', mapping: 'Carrier X CDR', text: CDR });
    expect(r).toMatchObject({ read: 4, accepted: 4, rejected: 0, recordsCreated: 4, written: true, errors: [] });
    expect(r.entitiesCreated).toBe(4); // two new phones and two cell sites
    const calls = await stored('CALLS');
    const p2 = `PHONE-${AG1}-07700900002`;
    const p3 = `PHONE-${AG1}-07700900003`;
    expect(calls.map((c) => [c.source, c.target, c.count, c.totalDuration])).toEqual([
      [known, p2, 2, 135],
      [p3, known, 1, 5],
      [p2, known, 1, 600],
    ].sort((a, b) => (`${a[0]}|${a[1]}` < `${b[0]}|${b[1]}` ? -1 : 1)));
    // 10:00 in London in July is 09:00 UTC.
    expect(calls.find((c) => c.source === known)).toMatchObject({ firstSeen: '2026-07-15T09:00:00.000Z', lastSeen: '2026-07-15T17:30:00.000Z' });
    const cells = await stored('USED_CELL');
    expect(cells.map((c) => [c.source, c.target, c.count])).toEqual(expect.arrayContaining([[known, `CELL-${AG1}-CELL-1`, 1], [p2, `CELL-${AG1}-CELL-1`, 1]]));
  });

  it('importing the same file again changes nothing', async () => {
    const before = await stored('CALLS');
    const r = await importText(officer, { kind: 'CALLS', mapping: 'Carrier X CDR', text: CDR });
    expect(r).toMatchObject({ recordsCreated: 0, recordsUnchanged: 4, entitiesCreated: 0, linksWritten: 0 });
    expect(await stored('CALLS')).toEqual(before);
  });

  it('reports bad rows by line and writes nothing, unless asked to keep the good ones', async () => {
    const text = [CDR.split('\n')[0], '07700900004\t07700900005\t17/07/2026\t08:00:00\t60\t', 'not-a-number\t07700900005\t17/07/2026\t08:00:00\t60\t',
      '07700900004\t07700900005\t31/02/2026\t08:00:00\t60\t', '07700900004\t07700900005\t17/07/2099\t08:00:00\t60\t', '07700900004\t07700900005\t17/07/2026\t08:01:00\tlong\t'].join('\n');
    const r = await importText(officer, { kind: 'CALLS', mapping: 'Carrier X CDR', text });
    expect(r).toMatchObject({ read: 5, accepted: 1, rejected: 4, written: false, recordsCreated: 0 });
    expect(r.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6]);
    expect(r.errors[0].reason).toMatch(/caller: "not-a-number" is not a telephone number/);
    expect(r.errors[1].reason).toMatch(/not a DD\/MM\/YYYY date/);
    expect(r.errors[2].reason).toMatch(/in the future/);
    expect(r.errors[3].reason).toMatch(/duration/);
    expect((await stored('CALLS')).some((c) => c.source === `PHONE-${AG1}-07700900004`)).toBe(false);
    const kept = await importText(officer, { kind: 'CALLS', mapping: 'Carrier X CDR', text, keepGood: true });
    expect(kept).toMatchObject({ written: true, recordsCreated: 1, rejected: 4 });
    expect((await stored('CALLS')).some((c) => c.source === `PHONE-${AG1}-07700900004`)).toBe(true);
  });

  it('names the columns a file lacks, refuses a mapping of another kind, and needs the import permission', async () => {
    const lacking = await t.gql(IMPORT, { kind: 'CALLS', mapping: 'Carrier X CDR', text: 'A Party\tB Party\tWhen\n1\t2\t3\n' }, officer);
    expect(lacking.errors?.[0]?.message).toMatch(/no column "Call Date" \(for start\).*its header is "A Party", "B Party", "When"/);
    const wrongKind = await t.gql(IMPORT, { kind: 'ANPR', mapping: 'Carrier X CDR', text: CDR }, officer);
    expect(wrongKind.errors?.[0]?.message).toMatch(/for CALLS files, not ANPR/);
    const denied = await t.gql(IMPORT, { kind: 'CALLS', mapping: 'Carrier X CDR', text: CDR }, analyst);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const above = await t.gql(IMPORT, { kind: 'CALLS', mapping: 'Carrier X CDR', text: CDR, compartments: ['CHIS'] }, officer);
    expect(above.errors?.[0]?.message).toMatch(/cleared for/);
  });

  it('a cell-site list places the cell sites the calls named', async () => {
    await save(officer, { name: 'Sites', kind: 'CELL_SITES', delimiter: '|', columns: [{ field: 'cellId', column: 'CGI' }, { field: 'lat', column: 'Latitude' }, { field: 'lon', column: 'Longitude' }, { field: 'name', column: 'Site' }] });
    const r = await importText(officer, { kind: 'CELL_SITES', mapping: 'Sites', text: 'CGI|Latitude|Longitude|Site\nCELL-1|52.4800|-1.9000|Bull Ring\nCELL-9|52.5|-1.8|Elsewhere\n' });
    expect(r).toMatchObject({ accepted: 2, entitiesCreated: 1, entitiesUpdated: 1 });
    const [cell] = await t.db.read(cypher('MATCH (c:CellSite {id: $id}) RETURN c.lat AS lat, c.lon AS lon, c.name AS name, c.point IS NOT NULL AS placed', { id: `CELL-${AG1}-CELL-1` }));
    expect(cell).toEqual({ lat: 52.48, lon: -1.9, name: 'Bull Ring', placed: true });
  });
});

describe('call analyses', () => {
  it('call frequency over a window and common contacts', async () => {
    const known = `${P()}-PH-KNOWN`;
    const p2 = `PHONE-${AG1}-07700900002`;
    const p3 = `PHONE-${AG1}-07700900003`;
    const q = `query($ids:[ID!]!,$from:String,$to:String){ callFrequency(phoneIds:$ids,from:$from,to:$to){ ${SLICE} pairs{ caller callee calls totalDuration firstCall lastCall } buckets{ start calls } } }`;
    const all = (await t.gql(q, { ids: [known] }, analyst)).data.callFrequency;
    expect(all.pairs.map((p: { caller: string; callee: string; calls: number }) => [p.caller, p.callee, p.calls])).toEqual([[known, p2, 2], [p2, known, 1], [p3, known, 1]]);
    expect(all.buckets).toEqual([{ start: '2026-07-15', calls: 2 }, { start: '2026-07-16', calls: 2 }]);
    expect(all.slice.nodes.map((n: { id: string }) => n.id).sort()).toEqual([known, p2, p3].sort());
    expect(all.slice.edges.every((e: { type: string }) => e.type === 'CALLS')).toBe(true);
    const day = (await t.gql(q, { ids: [known], from: '2026-07-16', to: '2026-07-16' }, analyst)).data.callFrequency;
    expect(day.pairs.map((p: { caller: string; calls: number }) => [p.caller, p.calls])).toEqual([[p2, 1], [p3, 1]].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    const common = await t.gql(`query($ids:[ID!]!){ commonContacts(phoneIds:$ids){ contacts{ contactId total by{ phoneId calls } } } }`, { ids: [p2, p3] }, analyst);
    expect(common.data.commonContacts.contacts).toEqual([{ contactId: known, total: 4, by: [{ phoneId: p2, calls: 3 }, { phoneId: p3, calls: 1 }] }]);
    // Another agency sees none of it.
    const other = (await t.gql(q, { ids: [known] }, outsider)).data.callFrequency;
    expect(other).toMatchObject({ pairs: [], buckets: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// Co-location on generated data: background traffic plus planted convoys and meetings.

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Read { vrm: string; camera: string; at: number }

/** Pairs meeting a subject at >= minPlaces cameras within the window, by brute force. */
function oracle(reads: Read[], subject: string, windowMs: number, minPlaces: number): Map<string, { places: Set<string>; leaders: Set<string> }> {
  const out = new Map<string, { places: Set<string>; leaders: Set<string> }>();
  for (const a of reads) {
    if (a.vrm !== subject) continue;
    for (const b of reads) {
      if (b.vrm === subject || b.camera !== a.camera || Math.abs(a.at - b.at) > windowMs) continue;
      const m = out.get(b.vrm) ?? { places: new Set(), leaders: new Set() };
      m.places.add(a.camera);
      m.leaders.add(a.at === b.at ? '' : a.at < b.at ? a.vrm : b.vrm);
      out.set(b.vrm, m);
    }
  }
  for (const [k, v] of out) if (v.places.size < minPlaces) out.delete(k);
  return out;
}

describe('co-location', () => {
  const day = Date.UTC(2026, 5, 1);
  const reads: Read[] = [];
  const convoys: [string, string][] = [];
  const vrm = (i: number) => `CV${String(i).padStart(2, '0')}${P().slice(1, 4).toUpperCase()}`;

  beforeAll(async () => {
    const r = rng(20260601);
    // Background: 150 vehicles, 8 reads each at random cameras and times of one day.
    for (let v = 0; v < 150; v++) for (let k = 0; k < 8; k++) reads.push({ vrm: vrm(v), camera: `CAM${Math.floor(r() * 40)}`, at: day + Math.floor(r() * 86_400_000) });
    // Planted: four convoys, the follower one to three minutes behind the leader at 4-6 cameras along a route.
    for (let c = 0; c < 4; c++) {
      const [lead, follow] = [vrm(200 + 2 * c), vrm(201 + 2 * c)];
      convoys.push([lead, follow]);
      let at = day + Math.floor(r() * 80_000_000);
      const stops = 4 + Math.floor(r() * 3);
      for (let s = 0; s < stops; s++) {
        const camera = `CAM${(c * 7 + s * 3) % 40}`;
        reads.push({ vrm: lead, camera, at }, { vrm: follow, camera, at: at + 60_000 + Math.floor(r() * 120_000) });
        at += 600_000 + Math.floor(r() * 600_000);
      }
    }
    await save(officer, { name: 'NADC reads', kind: 'ANPR', dateFormat: 'ISO', columns: [{ field: 'vrm', column: 'VRM' }, { field: 'camera', column: 'Camera' }, { field: 'time', column: 'Read time' }] });
    const text = ['VRM,Camera,Read time', ...reads.map((x) => `${x.vrm},${x.camera},${new Date(x.at).toISOString()}`)].join('\n');
    const res = await importText(officer, { kind: 'ANPR', mapping: 'NADC reads', text });
    expect(res).toMatchObject({ rejected: 0, recordsCreated: reads.length });
  });

  const vid = (v: string) => `VEH-${AG1}-${v}`;
  const Q = `query($ids:[ID!]!,$m:Int!,$p:Int!){ vehicleCoLocation(vehicleIds:$ids,withinMinutes:$m,minPlaces:$p){ ${SLICE} pairs{ aId bId label places sightings convoy leaderId meanGapSeconds } events{ aId bId placeId gapSeconds } } }`;

  it('finds each planted convoy from either vehicle, with its leader, and no false pairs', async () => {
    for (const [lead, follow] of convoys) {
      for (const subject of [lead, follow]) {
        const r = await t.gql(Q, { ids: [vid(subject)], m: 5, p: 3 }, analyst);
        expect(r.errors).toBeUndefined();
        const pairs = r.data.vehicleCoLocation.pairs;
        const expected = oracle(reads, subject, 5 * 60_000, 3);
        expect(pairs.map((p: { aId: string; bId: string }) => [p.aId, p.bId].find((x) => x !== vid(subject)))).toEqual([...expected.keys()].map(vid));
        expect(pairs).toHaveLength(1);
        const [p] = pairs;
        expect([p.aId, p.bId].sort()).toEqual([vid(lead), vid(follow)].sort());
        expect(p).toMatchObject({ convoy: true, leaderId: vid(lead) });
        expect(p.places).toBe(reads.filter((x) => x.vrm === lead).length);
        expect(p.meanGapSeconds).toBeGreaterThanOrEqual(60);
        expect(p.meanGapSeconds).toBeLessThanOrEqual(180);
        expect(r.data.vehicleCoLocation.slice.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([vid(lead), vid(follow)]));
      }
    }
  });

  it('agrees with brute force for background vehicles, and with two vehicles given checks only that pair', async () => {
    for (const v of [vrm(3), vrm(77), vrm(149)]) {
      const r = await t.gql(Q, { ids: [vid(v)], m: 30, p: 2 }, analyst);
      const expected = oracle(reads, v, 30 * 60_000, 2);
      const got = r.data.vehicleCoLocation.pairs.map((p: { aId: string; bId: string; places: number }) => [[p.aId, p.bId].find((x) => x !== vid(v)), p.places]);
      expect(new Map(got)).toEqual(new Map([...expected].map(([k, m]) => [vid(k), m.places.size])));
    }
    const [lead, follow] = convoys[0]!;
    const both = await t.gql(Q, { ids: [vid(lead), vid(follow)], m: 5, p: 3 }, analyst);
    expect(both.data.vehicleCoLocation.pairs).toHaveLength(1);
    expect(both.data.vehicleCoLocation.pairs[0]).toMatchObject({ convoy: true, leaderId: vid(lead) });
    const strangers = await t.gql(Q, { ids: [vid(lead), vid(convoys[1]![1])], m: 5, p: 3 }, analyst);
    expect(strangers.data.vehicleCoLocation.pairs).toEqual([]);
    // Another agency: nothing.
    const other = await t.gql(Q, { ids: [vid(lead)], m: 5, p: 3 }, outsider);
    expect(other.data.vehicleCoLocation).toMatchObject({ pairs: [], events: [] });
  });

  it('finds phones meeting on cell sites (from the cell sites of their calls), and no false pairs', async () => {
    const r = rng(7);
    const rows: string[] = [];
    const num = (i: number) => `0770090${String(1000 + i).slice(-4)}`;
    const calls: { who: string; cell: string; at: number }[] = [];
    // Background: 60 phones calling a switchboard from random cells at random times.
    for (let i = 0; i < 60; i++) {
      for (let k = 0; k < 6; k++) {
        const at = day + Math.floor(r() * 86_400_000);
        const cell = `S${Math.floor(r() * 50)}`;
        rows.push(`${num(i)}\t07000000000\t${new Date(at).toISOString()}\t10\t${cell}`);
        calls.push({ who: num(i), cell, at });
      }
    }
    // Planted: phones 100 and 101 meet at three sites, minutes apart.
    for (const [s, at] of [['S60', day + 3_600_000], ['S61', day + 20_000_000], ['S62', day + 50_000_000]] as const) {
      rows.push(`${num(100)}\t07000000000\t${new Date(at).toISOString()}\t10\t${s}`, `${num(101)}\t07000000000\t${new Date(at + 240_000).toISOString()}\t10\t${s}`);
    }
    await save(officer, { name: 'meet', kind: 'CALLS', delimiter: '\t', columns: [{ field: 'caller', column: 'a' }, { field: 'callee', column: 'b' }, { field: 'start', column: 't' }, { field: 'duration', column: 'd' }, { field: 'cellSite', column: 'c' }] });
    const res = await importText(officer, { kind: 'CALLS', mapping: 'meet', text: ['a\tb\tt\td\tc', ...rows].join('\n') });
    expect(res.rejected).toBe(0);
    const pid = (n: string) => `PHONE-${AG1}-${n}`;
    const Qp = `query($ids:[ID!]!){ phoneCoLocation(phoneIds:$ids,withinMinutes:10,minPlaces:3){ pairs{ aId bId places convoy leaderId } events{ placeId } } }`;
    const found = (await t.gql(Qp, { ids: [pid(num(100))] }, analyst)).data.phoneCoLocation;
    expect(found.pairs).toEqual([{ aId: pid(num(100)), bId: pid(num(101)), places: 3, convoy: true, leaderId: pid(num(100)) }]);
    expect(found.events.map((e: { placeId: string }) => e.placeId)).toEqual(['S60', 'S61', 'S62'].map((s) => `CELL-${AG1}-${s}`));
    // The switchboard is in every call but has no cell site: never a co-located pair.
    for (const i of [0, 17, 59]) {
      const got = (await t.gql(Qp, { ids: [pid(num(i))] }, analyst)).data.phoneCoLocation.pairs;
      const mine = calls.filter((c) => c.who === num(i));
      const expected = new Set<string>();
      const places = new Map<string, Set<string>>();
      for (const a of mine) for (const b of calls) if (b.who !== a.who && b.cell === a.cell && Math.abs(b.at - a.at) <= 600_000) (places.get(b.who) ?? places.set(b.who, new Set()).get(b.who)!).add(a.cell);
      for (const [w, s] of places) if (s.size >= 3) expected.add(pid(w));
      expect(new Set(got.map((p: { aId: string; bId: string }) => (p.aId === pid(num(i)) ? p.bId : p.aId)))).toEqual(expected);
    }
  });
});

describe('import:comms CLI', { timeout: 240_000 }, () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const run = (args: string[]) => {
    const { uri, user, password } = inject('neo4j');
    return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['server/cli/importComms.ts', ...args], {
      cwd: root, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
    });
  };

  it('imports a file through a mapping file, saves the mapping, and a re-run by name stores nothing twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comms-cli-'));
    try {
      const file = path.join(dir, 'reads.txt');
      fs.writeFileSync(file, ['Index|Reader|Seen at|Lane', 'AB12 CDE|M6-J6-N|01/06/2025 08:00|1', 'AB12CDE|M6-J7-N|01/06/2025 08:09|1', 'XY65 ZZZ|M6-J6-N|01/06/2025 08:02|2'].join('\n'));
      const spec = path.join(dir, 'spec.json');
      fs.writeFileSync(spec, JSON.stringify({ name: 'Regional ANPR export', kind: 'ANPR', dateFormat: 'DD/MM/YYYY', timeZone: 'Europe/London', columns: { vrm: 'Index', camera: 'Reader', time: 'Seen at', direction: 'Lane' } }));
      const first = run(['--agency', AG1, '--mapping-file', spec, '--save-mapping', '--json', file]);
      expect(first.status, first.stderr).toBe(0);
      const s1 = JSON.parse(first.stdout);
      expect(s1).toMatchObject({ kind: 'ANPR', delimiter: '|', read: 3, accepted: 3, rejected: 0, written: true });
      expect(s1.counts).toMatchObject({ recordsCreated: 3, entities: { created: 4 } });
      const [seen] = await t.db.read(cypher('MATCH (v:Vehicle {id: $v})-[r:SEEN_AT]->(c:Camera) RETURN count(r) AS links, sum(r.count) AS reads, min(r.firstSeen) AS first', { v: `VEH-${AG1}-AB12CDE` }));
      expect(seen).toEqual({ links: 2, reads: 2, first: '2025-06-01T07:00:00.000Z' });
      const again = run(['--agency', AG1, '--mapping', 'Regional ANPR export', '--json', file]);
      expect(again.status, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).counts).toMatchObject({ recordsCreated: 0, recordsUnchanged: 3 });
      fs.appendFileSync(file, '\nnot a plate!|M6-J6-N|01/06/2025 08:30|1');
      const bad = run(['--agency', AG1, '--mapping', 'Regional ANPR export', file]);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/line 5: vrm: "not a plate!" is not a registration mark/);
      expect(bad.stdout).toMatch(/Nothing was written/);
      const none = run(['--agency', AG1, '--mapping', 'No such mapping', file]);
      expect(none.status).toBe(2);
      expect(none.stderr).toMatch(/has no saved mapping "No such mapping"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
