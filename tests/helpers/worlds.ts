import fc from 'fast-check';
import { cypher, type Db } from '../../server/db/db.js';
import { propDefs } from '../../server/domain/model.js';
import { decide, type Access, type Markings, type Viewer } from '../../server/domain/policy.js';
import { STUB_IDENTIFIERS } from '../../server/domain/search.js';
import { validateEntity, validateLink, validateMarkings } from '../../server/domain/validate.js';
import { writeCommsRecords, type CallItem, type SightingItem } from '../../server/graph/comms.js';
import { noteChanges } from '../../server/graph/changes.js';
import { writeEntities, writeLinks } from '../../server/graph/write.js';

/**
 * Generated worlds for the noninterference property: "two worlds that differ only in what a viewer
 * may not know give that viewer identical answers".
 *
 * A world is a small graph of entities and links with random markings (owner agency, classification,
 * compartments, not-for-dissemination, disseminations). `twin(world, viewer, seed)` makes the second
 * world of a pair by changing only what `decide` says that viewer may not know:
 *  - records hidden from the viewer: removed, rewritten, or joined by new hidden records and links;
 *  - records the viewer sees as stubs: everything but their type, owner and deconfliction identifiers;
 *  - records disseminated to the viewer's agency: the sensitive fields behind the sanitised copy;
 *  - links the viewer sees: the reports hidden from the viewer behind them (added or removed), and
 *    the grades of supporting reports the viewer sees only as stubs;
 *  - communications records (calls, ANPR reads) the viewer may not see: removed, moved in time or
 *    place, or joined by new ones. Their aggregate links (CALLS, SEEN_AT, USED_CELL with counts)
 *    are derived from the records of both worlds by the platform, as in use.
 * Ids of records the viewer may know of are the same in both worlds.
 */

/** Agencies of a world, by role: the viewers' own, a partner that receives disseminations, two others. */
export const AGENCY_KEYS = ['V', 'P', 'X', 'Y'] as const;
export type AgencyKey = (typeof AGENCY_KEYS)[number];

export interface WorldMarkings {
  agency: AgencyKey;
  classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE' | 'SECRET' | 'TOP SECRET';
  compartments: string[];
  nfd: boolean;
  disseminatedTo: AgencyKey[];
}

export interface WorldEntity {
  key: string;
  /** A generated type, or a type of the requirement's skeleton (which never changes between twins). */
  type: WorldType | SkeletonType;
  label?: string;
  props: Record<string, unknown>;
  markings: WorldMarkings;
}

export interface WorldLink {
  source: string;
  type: string;
  target: string;
  props: Record<string, unknown>;
  reports: string[];
  markings: WorldMarkings;
}

/** A call between two phones or an ANPR read of a vehicle, at a place (cell site or camera of the skeleton). */
export interface WorldRecord {
  kind: 'call' | 'read';
  /** Caller phone, or the vehicle read. */
  a: string;
  /** Callee phone (calls). */
  b?: string;
  /** Skeleton key of the cell site of the caller, or the camera. */
  place: string;
  /** Minutes after WORLD_COMMS_START. */
  minute: number;
  duration: number;
  markings: WorldMarkings;
}

export interface World {
  entities: WorldEntity[];
  links: WorldLink[];
  records: WorldRecord[];
}

export const WORLD_TYPES = ['Subject', 'Vehicle', 'Phone', 'Location', 'IntelligenceReport', 'OCG'] as const;
export type WorldType = (typeof WORLD_TYPES)[number];
type SkeletonType = 'Priority' | 'IntelligenceRequirement' | 'Question' | 'Camera' | 'CellSite';
const isWorldType = (t: string): t is WorldType => (WORLD_TYPES as readonly string[]).includes(t);

/**
 * What stays the same of a record a viewer sees as a stub: the identifiers it may be found by (a
 * colleague quotes them to deconflict, `domain/search.STUB_IDENTIFIERS`). Everything else may differ.
 */
export const STUB_KEEPS: Record<WorldType, readonly string[]> = Object.fromEntries(
  WORLD_TYPES.map((t) => [t, (STUB_IDENTIFIERS[t] ?? []).flatMap((i) => i.props)]),
) as unknown as Record<WorldType, readonly string[]>;

/** Link types the generator draws, with the entity types at each end. */
const LINK_SHAPES: { type: string; from: string[]; to: string[] }[] = [
  { type: 'ASSOCIATE_OF', from: ['Subject'], to: ['Subject'] },
  { type: 'USES_PHONE', from: ['Subject'], to: ['Phone'] },
  { type: 'USES_VEHICLE', from: ['Subject', 'OCG'], to: ['Vehicle'] },
  { type: 'LIVES_AT', from: ['Subject'], to: ['Location'] },
  { type: 'FREQUENTS', from: ['Subject', 'OCG'], to: ['Location'] },
  { type: 'MEMBER_OF', from: ['Subject'], to: ['OCG'] }, // role drawn with the link
  { type: 'CALLS', from: ['Phone'], to: ['Phone'] }, // count drawn with the link
  { type: 'MENTIONS', from: ['IntelligenceReport'], to: ['Subject', 'Vehicle', 'Phone', 'Location', 'OCG'] },
  // Reports answering the requirement's questions: coverage must be computed from what the viewer sees.
  { type: 'ANSWERS', from: ['IntelligenceReport'], to: ['Question'] },
];

/**
 * The intelligence requirement every world carries, owned by the viewers' agency: a priority, a
 * requirement asking two questions about entities of the world. Reports (of any markings) answer
 * the questions through generated links, so coverage and gaps are computed over mixed evidence.
 */
function skeleton(entities: WorldEntity[], words: string[]): { entities: WorldEntity[]; links: WorldLink[] } {
  const own: WorldMarkings = { agency: 'V', classification: 'OFFICIAL', compartments: [], nfd: false, disseminatedTo: ['P'] };
  const add: WorldEntity[] = [
    // A group and its principal held by the viewers' agency (full to its staff, a stub to others):
    // what profiles, problem profiles and their releases are about in every world.
    { key: 's0', type: 'Subject', props: { forename: words[0], surname: words[1], dob: '1979-05-05', pncId: 'PNC000001', notes: `${words[2]} ${words[3]}` }, markings: M('V', 'OFFICIAL-SENSITIVE') },
    { key: 'g0', type: 'OCG', label: `${words[4]} group`, props: { reference: 'OCG-000-0', status: 'ACTIVE', crimeTypes: ['DRUGS_SUPPLY'], notes: `${words[5]} ${words[6]}` }, markings: M('V', 'OFFICIAL') },
    { key: 'p1', type: 'Priority', label: 'Priority drugs supply', props: { rank: 1 }, markings: own },
    { key: 'r1', type: 'IntelligenceRequirement', label: 'Requirement county lines', props: { kind: 'TACTICAL' }, markings: own },
    { key: 'q1', type: 'Question', label: 'Who supplies the line?', props: { text: 'Who supplies the line?', reviewPeriodDays: 28 }, markings: own },
    { key: 'q2', type: 'Question', label: 'Where is it stored?', props: { text: 'Where is it stored?', reviewPeriodDays: 28 }, markings: own },
    // Places of communications records: cell sites and ANPR cameras, reference data of the viewers' agency.
    ...PLACES.map((key, i): WorldEntity => (key.startsWith('cam')
      ? { key, type: 'Camera', props: { cameraId: `CAM${i}`, lat: 52.4 + i / 100, lon: -1.9 }, markings: own }
      : { key, type: 'CellSite', props: { cellId: `CELL${i}`, lat: 52.5 + i / 100, lon: -1.8 }, markings: own })),
  ];
  const plain = (source: string, type: string, target: string): WorldLink => ({ source, type, target, props: {}, reports: [], markings: own });
  const links = [plain('r1', 'SUPPORTS', 'p1'), plain('r1', 'ASKS', 'q1'), plain('r1', 'ASKS', 'q2'),
    { source: 's0', type: 'MEMBER_OF', target: 'g0', props: { role: 'PRINCIPAL' }, reports: [], markings: M('V', 'OFFICIAL-SENSITIVE') }];
  const subjects = entities.filter((e) => ['Subject', 'OCG', 'Location'].includes(e.type));
  subjects.slice(0, 3).forEach((e, i) => links.push(plain(i % 2 ? 'q2' : 'q1', 'CONCERNS', e.key)));
  return { entities: add, links };
}

export const PLACES = ['cam0', 'cam1', 'cam2', 'cell0', 'cell1', 'cell2'] as const;
/** Time of minute 0 of a world's communications records. */
export const WORLD_COMMS_START = Date.UTC(2025, 10, 3, 8, 0, 0);

/** Communications records among a world's phones and vehicles: close in time and place, so they meet. */
function makeRecords(entities: WorldEntity[], raw: [boolean, number, number, number, number, number, WorldMarkings][]): WorldRecord[] {
  const phones = entities.filter((e) => e.type === 'Phone');
  const vehicles = entities.filter((e) => e.type === 'Vehicle');
  const out: WorldRecord[] = [];
  for (const [call, x, y, place, minute, duration, markings] of raw) {
    const m = { ...markings, disseminatedTo: [] }; // records are held, not disseminated
    if (call && phones.length >= 2) {
      const a = phones[x % phones.length]!;
      const b = phones[y % phones.length]!;
      if (a.key !== b.key) out.push({ kind: 'call', a: a.key, b: b.key, place: PLACES[3 + (place % 3)]!, minute, duration, markings: m });
    } else if (!call && vehicles.length) {
      out.push({ kind: 'read', a: vehicles[x % vehicles.length]!.key, place: PLACES[place % 3]!, minute, duration: 0, markings: m });
    }
  }
  return out;
}

/**
 * Words of a world. Each run has its own letters in front of every word, so nothing another test
 * file holds can match them, and the words of both worlds of a pair come from one list (the
 * searches of both runs are the same).
 */
export function vocabulary(prefix: string): string[] {
  const letters = prefix.replace(/[^0-9a-f]/g, '').slice(0, 6).split('').map((c) => String.fromCharCode(103 + parseInt(c, 16))).join('');
  return ['amber', 'basalt', 'cobalt', 'dunlin', 'ember', 'falcon', 'garnet', 'harbour', 'indigo', 'juniper', 'kestrel', 'lantern']
    .map((w) => `${letters}${w}`);
}

const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET'] as const;

const randomMarkings: fc.Arbitrary<WorldMarkings> = fc.record({
  agency: fc.constantFrom<AgencyKey>('V', 'V', 'P', 'X', 'Y'),
  classification: fc.constantFrom(...CLASSIFICATIONS, 'OFFICIAL', 'SECRET'),
  compartments: fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>([]) }, { weight: 2, arbitrary: fc.constant<string[]>(['CHIS']) }, { weight: 1, arbitrary: fc.constant<string[]>(['OP-NIGHTJAR']) }),
  nfd: fc.boolean(), // thinned below: not-for-dissemination is exceptional
  disseminatedTo: fc.subarray<AgencyKey>(['V', 'P', 'X']),
}).chain((m) => fc.integer({ min: 0, max: 5 }).map((k) => ({
  // A record marked not for dissemination is not disseminated (the platform refuses it).
  ...m, nfd: m.nfd && k === 0, disseminatedTo: m.nfd && k === 0 ? [] : m.disseminatedTo.filter((a) => a !== m.agency),
})));

const M = (agency: AgencyKey, classification: WorldMarkings['classification'], extra: Partial<WorldMarkings> = {}): WorldMarkings =>
  ({ agency, classification, compartments: [], nfd: false, disseminatedTo: [], ...extra });

/**
 * Markings in the situations that matter to the viewers (V's own staff and P's liaison), so that
 * every world holds records each of them sees in full, as a shared copy, as a stub and not at all;
 * and now and then markings drawn at random.
 */
const markingsArb: fc.Arbitrary<WorldMarkings> = fc.oneof(
  fc.constantFrom(
    M('V', 'OFFICIAL'), M('V', 'SECRET'), M('V', 'OFFICIAL', { disseminatedTo: ['P'] }), M('V', 'OFFICIAL-SENSITIVE', { disseminatedTo: ['P'] }),
    M('P', 'OFFICIAL', { disseminatedTo: ['V'] }), M('P', 'OFFICIAL'), M('X', 'OFFICIAL'), M('X', 'SECRET', { disseminatedTo: ['V', 'P'] }),
    M('X', 'OFFICIAL-SENSITIVE', { disseminatedTo: ['P'] }), M('V', 'SECRET', { compartments: ['CHIS'] }), M('X', 'SECRET', { compartments: ['CHIS'], disseminatedTo: ['V'] }),
    M('Y', 'TOP SECRET'), M('X', 'OFFICIAL', { nfd: true }), M('V', 'OFFICIAL', { compartments: ['OP-NIGHTJAR'] }),
  ),
  randomMarkings,
);

/** Random props for one entity type, drawn from the run's vocabulary. */
export function propsArb(type: WorldType, words: string[], n: number): fc.Arbitrary<{ props: Record<string, unknown>; label?: string }> {
  const word = fc.constantFrom(...words);
  const sentence = fc.array(word, { minLength: 2, maxLength: 5 }).map((ws) => ws.join(' '));
  const date = fc.constantFrom('1980-02-14', '1985-07-01', '1990-11-30', '1972-03-03');
  const digits = (len: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: len, maxLength: len }).map((d) => d.join(''));
  switch (type) {
    case 'Subject':
      return fc.record({ forename: word, surname: word, dob: date, pncId: digits(6).map((d) => `PNC${d}`), notes: sentence })
        .map((props) => ({ props }));
    case 'Vehicle':
      return fc.tuple(fc.constantFrom('QX', 'ZY', 'WV'), digits(2), fc.constantFrom('ABC', 'KLM', 'XYZ'), word, word)
        .map(([a, d, b, make, colour]) => ({ props: { vrm: `${a}${d}${n}${b}`.slice(0, 10), make, colour } }));
    case 'Phone':
      return fc.tuple(digits(7), digits(6)).map(([d, i]) => ({ props: { number: `079${n}${d}`.slice(0, 11), imei: `35${i}${n}` } }));
    case 'Location':
      return fc.tuple(fc.integer({ min: 1, max: 99 }), word, fc.constantFrom('B1 1AA', 'M4 5BD', 'LS2 9JT'))
        .map(([no, street, postcode]) => ({ props: { address: `${no} ${street} Road`, postcode } }));
    case 'OCG':
      return fc.tuple(word, sentence, digits(3), fc.constantFrom(['DRUGS_SUPPLY'], ['FIREARMS'], ['DRUGS_SUPPLY', 'MODERN_SLAVERY']))
        .map(([name, notes, d, crimeTypes]) => ({ label: `${name} group`, props: { reference: `OCG-${d}-${n}`, notes, status: 'ACTIVE', crimeTypes } }));
    case 'IntelligenceReport':
      return fc.record({
        text: sentence, sanitisedText: sentence,
        sourceEvaluation: fc.constantFrom('1', '2', '3'), intelAssessment: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
        sourceId: digits(4).map((d) => `SRC-${d}`),
      }).chain((props) => word.map((w) => ({ label: `Report ${w}`, props })));
  }
}

/** A world of a few entities of each kind and links among them. */
export function worldArb(prefix: string, size: { entities: number; links: number } = { entities: 16, links: 20 }): fc.Arbitrary<World> {
  const words = vocabulary(prefix);
  const entity = (i: number) => fc.constantFrom(...WORLD_TYPES).chain((type) =>
    fc.tuple(propsArb(type, words, i % 10), markingsArb).map(([p, markings]): WorldEntity => ({ key: `e${i}`, type, label: p.label, props: p.props, markings })));
  return fc.tuple(...Array.from({ length: size.entities }, (_, i) => entity(i))).chain((entities) => {
    const link = fc.tuple(fc.nat(), fc.nat(), fc.nat(), markingsArb, fc.array(fc.nat(), { maxLength: 3 }), fc.integer({ min: 1, max: 500 }), fc.constantFrom('PRINCIPAL', 'PERIPHERAL'));
    const record = fc.tuple(fc.boolean(), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 900 }), markingsArb);
    return fc.tuple(fc.array(link, { maxLength: size.links }), fc.array(record, { maxLength: 14 })).map(([raw, rawRecords]) => {
      const sk = skeleton(entities, words);
      const all = [...entities, ...sk.entities];
      return { entities: all, links: [...sk.links, ...makeLinks(all, raw)], records: makeRecords(all, rawRecords) };
    });
  });
}

function makeLinks(entities: WorldEntity[], raw: [number, number, number, WorldMarkings, number[], number, string][]): WorldLink[] {
  const reports = entities.filter((e) => e.type === 'IntelligenceReport');
  const out = new Map<string, WorldLink>();
  for (const [s, shapeN, t, markings, reportNs, count, role] of raw) {
    const shape = LINK_SHAPES[shapeN % LINK_SHAPES.length]!;
    const from = entities.filter((e) => shape.from.includes(e.type));
    const to = entities.filter((e) => shape.to.includes(e.type));
    if (!from.length || !to.length) continue;
    const a = from[s % from.length]!;
    const b = to[t % to.length]!;
    if (a.key === b.key) continue;
    const props = shape.type === 'MEMBER_OF' ? { role } : shape.type === 'CALLS' ? { count } : {};
    const reps = reports.length ? [...new Set(reportNs.map((r) => reports[r % reports.length]!.key))] : [];
    out.set(`${a.key}|${shape.type}|${b.key}`, { source: a.key, type: shape.type, target: b.key, props, reports: reps, markings });
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// The twin

export function agencyId(prefix: string, k: AgencyKey): string {
  return `${prefix}-AG${AGENCY_KEYS.indexOf(k) + 1}`;
}

export function policyMarkings(prefix: string, m: WorldMarkings): Markings {
  return {
    agency: agencyId(prefix, m.agency), classification: m.classification, compartments: m.compartments, nfd: m.nfd,
    disseminatedTo: m.disseminatedTo.map((a) => agencyId(prefix, a)),
  };
}

/** A small seeded generator for the twin's choices (fast-check draws the seed, so cases shrink and replay). */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}

/**
 * The second world of a pair for this viewer: same in everything the viewer may know, different
 * (by the seed's choices) in what they may not.
 */
export function twin(world: World, viewer: Viewer, prefix: string, seed: number): World {
  const r = rng(seed);
  const words = vocabulary(prefix);
  const redraw = (type: WorldType, n: number) => fc.sample(propsArb(type, words, n), { seed: Math.floor(r.next() * 2 ** 31), numRuns: 1 })[0]!;
  const access = (m: WorldMarkings): Access => decide(viewer, policyMarkings(prefix, m));
  const entities: WorldEntity[] = [];
  const dropped = new Set<string>();
  world.entities.forEach((e, i) => {
    const a = access(e.markings);
    if (a === 'full' || !isWorldType(e.type)) { entities.push(e); return; }
    if (a === 'hidden') {
      if (r.chance(0.4)) { dropped.add(e.key); return; }
      const p = redraw(e.type, i % 10);
      entities.push({ ...e, label: p.label, props: p.props });
      return;
    }
    const type: WorldType = e.type;
    const p = redraw(type, i % 10);
    const keep = (k: string) => (a === 'stub' ? STUB_KEEPS[type].includes(k) : !propDefs('entity', type)[k]?.sensitive);
    const props = Object.fromEntries(Object.keys({ ...e.props, ...p.props }).map((k) => [k, keep(k) ? e.props[k] : p.props[k]]).filter(([, v]) => v !== undefined));
    // A stub shows no label: an explicit one may differ (a derived one follows the identifiers).
    entities.push({ ...e, label: a === 'stub' ? p.label ?? e.label : e.label, props });
  });
  // New records the viewer may not know of, linked to what is there.
  const hiddenMarks: WorldMarkings[] = [
    { agency: 'X', classification: 'SECRET', compartments: ['CHIS'], nfd: false, disseminatedTo: [] },
    { agency: 'Y', classification: 'TOP SECRET', compartments: [], nfd: false, disseminatedTo: [] },
    { agency: 'X', classification: 'OFFICIAL', compartments: [], nfd: true, disseminatedTo: [] },
  ].filter((m) => access(m as WorldMarkings) === 'hidden') as WorldMarkings[];
  const extra = hiddenMarks.length ? Math.floor(r.next() * 4) : 0;
  for (let i = 0; i < extra; i++) {
    const type = r.pick(WORLD_TYPES);
    const p = redraw(type, i);
    entities.push({ key: `h${i}`, type, label: p.label, props: p.props, markings: r.pick(hiddenMarks) });
  }
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const hiddenReports = entities.filter((e) => e.type === 'IntelligenceReport' && access(e.markings) === 'hidden').map((e) => e.key);
  const links: WorldLink[] = [];
  for (const l of world.links) {
    if (!byKey.has(l.source) || !byKey.has(l.target)) continue;
    const ends = access(byKey.get(l.source)!.markings) !== 'hidden' && access(byKey.get(l.target)!.markings) !== 'hidden';
    const a = access(l.markings);
    if (!ends || a === 'hidden') { if (r.chance(0.7)) links.push({ ...l, reports: l.reports.filter((k) => byKey.has(k)) }); continue; }
    // Reports hidden from the viewer may come and go behind a link the viewer sees.
    const kept = l.reports.filter((k) => byKey.has(k) && (access(byKey.get(k)!.markings) !== 'hidden' || r.chance(0.5)));
    const added = hiddenReports.filter(() => r.chance(0.3));
    links.push({ ...l, reports: [...new Set([...kept, ...added])] });
  }
  // Links from the new hidden records to anything, and hidden links between what is there.
  for (const e of entities.filter((x) => x.key.startsWith('h'))) {
    for (const shape of LINK_SHAPES) {
      if (!shape.from.includes(e.type) || !r.chance(0.5)) continue;
      const to = entities.filter((x) => shape.to.includes(x.type) && x.key !== e.key);
      if (!to.length) continue;
      const b = r.pick(to);
      const props = shape.type === 'MEMBER_OF' ? { role: 'PRINCIPAL' } : shape.type === 'CALLS' ? { count: 7 } : {};
      links.push({ source: e.key, type: shape.type, target: b.key, props, reports: [], markings: e.markings });
    }
  }
  const dedup = new Map(links.map((l) => [`${l.source}|${l.type}|${l.target}`, l]));
  // Records hidden from the viewer come and go, move in time and place; new ones appear. A record
  // the viewer sees only as a stub keeps its existence, ends and place (its aggregate link is a stub
  // the viewer may know of) but not its time or duration.
  const records: WorldRecord[] = [];
  for (const rec of world.records) {
    const a = access(rec.markings);
    // A record the viewer sees, or knows of as a stub, stays even when an entity at its end (hidden
    // from the viewer) is gone: the call to a phone the viewer may not know of still happened, from
    // a cell they may know. A stub's time and duration may change.
    if (a === 'full' || a === 'shared') { records.push(rec); continue; }
    const retimed = { ...rec, minute: Math.floor(r.next() * 90), duration: Math.floor(r.next() * 900) };
    if (a === 'stub') { records.push(r.chance(0.5) ? rec : retimed); continue; }
    if (!byKey.has(rec.a) || (rec.b && !byKey.has(rec.b))) continue;
    if (r.chance(0.3)) continue;
    records.push(r.chance(0.5) ? rec : { ...retimed, place: rec.kind === 'call' ? r.pick(PLACES.slice(3)) : r.pick(PLACES.slice(0, 3)) });
  }
  const unseen = [...hiddenMarks, { agency: 'V' as const, classification: 'SECRET' as const, compartments: ['CHIS'], nfd: false, disseminatedTo: [] as AgencyKey[] }]
    .filter((m) => access(m) === 'hidden');
  const phones = entities.filter((e) => e.type === 'Phone');
  const vehicles = entities.filter((e) => e.type === 'Vehicle');
  const more = unseen.length ? Math.floor(r.next() * 6) : 0;
  for (let i = 0; i < more; i++) {
    const markings = r.pick(unseen);
    if (r.chance(0.5) && phones.length >= 2) {
      const [a, b] = [r.pick(phones), r.pick(phones)];
      if (a.key !== b.key) records.push({ kind: 'call', a: a.key, b: b.key, place: r.pick(PLACES.slice(3)), minute: Math.floor(r.next() * 90), duration: Math.floor(r.next() * 900), markings });
    } else if (vehicles.length) {
      records.push({ kind: 'read', a: r.pick(vehicles).key, place: r.pick(PLACES.slice(0, 3)), minute: Math.floor(r.next() * 90), duration: 0, markings });
    }
  }
  return { entities, links: [...dedup.values()], records };
}

// ---------------------------------------------------------------------------------------------
// Writing a world

/** Every world is written with this clock, so record times are the same in both worlds of a pair. */
export const WORLD_TIME = '2026-01-15T10:00:00.000Z';

export function entityId(prefix: string, key: string): string {
  return `${prefix}-${key}`;
}

/** Agencies (reference data, the same in every world): names and desks for stubs. */
export async function writeAgencies(db: Db, prefix: string): Promise<void> {
  const recs = AGENCY_KEYS.map((k, i) => validateEntity({
    id: agencyId(prefix, k), type: 'Agency', label: `Agency ${k} ${prefix}`,
    props: { kind: 'POLICE', desk: `Desk ${k} 0100 ${i}` }, markings: { agency: agencyId(prefix, k) },
  }, {}));
  await db.writeTx((tx) => writeEntities(tx, recs, WORLD_TIME));
}

/**
 * Which records of a world are written later, after the viewer has set up watches and requests: a
 * fixed third of the keys, so a record is early or late in both worlds of a pair alike. A link is
 * late when it or either end is; an early link is written with its early reports first and gets
 * its late ones with the late part (which reports are late must not decide when a link is written:
 * the reports behind a link differ between the worlds where the viewer may not see them).
 */
export function isLate(key: string): boolean {
  let h = 7;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return h % 3 === 0;
}
const linkLate = (l: WorldLink) => isLate(`${l.source}|${l.type}|${l.target}`) || isLate(l.source) || isLate(l.target);

/**
 * Writes a world through the platform's write path: `early` (everything but the late third),
 * `late` (the rest, with the disseminations of the world's shared records and the requests other
 * agencies make about its records), or `all`.
 */
export async function writeWorld(db: Db, prefix: string, w: World, part: 'all' | 'early' | 'late' = 'all'): Promise<void> {
  const take = (late: boolean) => part === 'all' || (part === 'late') === late;
  const entities = w.entities.filter((e) => take(isLate(e.key)));
  const worldLinks = w.links.flatMap((l): WorldLink[] => {
    if (linkLate(l)) return part === 'early' ? [] : [l];
    if (part === 'early') return [{ ...l, reports: l.reports.filter((k) => !isLate(k)) }];
    return part === 'all' || l.reports.some(isLate) ? [l] : [];
  });
  const mk = (m: WorldMarkings) => ({
    agency: agencyId(prefix, m.agency), classification: m.classification, compartments: m.compartments,
    ...(m.nfd ? { nfd: true, nfdJustification: 'Source protection', nfdApprover: 'approver' } : {}),
  });
  const recs = entities.map((e) => validateEntity({ id: entityId(prefix, e.key), type: e.type, label: e.label, props: e.props, markings: mk(e.markings) }, {}));
  await db.writeTx((tx) => writeEntities(tx, recs, WORLD_TIME));
  const shared = entities.filter((e) => e.markings.disseminatedTo.length)
    .map((e) => ({ id: entityId(prefix, e.key), to: e.markings.disseminatedTo.map((a) => agencyId(prefix, a)) }));
  if (shared.length) {
    await db.writeTx(async (tx) => {
      await tx.run('UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.disseminatedTo = row.to', { rows: shared });
      await noteChanges(tx, shared.map((x) => x.id), WORLD_TIME);
    });
  }
  const links = worldLinks.map((l) => validateLink({
    source: entityId(prefix, l.source), type: l.type, target: entityId(prefix, l.target), props: l.props,
    reportIds: l.reports.map((k) => entityId(prefix, k)), markings: mk(l.markings),
  }, {}));
  if (links.length) await db.writeTx((tx) => writeLinks(tx, links, WORLD_TIME));
  const sharedLinks = worldLinks.filter((l) => l.markings.disseminatedTo.length).map((l) => ({
    s: entityId(prefix, l.source), t: entityId(prefix, l.target), type: l.type, to: l.markings.disseminatedTo.map((a) => agencyId(prefix, a)),
  }));
  if (sharedLinks.length) {
    await db.writeTx(async (tx) => {
      await tx.run('UNWIND $rows AS row MATCH (a:Entity {id: row.s})-[r]->(b:Entity {id: row.t}) WHERE type(r) = row.type SET r.disseminatedTo = row.to', { rows: sharedLinks });
      await noteChanges(tx, sharedLinks.flatMap((x) => [x.s, x.t]), WORLD_TIME);
    });
  }
  if (part !== 'late') await writeWorldRecords(db, prefix, w, mk);
  if (part !== 'early') await writeWorldSharing(db, prefix, w);
}

/**
 * The sharing around a world's records: one dissemination per shared record and recipient (what
 * the policy then shows the recipient), and a request from another agency about each record
 * (what the holder's managers see in their queue). Everything about them follows from the
 * record's key and markings, so a record the viewer may know of has the same ones in both worlds.
 */
async function writeWorldSharing(db: Db, prefix: string, w: World): Promise<void> {
  const dissemination = w.entities.flatMap((e) => e.markings.disseminatedTo.map((to) => ({
    id: `${prefix}-DIS-${e.key}-${to}`, recordIds: [entityId(prefix, e.key)], reportIds: e.type === 'IntelligenceReport' ? [entityId(prefix, e.key)] : [],
    impactId: null, ocgId: null, recipientAgency: agencyId(prefix, to), recipientPerson: null, sanitisedText: `Sanitised account of ${e.key}`,
    handling: 'P', handlingConditions: [], handlingNotes: null, purpose: `Purpose ${e.key}`, lawfulBasis: 'DPA 2018 s.35', sharingAgreement: 'World ISA',
    riskAssessment: null, authorisedBy: `${prefix}.sender`, authorisedByName: 'Sender', authorisedAt: WORLD_TIME,
    agency: agencyId(prefix, e.markings.agency), classification: e.markings.classification, compartments: e.markings.compartments,
    disseminatedTo: [agencyId(prefix, to)], nfd: false,
  })));
  const others = AGENCY_KEYS;
  const requests = w.entities.filter((e) => isWorldType(e.type)).map((e, i) => {
    const from = others.filter((k) => k !== e.markings.agency)[i % 3]!;
    return {
      id: `${prefix}-RFI-${e.key}`, kind: i % 2 ? 'DECONFLICTION' : 'REQUEST', status: 'OPEN', requesterId: `${prefix}-user-${from}`,
      requestedBy: `${prefix}.requester-${from}`, requestedByName: `Requester ${from}`, requesterAgency: agencyId(prefix, from),
      holderAgency: agencyId(prefix, e.markings.agency), references: [], recordIds: [entityId(prefix, e.key)], disseminationId: null, impactId: null,
      question: `What is held on ${e.key}?`, purpose: 'A linked operation', lawfulBasis: 'DPA 2018 s.35', createdAt: WORLD_TIME,
    };
  });
  await db.writeTx(async (tx) => {
    if (dissemination.length) await tx.run('UNWIND $rows AS row CREATE (d:Dissemination) SET d = row', { rows: dissemination });
    if (requests.length) await tx.run('UNWIND $rows AS row CREATE (r:InformationRequest) SET r = row', { rows: requests });
  });
}

async function writeWorldRecords(db: Db, prefix: string, w: World, mk: (m: WorldMarkings) => Record<string, unknown>): Promise<void> {
  // Communications records, through the platform's own store (one call per set of markings).
  const groups = new Map<string, { kind: 'CALLS' | 'ANPR'; markings: WorldMarkings; items: (CallItem | SightingItem)[] }>();
  for (const rec of w.records ?? []) {
    const kind = rec.kind === 'call' ? 'CALLS' : 'ANPR';
    const key = `${kind}|${JSON.stringify(rec.markings)}`;
    const g = groups.get(key) ?? groups.set(key, { kind, markings: rec.markings, items: [] }).get(key)!;
    const at = WORLD_COMMS_START + rec.minute * 60_000;
    g.items.push(rec.kind === 'call'
      ? { callerId: entityId(prefix, rec.a), calleeId: entityId(prefix, rec.b!), start: at, duration: rec.duration, cellId: entityId(prefix, rec.place) }
      : { vehicleId: entityId(prefix, rec.a), cameraId: entityId(prefix, rec.place), time: at });
  }
  for (const g of groups.values()) {
    const m = validateMarkings(mk(g.markings), {});
    await writeCommsRecords(db, g.kind, g.items, m, { now: WORLD_TIME });
  }
}

/**
 * Removes a world's entities and links (the agencies stay), with everything made about them: the
 * sharing, the viewers' watches, alerts and requests, and undelivered changes.
 */
export async function clearWorld(db: Db, prefix: string): Promise<void> {
  await db.write(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p AND NOT n:Agency DETACH DELETE n', { p: `${prefix}-` }));
  await db.write(cypher(
    `MATCH (x) WHERE ((x:Dissemination OR x:Receipt) AND x.agency STARTS WITH $p) OR (x:InformationRequest AND x.holderAgency STARTS WITH $p)
       OR ((x:Watch OR x:Alert) AND EXISTS { MATCH (u:User {id: x.ownerId}) WHERE u.username STARTS WITH $p })
       OR (x:Change AND any(i IN x.ids WHERE i STARTS WITH $p))
     DETACH DELETE x`, { p: `${prefix}` }));
  await db.write(cypher('MATCH (n:CommsRecord) WHERE n.agency STARTS WITH $p DETACH DELETE n', { p: `${prefix}-` }));
}

/**
 * What a product released to agency `to` may draw from (the policy would show `to` a shared copy once
 * the viewers' agency disseminated it): the viewers' agency's records at OFFICIAL-SENSITIVE or below,
 * in no compartment, not marked not for dissemination. `shareReleasable` marks them as shared with
 * `to`, so a twin made from it keeps what a release could tell `to`; `unshare` takes the marks off
 * again, giving the world as written. A pair made this way differs only in what `to` may not know even
 * after a release.
 */
export function releasable(m: WorldMarkings, to: AgencyKey): boolean {
  return m.agency === 'V' && (m.classification === 'OFFICIAL' || m.classification === 'OFFICIAL-SENSITIVE') && !m.compartments.length && !m.nfd && !m.disseminatedTo.includes(to);
}

export function shareReleasable(w: World, to: AgencyKey): { world: World; added: Set<string> } {
  const added = new Set<string>();
  const share = <T extends { markings: WorldMarkings }>(x: T, key: string): T => {
    if (!releasable(x.markings, to)) return x;
    added.add(key);
    return { ...x, markings: { ...x.markings, disseminatedTo: [...x.markings.disseminatedTo, to] } };
  };
  return {
    world: { ...w, entities: w.entities.map((e) => share(e, e.key)), links: w.links.map((l) => share(l, `${l.source}|${l.type}|${l.target}`)) },
    added,
  };
}

export function unshare(w: World, to: AgencyKey, added: Set<string>): World {
  const take = <T extends { markings: WorldMarkings }>(x: T, key: string): T =>
    (added.has(key) ? { ...x, markings: { ...x.markings, disseminatedTo: x.markings.disseminatedTo.filter((a) => a !== to) } } : x);
  return { ...w, entities: w.entities.map((e) => take(e, e.key)), links: w.links.map((l) => take(l, `${l.source}|${l.type}|${l.target}`)) };
}

/** Every string a world holds in its records (ids, labels, property values): the searches' texts. */
export function worldTexts(w: World): string[] {
  const out = new Set<string>();
  for (const e of w.entities) {
    if (e.label) out.add(e.label);
    for (const v of Object.values(e.props)) if (typeof v === 'string') out.add(v);
  }
  return [...out];
}
