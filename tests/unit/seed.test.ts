import { describe, expect, it } from 'vitest';
import { SOURCE_TYPES } from '../../server/domain/codes.js';
import { validateEntity, validateLink, type EntityRecord, type LinkRecord } from '../../server/domain/validate.js';
import { checkLink } from '../../server/graph/write.js';
import { DEFAULT_HARM_TEMPLATE, scoreOcg } from '../../server/domain/harm.js';
import { CANARY_MARKERS, CANARY_RECORDS, generateSeed, mulberry32, SEED_PLAN, type SeedBatch } from '../../seed/generate.js';
import { answersFor, prng } from '../../seed/impact.js';

const take = (it: Iterable<SeedBatch>, n: number): SeedBatch[] => {
  const out: SeedBatch[] = [];
  for (const b of it) {
    out.push(b);
    if (out.length >= n) break;
  }
  return out;
};

// The whole demo set, validated once for all the checks below.
const entities: EntityRecord[] = [];
const links: LinkRecord[] = [];
for (const b of generateSeed({ size: 'demo', seed: 1 })) {
  entities.push(...b.entities.map((e) => validateEntity(e, {})));
  links.push(...b.links.map((l) => validateLink(l, {})));
}
const byId = new Map(entities.map((e) => [e.id, e]));
const ofType = (type: string) => entities.filter((e) => e.type === type);

describe('seed generator', { timeout: 60_000 }, () => {
  it('is deterministic: the same seed gives identical batches, another seed different ones', () => {
    const a = JSON.stringify(take(generateSeed({ size: 'medium', seed: 7 }), 2));
    const b = JSON.stringify(take(generateSeed({ size: 'medium', seed: 7 }), 2));
    const c = JSON.stringify(take(generateSeed({ size: 'medium', seed: 8 }), 2));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const r1 = mulberry32(42);
    const r2 = mulberry32(42);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });

  it('produces the large set lazily, batch by batch', () => {
    const started = performance.now();
    const [first, second] = take(generateSeed({ size: 'large', seed: 1 }), 2);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(second!.progress.total).toBeGreaterThan(9000);
    expect(first!.entities.length + second!.entities.length).toBeLessThan(20000);
  });

  it('demo size is within bounds and ids are unique', () => {
    expect(entities.length).toBeGreaterThanOrEqual(1500);
    expect(entities.length).toBeLessThanOrEqual(4000);
    expect(byId.size).toBe(entities.length);
    const keys = new Set(links.map((l) => `${l.source}|${l.type}|${l.target}`));
    expect(keys.size).toBe(links.length);
  });

  it('the demo backs most facts with reports, adding them to what the sparser sizes generate and changing nothing else', () => {
    const structural = ['MENTIONS', 'FROM_SOURCE', 'ORIGINATED_BY', 'LOCATED_IN', 'PART_OF', 'RESPONSIBLE_FOR', 'SUPPORTS', 'ASKS', 'PLANS_FOR', 'CONCERNS', 'ANSWERS'];
    const facts = links.filter((l) => !structural.includes(l.type));
    expect(facts.filter((l) => l.reportIds.length > 0).length / facts.length).toBeGreaterThan(0.7);
    // The same data set without the fuller evidence (as medium and larger generate it).
    const plan = SEED_PLAN.demo;
    const evidence = plan.evidence;
    plan.evidence = 0;
    const sparse: SeedBatch[] = [];
    try {
      for (const b of generateSeed({ size: 'demo', seed: 1 })) sparse.push(b);
    } finally {
      plan.evidence = evidence;
    }
    const fullEntities = new Map(entities.map((e) => [e.id, JSON.stringify(e)]));
    const sparseEntities = sparse.flatMap((b) => b.entities).map((e) => validateEntity(e, {}));
    for (const e of sparseEntities) expect(fullEntities.get(e.id), e.id).toBe(JSON.stringify(e));
    const sparseIds = new Set(sparseEntities.map((e) => e.id));
    const added = entities.filter((e) => !sparseIds.has(e.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((e) => e.type === 'IntelligenceReport' && e.markings.classification !== 'SECRET' && !e.markings.compartments.length)).toBe(true);
    const key = (l: LinkRecord) => `${l.source}|${l.type}|${l.target}`;
    const fullLinks = new Map(links.map((l) => [key(l), l]));
    for (const l of sparse.flatMap((b) => b.links).map((x) => validateLink(x, {}))) {
      const f = fullLinks.get(key(l));
      expect(f, key(l)).toBeDefined();
      // The same link, marked the same; its reports are those it had and perhaps one more.
      expect({ ...f!, reportIds: [] }).toEqual({ ...l, reportIds: [] });
      expect(f!.reportIds.slice(0, l.reportIds.length)).toEqual(l.reportIds);
    }
  });

  it('every link joins existing entities of allowed types and cites existing reports, in batch order', () => {
    const seen = new Map<string, { type: string }>();
    const reports = new Map<string, true>();
    for (const b of generateSeed({ size: 'demo', seed: 1 })) {
      for (const e of b.entities) {
        seen.set(e.id, { type: e.type });
        if (e.type === 'IntelligenceReport') reports.set(e.id, true);
      }
      // Links may only point at entities of their own batch or an earlier one.
      for (const l of b.links) expect(() => checkLink(validateLink(l, {}), seen, reports)).not.toThrow();
    }
    expect(links.filter((l) => l.reportIds.length).length).toBeGreaterThan(500);
  });

  it('every record has an owning agency that exists', () => {
    const agencies = new Set(ofType('Agency').map((a) => a.id));
    expect([...agencies].sort()).toEqual(['AG-BF', 'AG-GMP', 'AG-HMPPS', 'AG-HMRC', 'AG-MER', 'AG-NCA', 'AG-WMP', 'AG-WYP']);
    for (const r of [...entities, ...links]) expect(agencies.has(r.markings.agency)).toBe(true);
  });

  it('has OCGs with members in every role, one under three members, and cross-boundary areas', () => {
    const members = new Map<string, LinkRecord[]>();
    for (const l of links.filter((x) => x.type === 'MEMBER_OF')) (members.get(l.target) ?? members.set(l.target, []).get(l.target)!).push(l);
    const roles = (id: string) => new Set(members.get(id)!.map((l) => l.props.role));
    expect([...members.keys()].some((id) => ['PRINCIPAL', 'SIGNIFICANT', 'PERIPHERAL'].every((r) => roles(id).has(r)))).toBe(true);
    expect([...members.values()].some((m) => m.length < 3)).toBe(true);
    for (const o of ofType('OCG')) expect(o.props).toMatchObject({ status: expect.any(String), crimeTypes: expect.any(Array), leadAgency: expect.any(String), leadArea: expect.any(String) });
    // An OCG operating in a BCU outside its lead force's area.
    const forceOfBcu = new Map(links.filter((l) => l.type === 'PART_OF' && byId.get(l.source)!.props.kind === 'BCU').map((l) => [l.source, l.target]));
    const cross = links.filter((l) => l.type === 'OPERATES_IN' && forceOfBcu.get(l.target) !== byId.get(l.source)!.props.leadArea);
    expect(cross.length).toBeGreaterThan(0);
  });

  it('has county lines: groups whose lead agency\u2019s own records place them in another force\u2019s area', () => {
    const forceOfBcu = new Map(links.filter((l) => l.type === 'PART_OF' && byId.get(l.source)!.props.kind === 'BCU').map((l) => [l.source, l.target]));
    const areaOf = new Map(links.filter((l) => l.type === 'LOCATED_IN').map((l) => [l.source, l.target]));
    const crossing = new Map<string, Set<string>>(); // group -> other forces it is placed in by its lead agency's own links
    for (const l of links) {
      const ocg = byId.get(l.source);
      if (ocg?.type !== 'OCG' || l.markings.agency !== ocg.markings.agency) continue;
      const bcu = l.type === 'OPERATES_IN' ? l.target : l.type === 'FREQUENTS' ? areaOf.get(l.target) : undefined;
      const force = bcu && forceOfBcu.get(bcu);
      if (force && force !== ocg.props.leadArea) (crossing.get(ocg.id) ?? crossing.set(ocg.id, new Set()).get(ocg.id)!).add(force);
    }
    expect(crossing.size).toBeGreaterThanOrEqual(4);
    const forces = new Set([...crossing.values()].flatMap((s) => [...s]));
    expect(forces.size).toBeGreaterThanOrEqual(3);
    expect(forces).toContain('AREA-GMP'); // the Greater Manchester demo partner has impact to see
    // Led by partner agencies as well as forces, each on a report the lead agency owns.
    expect(new Set([...crossing.keys()].map((id) => byId.get(id)!.markings.agency)).size).toBeGreaterThanOrEqual(3);
    for (const id of crossing.keys()) {
      const supported = links.filter((l) => l.source === id && l.type === 'OPERATES_IN' && l.reportIds.some((r) => byId.get(r)!.markings.agency === byId.get(id)!.markings.agency));
      expect(supported.length, id).toBeGreaterThan(0);
    }
  });

  it('harm answers are drawn to score in the band asked for, the same way every time', () => {
    for (const b of DEFAULT_HARM_TEMPLATE.bands) {
      const a = answersFor(DEFAULT_HARM_TEMPLATE, b.band, prng(1, `k-${b.band}`));
      expect(scoreOcg(DEFAULT_HARM_TEMPLATE, a).band).toBe(b.band);
      expect(answersFor(DEFAULT_HARM_TEMPLATE, b.band, prng(1, `k-${b.band}`))).toEqual(a);
    }
    expect(prng(1, 'x')()).toBe(prng(1, 'x')());
    expect(prng(1, 'x')()).not.toBe(prng(2, 'x')());
    expect(() => answersFor(DEFAULT_HARM_TEMPLATE, 'Z', prng(1, 'z'))).toThrow(/no band Z/);
  });

  it('covers the domain: sources of every type, nested areas with boundaries, requirements', () => {
    const types = new Set(ofType('Source').map((s) => s.props.sourceType));
    expect([...types].sort()).toEqual([...SOURCE_TYPES].sort());
    for (const s of ofType('Source').filter((x) => x.props.sourceType === 'CHIS')) {
      expect(s.markings).toMatchObject({ classification: 'SECRET', compartments: ['CHIS'] });
    }
    const areaKinds = new Set(ofType('Area').map((a) => a.props.kind));
    expect([...areaKinds].sort()).toEqual(['BCU', 'FORCE', 'REGION']);
    for (const a of ofType('Area')) {
      const g = JSON.parse(a.props.boundary as string);
      expect(g.type).toBe('Polygon');
      const ring = g.coordinates[0] as number[][];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring[0]![1]).toBeGreaterThan(52);
      expect(ring[0]![1]).toBeLessThan(55);
    }
    expect(links.filter((l) => l.type === 'RESPONSIBLE_FOR').map((l) => l.source).sort()).toEqual(['AG-GMP', 'AG-MER', 'AG-WMP', 'AG-WYP']);
    expect(ofType('IntelligenceRequirement').map((r) => r.props.kind).sort()).toEqual(['STRATEGIC', 'TACTICAL']);
    for (const t of ['Priority', 'Question', 'CollectionPlan']) expect(ofType(t).length).toBeGreaterThan(0);
    for (const t of ['SUPPORTS', 'ASKS', 'CONCERNS', 'PLANS_FOR', 'ANSWERS', 'MENTIONS', 'FROM_SOURCE', 'ORIGINATED_BY', 'CALLS', 'USES_VEHICLE', 'LIVES_AT', 'FREQUENTS', 'LOCATED_IN']) {
      expect(links.some((l) => l.type === t), t).toBe(true);
    }
  });

  it('grades reports realistically and records handling conditions', () => {
    const reports = ofType('IntelligenceReport');
    const count = (g: string) => reports.filter((r) => `${r.props.sourceEvaluation}${r.props.intelAssessment}` === g).length;
    const common = count('2B') + count('2C') + count('1B');
    expect(common / reports.length).toBeGreaterThan(0.55);
    expect(count('1A')).toBeGreaterThan(0);
    expect(count('1A') / reports.length).toBeLessThan(0.1);
    expect(count('3D') + count('3E')).toBeGreaterThan(0);
    const c = reports.filter((r) => r.markings.handling === 'C');
    expect(c.length).toBeGreaterThan(0);
    for (const r of reports) {
      expect(r.props.text).toEqual(expect.any(String));
      expect(r.props.sanitisedText).toEqual(expect.any(String));
    }
    expect(reports.some((r) => r.props.legacyGrade)).toBe(true);
  });

  it('uses UK-looking identifiers and names that exercise fuzzy search', () => {
    for (const p of ofType('Phone')) expect(p.props.number).toMatch(/^07\d{3} \d{6}$/);
    for (const v of ofType('Vehicle')) expect(v.props.vrm).toMatch(/^[A-Z]{2}\d{2} [A-Z]{3}$/);
    for (const l of ofType('Location')) {
      expect(l.props.lat).toEqual(expect.any(Number));
      expect(l.props.postcode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
    }
    const forenames = new Set(ofType('Subject').map((s) => s.props.forename));
    expect(['Zoë', 'Siân', 'José'].some((n) => forenames.has(n))).toBe(true);
    expect(forenames.has('Mohammed') || forenames.has('Muhammad')).toBe(true);
    expect(ofType('Subject').some((s) => Array.isArray(s.props.aliases) && (s.props.aliases as string[]).length > 0)).toBe(true);
  });

  it('has supernodes: a hostel, a prison and a deal-line phone with many links', () => {
    const degree = new Map<string, number>();
    for (const l of links) for (const e of [l.source, l.target]) degree.set(e, (degree.get(e) ?? 0) + 1);
    expect(degree.get('PH-HUB-1')).toBeGreaterThan(50);
    const calls = links.filter((l) => l.type === 'CALLS' && l.target === 'PH-HUB-1').reduce((s, l) => s + (l.props.count as number), 0);
    expect(calls).toBeGreaterThan(1000);
    expect(degree.get('LOC-PRISON-WMP')).toBeGreaterThan(5);
    expect(degree.get('LOC-HUB-WMP')).toBeGreaterThan(5);
  });

  it('includes restricted canary records whose markers appear only in them', () => {
    expect(CANARY_MARKERS.length).toBeGreaterThanOrEqual(3);
    for (const c of CANARY_RECORDS) {
      const rec = byId.get(c.id)!;
      expect(rec, c.id).toBeDefined();
      expect(JSON.stringify(rec)).toContain(c.marker);
      expect(rec.markings.classification !== 'OFFICIAL' || rec.markings.nfd).toBeTruthy();
    }
    const holders = entities.filter((e) => CANARY_MARKERS.some((m) => JSON.stringify(e).includes(m))).map((e) => e.id).sort();
    expect(holders).toEqual([...new Set(CANARY_RECORDS.map((c) => c.id))].sort());
    expect(byId.get('RPT-CANARY-CHIS')!.markings.compartments).toEqual(['CHIS']);
    expect(byId.get('RPT-CANARY-GMP-NFD')!.markings).toMatchObject({ nfd: true, agency: 'AG-GMP', nfdJustification: expect.any(String), nfdApprover: expect.any(String) });
    expect(byId.get('RPT-CANARY-NCA')!.markings).toMatchObject({ classification: 'SECRET', agency: 'AG-NCA' });
  });
});
