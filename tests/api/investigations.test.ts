import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { DomainError } from '../../server/domain/errors.js';
import type { Viewer } from '../../server/domain/policy.js';
import { freeFormParams } from '../../server/investigations/library.js';
import { execute, runInvestigationQuery } from '../../server/investigations/run.js';
import { ALLOWED_FUNCTIONS, FREE_FORM_PROPERTY_KEYS } from '../../server/investigations/safety.js';
import { ENTITY_TYPES, LINK_TYPES, MARKING_KEYS, SYSTEM_KEYS } from '../../server/domain/model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Saved Cypher investigations against the real database: the library's asserted results on this
 * file's own data, what researchers with and without the CHIS compartment see, saved
 * investigations (versions, sharing, approval), and a battery of hostile queries that must be
 * refused or stopped without changing anything.
 */
let t: TestApp;
let P: string; // id prefix of this file's records: `${t.prefix}-`
let AG: string;
let researcher: string;
let chisResearcher: string;
let otherResearcher: string;
let colleague: string;
let principal: string;
let analyst: string;
const id = (x: string) => `${P}${x}`;

const RUN_LIB = `query($id: ID!, $params: JSONObject){ runInvestigation(id: $id, params: $params){
  columns rows truncated withheldColumns elapsedMs guarded queryHash graph{ nodes{ id type label restricted } edges{ id type source target } truncated } } }`;
const RUN_CYPHER = `query($cypher: String!, $params: JSONObject){ runCypher(cypher: $cypher, params: $params){
  columns rows truncated withheldColumns elapsedMs guarded queryHash graph{ nodes{ id type label restricted props } edges{ id type source target } truncated } } }`;

async function lib(name: string, params: Record<string, unknown> = {}, token = researcher) {
  const r = await t.gql(RUN_LIB, { id: `lib:${name}`, params: { idPrefix: P, ...params } }, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.runInvestigation as { columns: string[]; rows: Record<string, any>[]; graph: { nodes: { id: string }[]; edges: { id: string; type: string }[] }; withheldColumns: string[]; guarded: boolean };
}

async function free(q: string, params: Record<string, unknown> = {}, token = researcher) {
  return t.gql(RUN_CYPHER, { cypher: q, params }, token);
}

async function freeOk(q: string, params: Record<string, unknown> = {}, token = researcher) {
  const r = await free(q, params, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.runCypher as { columns: string[]; rows: Record<string, any>[]; truncated: boolean; graph: { nodes: { id: string; restricted: boolean }[]; edges: { id: string; type: string }[] }; elapsedMs: number; guarded: boolean };
}

const nodeIds = (rows: Record<string, any>[], col: string) => rows.map((r) => r[col]?.node);

beforeAll(async () => {
  t = await startTestApp({ QUERY_TIMEOUT_MS: '8000' });
  P = `${t.prefix}-`;
  AG = `${t.prefix}-AG1`;
  const AG2 = `${t.prefix}-AG2`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE', desk: 'Force Intelligence Bureau' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'POLICE', desk: 'Other Bureau' }, { agency: AG2 }, 'Other Force');
  researcher = await t.user('researcher', 'RESEARCHER', { agency: AG });
  chisResearcher = await t.user('chis', 'RESEARCHER', { agency: AG, compartments: ['CHIS'] });
  otherResearcher = await t.user('other', 'RESEARCHER', { agency: AG2 });
  colleague = await t.user('colleague', 'RESEARCHER', { agency: AG });
  principal = await t.user('principal', 'PRINCIPAL_ANALYST', { agency: AG });
  analyst = await t.user('analyst', 'ANALYST', { agency: AG });
  const CHIS = { compartments: ['CHIS'] };

  // Areas: AR1 is a force with a BCU inside it; AR2 and AR3 are elsewhere.
  const AR1 = await t.entity('AR1', 'Area', { kind: 'FORCE', code: 'F1' }, {}, 'Force One');
  const AR1B = await t.entity('AR1B', 'Area', { kind: 'BCU' }, {}, 'Force One North');
  const AR2 = await t.entity('AR2', 'Area', { kind: 'FORCE' }, {}, 'Force Two');
  const AR3 = await t.entity('AR3', 'Area', { kind: 'FORCE' }, {}, 'Force Three');
  await t.link(AR1B, 'PART_OF', AR1);

  const O1 = await t.entity('O1', 'OCG', { reference: 'OCG-A', status: 'ACTIVE', leadArea: AR1 }, {}, 'Alpha Firm');
  const O2 = await t.entity('O2', 'OCG', { reference: 'OCG-B', status: 'ACTIVE', leadArea: AR2 }, {}, 'Bravo Crew');
  const O3 = await t.entity('O3', 'OCG', { reference: 'OCG-C', status: 'ACTIVE' }, {}, 'Charlie Line');
  await t.entity('O4', 'OCG', { reference: 'OCG-D', status: 'DORMANT' }, {}, 'Delta Dormant');
  const OH = await t.entity('OH', 'OCG', { reference: 'OCG-H', status: 'ACTIVE' }, CHIS, 'Hotel Hidden');

  const S = [];
  for (let i = 1; i <= 6; i++) S.push(await t.entity(`S${i}`, 'Subject', { forename: `Sub${i}`, surname: `Ject${i}` }));
  const [S1, S2, S3, S4, S5, S6] = S as [string, string, string, string, string, string];
  const PH1 = await t.entity('PH1', 'Phone', { number: '07700900101' });
  const PH2 = await t.entity('PH2', 'Phone', { number: '07700900102' });
  const PH3 = await t.entity('PH3', 'Phone', { number: '07700900103' });
  const V1 = await t.entity('V1', 'Vehicle', { vrm: 'AB12CDE' });
  const V2 = await t.entity('V2', 'Vehicle', { vrm: 'XY34ZZZ' });
  const L1 = await t.entity('L1', 'Location', { address: '1 Shared Road' });
  const L2 = await t.entity('L2', 'Location', { address: '2 Single Street' });

  const SRC1 = await t.entity('SRC1', 'Source', { reference: 'SRC-1', sourceType: 'ANPR' });
  const SRC2 = await t.entity('SRC2', 'Source', { reference: 'SRC-2', sourceType: 'OPEN' });
  const SRCC = await t.entity('SRCC', 'Source', { reference: 'CHIS-REF-9', sourceType: 'CHIS' }, CHIS);
  const report = (k: string, grade: string, extra: Record<string, unknown>, markings = {}) =>
    t.entity(k, 'IntelligenceReport', { text: `MARKER-${k} report text`, sourceEvaluation: grade[0], intelAssessment: grade[1], ...extra }, markings);
  const R1 = await report('R1', '2B', { sourceId: SRC1, recordedAt: '2024-03-10T10:00:00Z' });
  const R2 = await report('R2', '3D', { sourceId: SRC1, recordedAt: '2024-01-01T10:00:00Z' });
  const R3 = await report('R3', '1A', { sourceId: SRC2, recordedAt: '2024-03-25T10:00:00Z' });
  const RH = await report('RH', '1A', {}, CHIS);
  const RC1 = await report('RC1', '2B', { sourceId: SRCC }, CHIS);
  const RC2 = await report('RC2', '2B', { sourceId: SRCC }, CHIS);
  await report('RX', '1A', {}, { agency: AG2 });

  const Q1 = await t.entity('Q1', 'Question', { text: 'Who supplies Alpha?' });
  const Q2 = await t.entity('Q2', 'Question', { text: 'Where does Alpha store cash?' });
  await t.entity('Q3', 'Question', { text: 'Who drives for Charlie?' });
  const REQ = await t.entity('REQ1', 'IntelligenceRequirement', { kind: 'TACTICAL' }, {}, 'Alpha supply');

  await t.link(S1, 'MEMBER_OF', O1, { role: 'PRINCIPAL' }, [R3]);
  await t.link(S1, 'MEMBER_OF', O2, { role: 'SIGNIFICANT' });
  await t.link(S2, 'MEMBER_OF', O1, { role: 'SIGNIFICANT' }, [R1, R2]);
  await t.link(S3, 'MEMBER_OF', O1, { role: 'PERIPHERAL' });
  await t.link(S3, 'MEMBER_OF', OH, { role: 'PRINCIPAL' }, [], CHIS);
  await t.link(S4, 'MEMBER_OF', O2, { role: 'PRINCIPAL' }, [R1, R3]);
  await t.link(S5, 'ASSOCIATE_OF', S6, { kind: 'ASSOCIATE' }, [R2]);
  await t.link(S2, 'USES_PHONE', PH1);
  await t.link(S4, 'USES_PHONE', PH1);
  await t.link(S2, 'USES_VEHICLE', V1);
  await t.link(O3, 'USES_VEHICLE', V1);
  await t.link(S2, 'USES_VEHICLE', V2);
  await t.link(S4, 'USES_VEHICLE', V2);
  await t.link(S2, 'LIVES_AT', L1);
  await t.link(S4, 'LIVES_AT', L1);
  await t.link(S2, 'LIVES_AT', L2);
  await t.link(PH2, 'CALLS', PH1, { count: 5 });
  await t.link(PH3, 'CALLS', PH1, { count: 2 });
  await t.link(PH1, 'CALLS', PH3, { count: 4 });
  await t.link(PH2, 'CALLS', PH3);
  for (const a of [AR1, AR1B, AR2, AR3]) await t.link(O1, 'OPERATES_IN', a);
  await t.link(R1, 'FROM_SOURCE', SRC1);
  await t.link(R2, 'FROM_SOURCE', SRC1);
  await t.link(R3, 'FROM_SOURCE', SRC2);
  await t.link(RC1, 'FROM_SOURCE', SRCC, {}, [], CHIS);
  await t.link(RC2, 'FROM_SOURCE', SRCC, {}, [], CHIS);
  await t.link(R1, 'MENTIONS', O1);
  await t.link(R2, 'MENTIONS', O1);
  await t.link(R3, 'MENTIONS', S4);
  await t.link(RC1, 'MENTIONS', O1, {}, [], CHIS);
  await t.link(RC1, 'MENTIONS', S2, {}, [], CHIS);
  await t.link(RC2, 'MENTIONS', S4, {}, [], CHIS);
  await t.link(REQ, 'ASKS', Q1);
  await t.link(REQ, 'ASKS', Q2);
  await t.link(R3, 'ANSWERS', Q1);
  await t.link(RH, 'ANSWERS', Q2, {}, [], CHIS);
  // An impact record for O1 in AR3 (records of the OCG module; not a graph entity).
  await t.db.write(cypher("CREATE (:ImpactRecord {id: $id, ocgId: $o, areaId: $a, agency: $ag, classification: 'OFFICIAL'})", { id: id('IMP1'), o: O1, a: AR3, ag: AG }));
}, 240_000);

afterAll(async () => {
  if (!t) return;
  await t.db.write(cypher('MATCH (i:ImpactRecord) WHERE i.id STARTS WITH $p DETACH DELETE i', { p: P }));
  await t.db.write(cypher('MATCH (i:Investigation) WHERE i.owner STARTS WITH $u OPTIONAL MATCH (i)-[:HAS_VERSION]->(v) DETACH DELETE i, v', { u: `${t.prefix}.` }));
  await t.close();
});

describe('the library returns its asserted results', () => {
  it('people in two or more OCGs (a hidden group does not count without its compartment)', async () => {
    const r = await lib('people-in-several-ocgs');
    expect(r.rows.map((x) => [x.subject.node, x.groupCount])).toEqual([[id('S1'), 2]]);
    expect(r.rows[0]!.groups.map((g: { node: string }) => g.node).sort()).toEqual([id('O1'), id('O2')]);
    expect(r.graph.edges.filter((e) => e.type === 'MEMBER_OF')).toHaveLength(2);
    const chis = await lib('people-in-several-ocgs', {}, chisResearcher);
    expect(chis.rows.map((x) => x.subject.node)).toEqual([id('S1'), id('S3')]);
    expect((await lib('people-in-several-ocgs', { minGroups: 3 })).rows).toEqual([]);
  });

  it('phones or vehicles shared between OCGs', async () => {
    const r = await lib('shared-objects-between-ocgs');
    expect(r.rows.map((x) => [x.object.node, x.groupCount]).sort()).toEqual([[id('PH1'), 2], [id('V1'), 2], [id('V2'), 2]]);
    const phones = await lib('shared-objects-between-ocgs', { objectTypes: ['Phone'] });
    expect(nodeIds(phones.rows, 'object')).toEqual([id('PH1')]);
    expect(phones.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([id('PH1'), id('S2'), id('S4'), id('O1'), id('O2')]));
  });

  it('vehicles used by members of several OCGs', async () => {
    const r = await lib('vehicles-across-ocgs');
    expect(r.rows.map((x) => ({ vehicle: x.vehicle.node, vrm: x.vrm, groupCount: x.groupCount, users: x.users }))).toEqual([
      { vehicle: id('V2'), vrm: 'XY34ZZZ', groupCount: 2, users: 2 },
    ]);
  });

  it('addresses shared by nominals of different OCGs', async () => {
    const r = await lib('addresses-shared-across-ocgs');
    expect(r.rows.map((x) => [x.address.node, x.groupCount, x.residentCount])).toEqual([[id('L1'), 2, 2]]);
  });

  it('links resting on a single uncorroborated source', async () => {
    const r = await lib('single-source-links');
    const got = r.rows.map((x) => `${x.fromEntity.node}>${x.toEntity.node}:${x.reports}:${x.source.node}`).sort();
    expect(got).toEqual([
      `${id('S1')}>${id('O1')}:1:${id('SRC2')}`,
      `${id('S2')}>${id('O1')}:2:${id('SRC1')}`,
      `${id('S5')}>${id('S6')}:1:${id('SRC1')}`,
    ].sort());
    const two = await lib('single-source-links', { minReports: 2 });
    expect(two.rows.map((x) => x.fromEntity.node)).toEqual([id('S2')]);
  });

  it('requirement questions with no answers (an answer hidden from you leaves the question open to you)', async () => {
    const r = await lib('unanswered-questions');
    expect(r.rows.map((x) => [x.question.node, x.requirement?.node ?? null])).toEqual([[id('Q2'), id('REQ1')], [id('Q3'), null]]);
    const chis = await lib('unanswered-questions', {}, chisResearcher);
    expect(nodeIds(chis.rows, 'question')).toEqual([id('Q3')]);
  });

  it('OCG operations outside the lead area with no impact record', async () => {
    const r = await lib('ocg-impact-outside-lead-area');
    expect(r.rows.map((x) => [x.ocg.node, x.area.node, x.leadArea, x.areaName])).toEqual([[id('O1'), id('AR2'), id('AR1'), 'Force Two']]);
  });

  it('OCGs with fewer than three known members', async () => {
    const r = await lib('small-ocgs');
    expect(r.rows.map((x) => [x.reference, x.members])).toEqual([['OCG-C', 0], ['OCG-B', 2]]);
    const all = await lib('small-ocgs', { includeDormant: true });
    expect(all.rows.map((x) => [x.reference, x.status, x.members])).toEqual([['OCG-C', 'ACTIVE', 0], ['OCG-D', 'DORMANT', 0], ['OCG-B', 'ACTIVE', 2]]);
  });

  it('subjects whose links rest only on weak grading', async () => {
    const r = await lib('weakly-graded-subjects');
    expect(r.rows.map((x) => [x.subject.node, x.weakLinks])).toEqual([[id('S5'), 1], [id('S6'), 1]]);
  });

  it('most-called phones', async () => {
    const r = await lib('most-called-phones');
    expect(r.rows.map((x) => [x.number, x.calls, x.callers])).toEqual([['07700900101', 7, 2], ['07700900103', 5, 2]]);
    expect((await lib('most-called-phones', { limit: 1 })).rows).toHaveLength(1);
  });

  it('CHIS-sourced reports per OCG: counted for the CHIS compartment, nothing at all for others', async () => {
    const chis = await lib('chis-reports-per-ocg', {}, chisResearcher);
    expect(chis.rows.map((x) => [x.reference, x.chisReports])).toEqual([['OCG-A', 1], ['OCG-B', 1]]);
    const plain = await lib('chis-reports-per-ocg');
    expect(plain.rows).toEqual([]);
    expect(JSON.stringify(plain)).not.toMatch(/CHIS-REF|MARKER/);
  });

  it('recently active OCGs', async () => {
    const r = await lib('recently-active-ocgs', { asOf: '2024-03-31', days: 30 });
    expect(r.rows.map((x) => [x.reference, x.reports, x.lastReport])).toEqual([['OCG-A', 1, '2024-03-10'], ['OCG-B', 1, '2024-03-25']]);
    const ten = await lib('recently-active-ocgs', { asOf: '2024-03-31', days: 10 });
    expect(ten.rows.map((x) => x.reference)).toEqual(['OCG-B']);
  });

  it('weak links', async () => {
    const r = await lib('weak-links');
    expect(r.rows.map((x) => [x.fromEntity.node, x.link.type, x.toEntity.node])).toEqual([[id('S5'), 'ASSOCIATE_OF', id('S6')]]);
    expect(r.rows[0]!.strength).toBeCloseTo(0.06);
    const wider = await lib('weak-links', { maxStrength: 0.5 });
    expect(wider.rows.map((x) => x.fromEntity.node)).toEqual([id('S5'), id('S2')]);
    const typed = await lib('weak-links', { maxStrength: 0.5, linkTypes: ['MEMBER_OF'] });
    expect(typed.rows.map((x) => x.fromEntity.node)).toEqual([id('S2')]);
  });

  it('lists the library with typed parameters and checks given values', async () => {
    const r = await t.gql('{ investigations { id name source returns columns params { name type default } } }', {}, researcher);
    expect(r.errors).toBeUndefined();
    const libs = r.data.investigations.filter((i: { source: string }) => i.source === 'library');
    expect(libs.length).toBeGreaterThanOrEqual(12);
    expect(libs.find((i: { id: string }) => i.id === 'lib:small-ocgs').params).toEqual([
      { name: 'minMembers', type: 'int', default: 3 }, { name: 'includeDormant', type: 'bool', default: false }, { name: 'idPrefix', type: 'string', default: '' },
    ]);
    const bad = await t.gql(RUN_LIB, { id: 'lib:small-ocgs', params: { minMembers: 'three' } }, researcher);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'params.minMembers' });
    const unknown = await t.gql(RUN_LIB, { id: 'lib:small-ocgs', params: { pv_agency: 'X' } }, researcher);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('policy on free-form results', () => {
  it('returns only the reports a researcher may see, with no trace of the others', async () => {
    const r = await freeOk('MATCH (n:IntelligenceReport) WHERE n.id STARTS WITH $p RETURN n ORDER BY n.id', { p: P });
    expect(nodeIds(r.rows, 'n')).toEqual([id('R1'), id('R2'), id('R3')]);
    expect(r.guarded).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/MARKER-R[HCX]|CHIS-REF/);
    // Disseminated-copy rules still apply to what is shown: the report text is visible in full to its own agency.
    expect(r.graph.nodes.every((n) => !n.restricted)).toBe(true);
  });

  it('refuses whole-record reads of links and nodes however the function is written (stored report marks, CHIS ids, text)', async () => {
    for (const q of [
      'MATCH ()-[r]->() RETURN `properties`(coalesce(r)) AS p',
      'MATCH (n) RETURN `properties`(coalesce(n)) AS p',
      'MATCH (n) RETURN `PROPERTIES`(n) AS p',
      'MATCH ()-[r]->() RETURN r {.*} AS p',
      'MATCH (n) RETURN n {.*} AS p',
      'MATCH (n) RETURN keys(n) AS k',
      'MATCH ()-[r]->() RETURN `keys`(r) AS k',
    ]) {
      const r = await free(q);
      expect(r.errors?.[0]?.extensions, q).toMatchObject({ code: 'QUERY_REFUSED', reason: 'property-access' });
      expect(JSON.stringify(r), q).not.toMatch(/reportMarks|reportIds|MARKER|CHIS-REF|sourceId/);
    }
  });

  it('refuses the stored strength (computed from every report, hidden ones included) and other stored aggregates', async () => {
    for (const k of ['strength', 'reportIds', 'reportMarks', 'disseminatedTo', 'search', 'phonetic', 'contentHash', 'updatedAt', 'createdAt']) {
      const q = `MATCH (a)-[r]->() WHERE a.id STARTS WITH $p RETURN r.${k} AS v`;
      const r = await free(q, { p: P });
      expect(r.errors?.[0]?.extensions, q).toMatchObject({ code: 'QUERY_REFUSED', reason: 'property-access' });
    }
  });

  it('refuses internal ids (allocated in creation order, so they move with hidden records) and the schema procedures', async () => {
    for (const [q, reason] of [
      ['MATCH (n) WHERE n.id STARTS WITH $p RETURN id(n) AS i', 'internal-id'],
      ['MATCH (n) WHERE n.id STARTS WITH $p RETURN elementId(n) AS i', 'internal-id'],
      ['MATCH ()-[r]->() RETURN `ID`(r) AS i', 'internal-id'],
      ['CALL db.propertyKeys()', 'procedure'],
      ['CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType', 'procedure'],
    ] as const) {
      const r = await free(q, { p: P });
      expect(r.errors?.[0]?.extensions, q).toMatchObject({ code: 'QUERY_REFUSED', reason });
    }
  });

  it('does not let a failing condition tell whether a hidden record exists', async () => {
    // RH (CHIS) is the only report answering Q2: the condition would fail on it if it were evaluated.
    const bad = `MATCH (r:IntelligenceReport)-[:ANSWERS]->(q:Question) WHERE q.id = $q AND date(r.label) IS NOT NULL RETURN count(r) AS c`;
    expect((await freeOk(bad, { q: id('Q2') })).rows).toEqual([{ c: 0 }]);
    const shown = await free(bad, { q: id('Q1') });
    expect(shown.errors?.[0]?.extensions?.code).toBe('VALIDATION'); // R3 is visible: its label is no date
  });

  it('limits the runs one user may have in progress at once', async () => {
    const slow = 'UNWIND range(1, 4000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x) AS n';
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => free(slow, {}, colleague)));
    const codes = results.map((r) => r.errors?.[0]?.extensions?.reason ?? 'ok');
    expect(codes.filter((c) => c === 'concurrency').length, JSON.stringify(codes)).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'ok').length, JSON.stringify(codes)).toBeGreaterThan(0);
    const refused = results.find((r) => r.errors?.[0]?.extensions?.reason === 'concurrency')!.errors![0]!;
    expect(refused.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(refused.message).toMatch(/at most 2 at once/);
    // Finished runs give their slots back.
    expect((await freeOk('RETURN 1 AS one', {}, colleague)).rows).toEqual([{ one: 1 }]);
  });

  it('refuses reading a sensitive property as a scalar', async () => {
    const r = await free('MATCH (n:IntelligenceReport) RETURN n.text');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_REFUSED', reason: 'property-access' });
  });

  it('closes the filter oracle: hidden records cannot select visible ones', async () => {
    const q = `MATCH (s:Subject)<-[:MENTIONS]-(:IntelligenceReport)-[:FROM_SOURCE]->(src:Source)
               WHERE s.id STARTS WITH $p AND src.sourceType = 'CHIS' RETURN DISTINCT s.id AS id ORDER BY id`;
    expect((await freeOk(q, { p: P })).rows).toEqual([]);
    expect((await freeOk(q, { p: P }, chisResearcher)).rows).toEqual([{ id: id('S2') }, { id: id('S4') }]);
  });

  it('counts only what the viewer may see', async () => {
    const q = 'MATCH (r:IntelligenceReport) WHERE r.id STARTS WITH $p RETURN count(r) AS c';
    expect((await freeOk(q, { p: P })).rows).toEqual([{ c: 3 }]);
    expect((await freeOk(q, { p: P }, chisResearcher)).rows).toEqual([{ c: 6 }]);
    expect((await freeOk(q, { p: P }, otherResearcher)).rows).toEqual([{ c: 1 }]);
  });

  it('never returns records outside the intelligence graph', async () => {
    expect((await freeOk('MATCH (u:User) RETURN u LIMIT 5')).rows).toEqual([]);
    expect((await freeOk('MATCH (a:AuditEvent) RETURN count(a) AS c')).rows).toEqual([{ c: 0 }]);
    const r = await free('MATCH (u:User) RETURN u.passwordHash');
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_REFUSED');
  });

  it('returns graph elements as a slice for the chart, and scalars', async () => {
    const r = await freeOk('MATCH (s:Subject)-[m:MEMBER_OF]->(o:OCG) WHERE s.id STARTS WITH $p RETURN s, m, o, s.surname AS surname ORDER BY s.id, o.id', { p: P });
    expect(r.rows.map((x) => [x.s.node, x.o.node, x.surname])).toEqual([
      [id('S1'), id('O1'), 'Ject1'], [id('S1'), id('O2'), 'Ject1'], [id('S2'), id('O1'), 'Ject2'], [id('S3'), id('O1'), 'Ject3'], [id('S4'), id('O2'), 'Ject4'],
    ]);
    expect(r.graph.edges).toHaveLength(5);
    expect(r.graph.nodes.map((n) => n.id)).not.toContain(id('OH'));
  });

  it('writes one audit event per run with the query hashed, never in clear', async () => {
    const marker = `${t.prefix}zq`;
    await freeOk(`MATCH (s:Subject) WHERE s.id STARTS WITH $p AND s.label <> '${marker}' RETURN count(s) AS c`, { p: P });
    const rows = await t.db.read(cypher("MATCH (a:AuditEvent) WHERE a.actor = $u AND a.op = 'runCypher' RETURN a.args AS args ORDER BY a.seq DESC LIMIT 1", { u: `${t.prefix}.researcher` }));
    expect(rows[0]?.args).toMatch(/"cypher":"sha256:[0-9a-f]{64}"/);
    expect(rows[0]?.args).not.toContain(marker);
  });

  it('needs the runCypher permission', async () => {
    for (const q of ['{ investigations { id } }', '{ cypherSchema { labels } }']) {
      const r = await t.gql(q, {}, analyst);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await free('RETURN 1 AS one', {}, analyst)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('offers editor completion from the model only', async () => {
    const r = await t.gql('{ cypherSchema { labels relationshipTypes propertyKeys procedures } }', {}, researcher);
    expect(r.data.cypherSchema.labels).toContain('Subject');
    expect(r.data.cypherSchema.labels).not.toContain('User');
    expect(r.data.cypherSchema.relationshipTypes).toContain('MEMBER_OF');
    expect(r.data.cypherSchema.propertyKeys).toContain('surname');
    expect(r.data.cypherSchema.propertyKeys).not.toContain('text');
  });
});

describe('saved investigations', () => {
  const SAVE = `mutation($input: InvestigationInput!){ saveInvestigation(input: $input){ id version approved source owner sharedWith params { name type default } versions { version name } } }`;
  const GET = `query($id: ID!){ investigation(id: $id){ id name version approved source versions { version name cypher } } }`;
  const query = 'MATCH (s:Subject)-[:MEMBER_OF]->(o:OCG) WHERE s.id STARTS WITH $p AND o.reference = $ref RETURN s ORDER BY s.id';

  it('saves, versions, shares and approves into the shared library', async () => {
    const c = await t.gql(SAVE, { input: { name: 'Members of a group', cypher: query, params: [{ name: 'p', type: 'string' }, { name: 'ref', type: 'string', default: 'OCG-A' }] } }, researcher);
    expect(c.errors).toBeUndefined();
    const inv = c.data.saveInvestigation;
    expect(inv).toMatchObject({ version: 1, approved: false, source: 'own', owner: `${t.prefix}.researcher`, sharedWith: [] });
    expect(inv.params).toEqual([{ name: 'p', type: 'string', default: null }, { name: 'ref', type: 'string', default: 'OCG-A' }]);

    const run = await t.gql(RUN_LIB, { id: inv.id, params: { p: P } }, researcher);
    expect(run.errors).toBeUndefined();
    expect(run.data.runInvestigation.guarded).toBe(true);
    expect(nodeIds(run.data.runInvestigation.rows, 's')).toEqual([id('S1'), id('S2'), id('S3')]);

    const u = await t.gql(SAVE, { input: { id: inv.id, name: 'Members of a group (v2)', cypher: query, expectedVersion: 1, params: [{ name: 'p', type: 'string' }, { name: 'ref', type: 'string', default: 'OCG-B' }] } }, researcher);
    expect(u.errors).toBeUndefined();
    expect(u.data.saveInvestigation.version).toBe(2);
    expect(u.data.saveInvestigation.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const stale = await t.gql(SAVE, { input: { id: inv.id, name: 'x', cypher: query, expectedVersion: 1, params: [{ name: 'p', type: 'string' }, { name: 'ref', type: 'string' }] } }, researcher);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Private until shared.
    expect((await t.gql(GET, { id: inv.id }, colleague)).data.investigation).toBeNull();
    expect((await t.gql(RUN_LIB, { id: inv.id, params: { p: P } }, colleague)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknownUser = await t.gql('mutation($id: ID!, $u: [String!]!){ shareInvestigation(id: $id, usernames: $u){ sharedWith } }', { id: inv.id, u: [`${t.prefix}.nobody`] }, researcher);
    expect(unknownUser.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'usernames' });
    const s = await t.gql('mutation($id: ID!, $u: [String!]!){ shareInvestigation(id: $id, usernames: $u){ sharedWith } }', { id: inv.id, u: [`${t.prefix}.colleague`] }, researcher);
    expect(s.data.shareInvestigation.sharedWith).toEqual([`${t.prefix}.colleague`]);
    const shared = (await t.gql(GET, { id: inv.id }, colleague)).data.investigation;
    expect(shared).toMatchObject({ source: 'shared', version: 2 });
    expect(shared.versions).toHaveLength(2);
    const notMine = await t.gql(SAVE, { input: { id: inv.id, name: 'hijack', cypher: query, params: [{ name: 'p', type: 'string' }, { name: 'ref', type: 'string' }] } }, colleague);
    expect(notMine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Approval: principal analysts only; then every runCypher user sees it.
    const APPROVE = 'mutation($id: ID!){ approveInvestigation(id: $id){ approved approvedBy source } }';
    expect((await t.gql(APPROVE, { id: inv.id }, researcher)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(APPROVE, { id: inv.id }, principal)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND'); // not shared with them yet
    await t.gql('mutation($id: ID!, $u: [String!]!){ shareInvestigation(id: $id, usernames: $u){ id } }', { id: inv.id, u: [`${t.prefix}.colleague`, `${t.prefix}.principal`] }, researcher);
    const a = await t.gql(APPROVE, { id: inv.id }, principal);
    expect(a.errors).toBeUndefined();
    expect(a.data.approveInvestigation).toMatchObject({ approved: true, approvedBy: `${t.prefix}.principal` });
    const list = await t.gql('{ investigations { id source approved } }', {}, otherResearcher);
    expect(list.data.investigations.find((i: { id: string }) => i.id === inv.id)).toMatchObject({ source: 'approved', approved: true });
    // An approved query still runs confined to what each viewer may see.
    const theirs = await t.gql(RUN_LIB, { id: inv.id, params: { p: P, ref: 'OCG-A' } }, otherResearcher);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.runInvestigation.rows).toEqual([]);
    // A new version withdraws the approval.
    const v3 = await t.gql(SAVE, { input: { id: inv.id, name: 'Members v3', cypher: query, params: [{ name: 'p', type: 'string' }, { name: 'ref', type: 'string' }] } }, researcher);
    expect(v3.data.saveInvestigation).toMatchObject({ version: 3, approved: false });
  });

  it('refuses to save or approve a query that reads whole records, and will not run one saved before the checks', async () => {
    const SAVE1 = 'mutation($input: InvestigationInput!){ saveInvestigation(input: $input){ id } }';
    for (const q of ['MATCH ()-[r]->() RETURN `properties`(coalesce(r)) AS p', 'MATCH (n) RETURN n {.*} AS p', 'MATCH ()-[r]->() RETURN r.strength AS s']) {
      const r = await t.gql(SAVE1, { input: { name: `leak ${q}`, cypher: q } }, researcher);
      expect(r.errors?.[0]?.extensions, q).toMatchObject({ code: 'QUERY_REFUSED' });
    }
    // One stored under the old checks, shared with a principal analyst: approving it runs today's checks.
    const invId = `INV-${P}leak`;
    await t.db.write(cypher(
      `CREATE (i:Investigation {id: $id, owner: $owner, name: 'old leak', description: '', cypher: $q, params: '[]', returns: 'table', columns: [],
         version: 1, sharedWith: [$principal], approved: false, createdAt: '2024-01-01', updatedAt: '2024-01-01'})`,
      { id: invId, owner: `${t.prefix}.researcher`, principal: `${t.prefix}.principal`, q: 'MATCH ()-[r]->() RETURN `properties`(coalesce(r)) AS p' },
    ));
    const a = await t.gql('mutation($id: ID!){ approveInvestigation(id: $id){ approved } }', { id: invId }, principal);
    expect(a.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_REFUSED', reason: 'property-access' });
    const [row] = await t.db.read(cypher('MATCH (i:Investigation {id: $id}) RETURN i.approved AS approved', { id: invId }));
    expect(row!.approved).toBe(false);
    const run = await t.gql(RUN_LIB, { id: invId }, researcher);
    expect(run.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_REFUSED', reason: 'property-access' });
    expect(JSON.stringify(run)).not.toMatch(/reportMarks|MARKER|CHIS-REF/);
  });

  it('refuses to save a query that fails the checks, or uses undeclared parameters, and stores nothing', async () => {
    for (const [cypherText, code] of [
      ['CREATE (n:Hacked) RETURN n', 'QUERY_REFUSED'],
      ['MATCH (n) RETURN n.text', 'QUERY_REFUSED'],
      ['MATCH (n) WHERE n.id = $x RETURN n', 'VALIDATION'],
    ] as const) {
      const r = await t.gql(SAVE, { input: { name: `bad ${cypherText}`, cypher: cypherText } }, researcher);
      expect(r.errors?.[0]?.extensions?.code, cypherText).toBe(code);
    }
    const rows = await t.db.read(cypher("MATCH (i:Investigation) WHERE i.owner = $u AND i.name STARTS WITH 'bad ' RETURN count(i) AS c", { u: `${t.prefix}.researcher` }));
    expect(rows[0]!.c).toBe(0);
  });
});

describe('hostile queries are refused or stopped, and change nothing', () => {
  const snapshot = async () => {
    const [n] = await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS n, sum(size(keys(n))) AS props', { p: P }));
    const [r] = await t.db.read(cypher('MATCH (a:Entity)-[r]->() WHERE a.id STARTS WITH $p RETURN count(r) AS r', { p: P }));
    const [h] = await t.db.read(cypher('MATCH (n:Hacked) RETURN count(n) AS h'));
    const [f] = await t.db.read(cypher('MATCH (n) WHERE n.hacked IS NOT NULL RETURN count(n) AS f'));
    const [i] = await t.db.read(cypher("SHOW INDEXES YIELD name WHERE name STARTS WITH 'hacked' RETURN count(*) AS i"));
    const [c] = await t.db.read(cypher("SHOW CONSTRAINTS YIELD name WHERE name IN ['entity_id', 'user_username'] RETURN count(*) AS c"));
    return { ...n, ...r, ...h, ...f, ...i, ...c };
  };
  let before: Record<string, unknown>;
  beforeAll(async () => { before = await snapshot(); });

  const hostile: [string, string, string][] = [
    ['create', 'CREATE (n:Hacked {id: "x"}) RETURN n', 'write'],
    ['merge', 'MERGE (n:Hacked {id: "x"}) RETURN n', 'write'],
    ['set a property', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p SET n.hacked = true RETURN n', 'write'],
    ['set from a map', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p SET n += {hacked: true} RETURN count(n)', 'write'],
    ['set a label', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p SET n:Hacked RETURN n', 'write'],
    ['delete', 'MATCH (n:Phone) WHERE n.id STARTS WITH $p DELETE n', 'write'],
    ['detach delete', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p DETACH DELETE n', 'write'],
    ['remove a label', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p REMOVE n:Subject RETURN n', 'write'],
    ['remove a property', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p REMOVE n.surname RETURN n', 'write'],
    ['create a relationship', 'MATCH (a:Subject), (b:Subject) WHERE a.id STARTS WITH $p AND b.id STARTS WITH $p CREATE (a)-[:ASSOCIATE_OF]->(b)', 'write'],
    ['create index', 'CREATE INDEX hacked_idx FOR (n:Hacked) ON (n.x)', 'administration'],
    ['create constraint', 'CREATE CONSTRAINT hacked_c FOR (n:Hacked) REQUIRE n.x IS UNIQUE', 'administration'],
    ['drop index', 'DROP INDEX entity_label', 'administration'],
    ['drop constraint', 'DROP CONSTRAINT entity_id', 'administration'],
    ['load csv', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'load-csv'],
    ['load csv and write', "LOAD CSV FROM 'https://example.org/x.csv' AS row CREATE (:Hacked {v: row[0]})", 'load-csv'],
    ['call in transactions', 'MATCH (n:Subject) CALL (n) { SET n.hacked = true } IN TRANSACTIONS RETURN count(*)', 'transactions'],
    ['write subquery', 'CALL { CREATE (h:Hacked) RETURN h } RETURN h', 'write'],
    ['foreach with set', 'MATCH (n:Subject) WHERE n.id STARTS WITH $p FOREACH (x IN [1] | SET n.hacked = true)', 'write'],
    ['dbms procedure', 'CALL dbms.components() YIELD name RETURN name', 'procedure'],
    ['create user procedure', "CALL dbms.security.createUser('hacker', 'secret123', false)", 'procedure'],
    ['db.create procedure', "CALL db.createLabel('Hacked')", 'procedure'],
    ['unknown procedure', "CALL apoc.create.node(['Hacked'], {}) YIELD node RETURN node", 'procedure'],
    ['unknown function', "RETURN apoc.text.join(['a'], ',') AS x", 'function'],
    ['schema procedure (names from hidden records)', 'CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey', 'procedure'],
    ['schema procedure, labels', 'CALL db.labels() YIELD label RETURN label', 'procedure'],
    ['full-text search (an oracle over hidden text)', "CALL db.index.fulltext.queryNodes('entity_search', 'marker') YIELD node RETURN count(node)", 'procedure'],
    ['use system', 'USE system SHOW USERS', 'use-database'],
    ['use system match', 'USE system MATCH (n) RETURN n', 'use-database'],
    ['show users', 'SHOW USERS', 'administration'],
    ['show transactions', 'SHOW TRANSACTIONS', 'administration'],
    ['create user', "CREATE USER hacker SET PASSWORD 'secret123' CHANGE NOT REQUIRED", 'administration'],
    ['alter user', "ALTER USER neo4j SET PASSWORD 'changed123'", 'administration'],
    ['grant', 'GRANT ROLE admin TO hacker', 'administration'],
    ['stop database', 'STOP DATABASE neo4j', 'administration'],
    ['terminate', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'administration'],
    ['multiple statements', 'MATCH (n) RETURN n; CREATE (:Hacked)', 'multiple-statements'],
    ['client command', ':param x => 1', 'client-command'],
    ['explain prefix', 'EXPLAIN CREATE (:Hacked)', 'explain'],
    ['query options', 'CYPHER runtime=interpreted CREATE (:Hacked)', 'query-options'],
    ['comment-hidden write', '/* looks harmless */ CREATE (:Hacked) // RETURN 1', 'write'],
    ['unicode arrows', 'MATCH (a)\u2014[r]\u2014>(b) RETURN r', 'syntax'],
    ['all properties', 'MATCH (n:IntelligenceReport) RETURN properties(n)', 'property-access'],
    ['all properties, quoted name', 'MATCH (n:IntelligenceReport) RETURN `properties`(coalesce(n)) AS p', 'property-access'],
    ['all property keys', 'MATCH (n) RETURN keys(n) AS k', 'property-access'],
    ['internal id', 'MATCH (n) RETURN id(n) AS i', 'internal-id'],
    ['internal element id', 'MATCH (n) RETURN `elementId`(n) AS i', 'internal-id'],
    ['dynamic property', "MATCH (n:IntelligenceReport) RETURN n['text']", 'property-access'],
    ['variable-length path round hidden nodes', 'MATCH (a:Subject)-[*1..4]-(b:Subject) RETURN b', 'unguardable'],
  ];

  it.each(hostile)('refuses %s', async (_what, q, reason) => {
    const r = await free(q, { p: P });
    expect(r.data?.runCypher ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: 'QUERY_REFUSED', reason });
    expect(r.errors?.[0]?.message.length).toBeGreaterThan(10);
  });

  it('stops a cartesian product that would run for minutes with the timeout', async () => {
    const started = Date.now();
    const r = await free('MATCH (a), (b), (c), (d), (e), (f) RETURN count(*) AS n');
    expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'timeout' });
    expect(r.errors?.[0]?.message).toMatch(/longer than 8 s/);
    expect(Date.now() - started).toBeLessThan(40_000);
  });

  it('stops a long computation with the timeout', async () => {
    const r = await free('UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x) AS n');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'timeout' });
  });

  it('cuts a huge result at the row cap, quickly', async () => {
    const started = Date.now();
    const r = await freeOk('UNWIND range(1, 100000000) AS x RETURN x');
    expect(r.rows).toHaveLength(5000);
    expect(r.truncated).toBe(true);
    expect(r.rows[4999]).toEqual({ x: 5000 });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses a write even if every check were bypassed: the transaction itself is read-only', async () => {
    const viewer: Viewer = { userId: 'x', username: 'x', role: 'RESEARCHER', clearance: 'SECRET', agency: AG, compartments: [] };
    const attempt = execute(t.db, viewer, { desk: () => ({ name: 'x', desk: 'x' }) }, {
      mode: 'freeForm', text: 'CREATE (n:Hacked {id: $id}) RETURN n', params: { id: id('HACK') }, guarded: true, queryHash: '',
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'QUERY_REFUSED', details: { reason: 'write' } });
  });

  it('left the database as it was', async () => {
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after).toMatchObject({ h: 0, f: 0, i: 0, c: 2 });
    const session = t.db.driver.session({ database: 'system' });
    try {
      const users = await session.run("SHOW USERS YIELD user WHERE user = 'hacker' RETURN count(*) AS n");
      expect(Number(users.records[0]!.get('n'))).toBe(0);
    } finally {
      await session.close();
    }
  });
});

describe('a corpus projecting every stored key and every function: refused, or unchanged by hidden changes', () => {
  // Every key the platform stores, and names that are not keys at all.
  const keys = [...new Set([
    ...Object.values(ENTITY_TYPES).flatMap((d) => Object.keys(d.props)), ...Object.values(LINK_TYPES).flatMap((d) => Object.keys(d.props)),
    ...SYSTEM_KEYS, ...MARKING_KEYS, 'contentHash', 'point', 'passwordHash', 'year',
  ])];
  const nondeterministic = /^(rand|randomuuid|timestamp)$|\.(realtime|statement|transaction)$/;
  const functions = [...ALLOWED_FUNCTIONS.filter((f) => !nondeterministic.test(f)), 'properties', 'keys', 'id', 'elementId', 'exists', 'apoc.map.merge', 'db.nameFromElementId'];
  const quote = (name: string) => name.split('.').map((x) => `\`${x}\``).join('.');
  const corpus: string[] = [
    ...keys.flatMap((k) => [
      `MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id, n.${quote(k)} AS v ORDER BY id`,
      `MATCH (a:Entity)-[r]->() WHERE a.id STARTS WITH $p RETURN r.id AS id, r.${quote(k)} AS v ORDER BY id`,
      `MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n {.${quote(k)}} AS v ORDER BY n.id`,
      `MATCH (n:Entity) WHERE n.id STARTS WITH $p AND n.${quote(k)} IS NOT NULL RETURN count(n) AS v`,
    ]),
    ...functions.flatMap((f) => [
      `MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id, ${quote(f)}(n) AS v ORDER BY id`,
      `MATCH (a:Entity)-[r]->() WHERE a.id STARTS WITH $p RETURN r.id AS id, ${quote(f)}(coalesce(r)) AS v ORDER BY id`,
    ]),
    'MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n ORDER BY n.id',
    'MATCH (a:Entity)-[r]->(b) WHERE a.id STARTS WITH $p RETURN a, r, b ORDER BY r.id',
    'MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id, COUNT { (n)--() } AS degree ORDER BY id',
  ];

  // Straight through the run path (checks, guard, EXPLAIN, READ transaction, policy), without HTTP
  // and audit, two at a time: the corpus has several hundred queries.
  const viewer: Viewer = { userId: 'corpus', username: 'corpus', role: 'RESEARCHER', clearance: 'SECRET', agency: '', compartments: [] };
  const dir = { desk: (a: string | null | undefined) => ({ name: `Agency ${a}`, desk: `desk of ${a}` }) };
  const outcome = async (q: string) => {
    try {
      const r = await runInvestigationQuery(t.db, { ...viewer, agency: AG }, dir, { mode: 'freeForm', cypher: q, params: freeFormParams({ p: P }) });
      return { rows: r.rows, columns: r.columns, graph: r.graph };
    } catch (e) {
      if (e instanceof DomainError) return { error: e.code, reason: e.details?.reason ?? null };
      throw e;
    }
  };
  const all = async (qs: string[]) => {
    const out = new Map<string, unknown>();
    let next = 0;
    await Promise.all([0, 1].map(async () => { while (next < qs.length) { const q = qs[next++]!; out.set(q, await outcome(q)); } }));
    return out;
  };

  it('gives the same answers before and after changes the viewer may not know of', async () => {
    const before = await all(corpus);
    // Changes hidden from a researcher without the CHIS compartment: a CHIS report's text, a CHIS
    // report added behind a visible link (its stored strength, report ids and marks move), a new
    // CHIS subject linked to a visible one, and a dissemination list.
    const CHIS = { compartments: ['CHIS'] };
    await t.entity('RC1', 'IntelligenceReport', { text: 'MARKER-RC1 changed text', sourceEvaluation: '1', intelAssessment: 'A', sourceId: id('SRCC') }, CHIS);
    await t.link(id('S2'), 'MEMBER_OF', id('O1'), { role: 'SIGNIFICANT' }, [id('R1'), id('R2'), id('RC1')]);
    const SH = await t.entity('SH', 'Subject', { forename: 'Hidden', surname: 'Person' }, CHIS);
    await t.link(SH, 'ASSOCIATE_OF', id('S1'), { kind: 'ASSOCIATE' }, [], CHIS);
    await t.db.write(cypher("MATCH (n:Entity {id: $id}) SET n.disseminatedTo = [$ag], n.updatedAt = '2099-01-01T00:00:00Z'", { id: id('S4'), ag: `${t.prefix}-AG2` }));
    const after = await all(corpus);
    const accepted: string[] = [];
    for (const q of corpus) {
      const a = before.get(q) as { error?: string };
      expect(after.get(q), q).toEqual(a);
      if (!a.error) accepted.push(q);
    }
    // What was accepted reads only allow-listed keys and functions.
    for (const q of accepted) {
      const key = /RETURN (?:n|r)\.id AS id, (?:n|r)\.`([^`]+)`|n \{\.`([^`]+)`\}|n\.`([^`]+)` IS NOT NULL/.exec(q);
      const k = key && (key[1] ?? key[2] ?? key[3]);
      if (k) expect([...FREE_FORM_PROPERTY_KEYS, 'year'], q).toContain(k);
      const fn = /AS id, ((?:`[^`]+`\.?)+)\(/.exec(q);
      if (fn) expect(ALLOWED_FUNCTIONS, q).toContain(fn[1]!.replace(/`/g, '').toLowerCase());
    }
    expect(accepted.length).toBeGreaterThan(100);
  }, 600_000);
});
