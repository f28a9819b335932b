import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Uploads from the client go through the same importer as the CLI: line-numbered rejects, nothing
 * half-written, and only what the uploader's agency owns and the uploader sees in full may change.
 */
let t: TestApp;
let officer: string;
let analyst: string;
let admin: string;
let otherOfficer: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'POLICE' }, { agency: `${t.prefix}-AG2` }, 'Neighbour Force');
  officer = await t.user('officer', 'INTEL_OFFICER', { agency: `${t.prefix}-AG1` });
  analyst = await t.user('analyst', 'ANALYST', { agency: `${t.prefix}-AG1` });
  admin = await t.user('admin', 'ADMIN', { agency: `${t.prefix}-AG1` });
  otherOfficer = await t.user('officer2', 'INTEL_OFFICER', { agency: `${t.prefix}-AG2` });
});
afterAll(async () => t?.close());

const M = `mutation($n:String,$e:String,$j:String,$dry:Boolean!,$keep:Boolean!){ importGraph(nodesCsv:$n, edgesCsv:$e, json:$j, dryRun:$dry, keepGood:$keep){ read created updated unchanged rejected written errors{ file line reason } } }`;
type Result = { read: number; created: number; updated: number; rejected: number; written: boolean; errors: { file: string; line: number; reason: string }[] };
const upload = async (vars: { n?: string; e?: string; j?: string; dry?: boolean; keep?: boolean }, token: string) => {
  const r = await t.gql(M, { dry: false, keep: false, ...vars }, token);
  expect(r.errors).toBeUndefined();
  return r.data.importGraph as Result;
};
const reasons = (r: Result) => Object.fromEntries(r.errors.map((e) => [`${e.file}:${e.line}`, e.reason]));
const node = async (id: string) =>
  (await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.label AS label, n.agency AS agency, n.contentHash AS hash', { id })))[0];

describe('importGraph mutation', () => {
  it('reports bad rows by line and writes nothing unless asked to keep the good ones; re-import is a no-op', async () => {
    const p = t.prefix;
    const nodes = `id,type,label,forename,surname,dob\r\n${p}-U1,Subject,,Siân,Evans,1991-02-03\r\n${p}-U2,Subject,,Tom,Price,2999-01-01\r\n${p}-U3,Spaceship,X,,,\r\n${p}-U4,Subject,,Ann,Lee,1980-05-05\r\n`;
    const edges = `source,target,type,kind\n${p}-U1,${p}-U4,ASSOCIATE_OF,FAMILY\n${p}-U1,${p}-U1,ASSOCIATE_OF,FAMILY\n`;
    const count = async () => (await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS c', { p: `${p}-U` })))[0]!.c;

    const bad = await upload({ n: nodes, e: edges }, officer);
    expect(bad).toMatchObject({ read: 6, created: 0, rejected: 3, written: false });
    expect(Object.keys(reasons(bad)).sort()).toEqual(['edges:3', 'nodes:3', 'nodes:4']);
    expect(await count()).toBe(0);

    const dry = await upload({ n: nodes, e: edges, dry: true }, officer);
    expect(dry).toMatchObject({ created: 3, rejected: 3, written: false });
    expect(await count()).toBe(0);

    const kept = await upload({ n: nodes, e: edges, keep: true }, officer);
    expect(kept).toMatchObject({ created: 3, rejected: 3, written: true });
    expect(await count()).toBe(2);

    const again = await upload({ n: nodes, e: edges, keep: true }, officer);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(await node(`${p}-U1`)).toMatchObject({ agency: `${p}-AG1`, label: 'Siân Evans' });
  });

  it('takes JSON as well as CSV', async () => {
    const p = t.prefix;
    const json = JSON.stringify({ nodes: [{ id: `${p}-J1`, type: 'Vehicle', label: 'AB12 CDE', vrm: 'AB12CDE' }], edges: [] });
    const r = await upload({ j: json }, officer);
    expect(r).toMatchObject({ read: 1, created: 1, rejected: 0, written: true });
    expect(await node(`${p}-J1`)).toMatchObject({ agency: `${p}-AG1` });
  });

  it('never changes or links to what the uploader does not own and see in full', async () => {
    const p = t.prefix;
    // Another agency's subject, a CHIS-compartment record of the uploader's own agency, and a
    // restricted link between two of the uploader's own records, owned by the other agency.
    await t.entity('X2', 'Subject', { forename: 'Other', surname: 'Owner' }, { agency: `${p}-AG2` });
    await t.entity('H1', 'Subject', { forename: 'Covert', surname: 'Person' }, { compartments: ['CHIS'] });
    await t.entity('X3', 'Subject', { forename: 'Other', surname: 'Three' }, { agency: `${p}-AG2` });
    await t.entity('H3', 'Subject', { forename: 'Covert', surname: 'Three' }, { compartments: ['CHIS'] });
    await t.entity('O1', 'Subject', { forename: 'Own', surname: 'One' });
    await t.entity('O2', 'Subject', { forename: 'Own', surname: 'Two' });
    await t.link(`${p}-O1`, 'ASSOCIATE_OF', `${p}-O2`, { kind: 'BUSINESS' }, [], { agency: `${p}-AG2` });
    const before = { x2: await node(`${p}-X2`), h1: await node(`${p}-H1`) };

    const nodes = [
      'id,type,label,forename,surname,agency,compartments',
      `${p}-N1,Subject,,New,Person,,`, // 2: good
      `${p}-X2,Subject,,Taken,Over,,`, // 3: exists under AG2
      `${p}-H1,Subject,,Taken,Over,,`, // 4: exists, hidden from the uploader
      `${p}-N2,Subject,,Foreign,Row,${p}-AG2,`, // 5: another agency's row
      `${p}-N3,Subject,,Beyond,Access,,CHIS`, // 6: a compartment the uploader lacks
    ].join('\n');
    const edges = [
      'source,target,type,kind',
      `${p}-N1,${p}-O1,ASSOCIATE_OF,FAMILY`, // 2: good
      `${p}-N1,${p}-X3,ASSOCIATE_OF,FAMILY`, // 3: other agency's record
      `${p}-N1,${p}-H3,ASSOCIATE_OF,FAMILY`, // 4: hidden record
      `${p}-N1,${p}-NOPE,ASSOCIATE_OF,FAMILY`, // 5: does not exist
      `${p}-O1,${p}-O2,ASSOCIATE_OF,FAMILY`, // 6: restricted link held by AG2
    ].join('\n');

    const refused = await upload({ n: nodes, e: edges }, officer);
    expect(refused).toMatchObject({ written: false, rejected: 8 });
    const why = reasons(refused);
    expect(Object.keys(why).sort()).toEqual(['edges:3', 'edges:4', 'edges:5', 'edges:6', 'nodes:3', 'nodes:4', 'nodes:5', 'nodes:6']);
    expect(why['nodes:3']).toMatch(/already in use by a record you may not change/);
    // A hidden record gets the very same answer as another agency's, so uploads cannot probe for it.
    expect(why['nodes:4']).toBe(why['nodes:3']!.replace(`${p}-X2`, `${p}-H1`));
    expect(why['nodes:5']).toMatch(/only records owned by your own agency/);
    expect(why['nodes:6']).toMatch(/beyond your own access/);
    // Links to records the uploader may not see read exactly like links to records that do not exist.
    expect(why['edges:5']).toMatch(/neither in the file nor in the graph/);
    expect(why['edges:3']).toBe(why['edges:5']!.replaceAll(`${p}-NOPE`, `${p}-X3`));
    expect(why['edges:4']).toBe(why['edges:5']!.replaceAll(`${p}-NOPE`, `${p}-H3`));
    expect(why['edges:6']).toMatch(/held by another agency or under restricted markings/);

    const kept = await upload({ n: nodes, e: edges, keep: true }, officer);
    expect(kept).toMatchObject({ written: true, created: 2, rejected: 8 });
    expect(await node(`${p}-X2`)).toEqual(before.x2);
    expect(await node(`${p}-H1`)).toEqual(before.h1);
    expect(await node(`${p}-N2`)).toBeUndefined();
    expect(await node(`${p}-N3`)).toBeUndefined();
    const links = await t.db.read(cypher(
      'MATCH (a:Entity)-[r:ASSOCIATE_OF]->(b:Entity) WHERE a.id IN $ids RETURN a.id AS a, b.id AS b, r.kind AS kind, r.agency AS agency ORDER BY a, b',
      { ids: [`${p}-N1`, `${p}-O1`] },
    ));
    expect(links).toEqual([
      { a: `${p}-N1`, b: `${p}-O1`, kind: 'FAMILY', agency: `${p}-AG1` },
      { a: `${p}-O1`, b: `${p}-O2`, kind: 'BUSINESS', agency: `${p}-AG2` },
    ]);

    // The owning agency's own officer may change its record through an upload.
    const theirs = await upload({ n: `id,type,label,forename,surname\n${p}-X2,Subject,,Other,Owner-Renamed\n` }, otherOfficer);
    expect(theirs).toMatchObject({ written: true, updated: 1, rejected: 0 });
    expect((await node(`${p}-X2`))!.label).toBe('Other Owner-Renamed');
  });

  it('needs the import permission, and the grade permission for reports', async () => {
    const r = await t.gql(M, { n: `id,type,label\n${t.prefix}-Z,Subject,Z\n`, dry: true, keep: false }, analyst);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const report = [
      'id,type,label,text,sourceEvaluation,intelAssessment,handling,recordedAt',
      `${t.prefix}-R9,IntelligenceReport,Report,Seen at the address,1,A,P,2024-01-01`,
    ].join('\n');
    const byAdmin = await upload({ n: report }, admin);
    expect(byAdmin).toMatchObject({ written: false, rejected: 1 });
    expect(byAdmin.errors[0]!.reason).toMatch(/grade permission/);
    expect(await node(`${t.prefix}-R9`)).toBeUndefined();
  });

  it('refuses an empty upload with a field error', async () => {
    const r = await t.gql(M, { dry: false, keep: false }, officer);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'nodesCsv' });
  });
});
