import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/** Uploads from the client go through the same importer: line-numbered rejects, nothing half-written. */
let t: TestApp;
let officer: string;
let analyst: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  officer = await t.user('officer', 'INTEL_OFFICER', { agency: `${t.prefix}-AG1` });
  analyst = await t.user('analyst', 'ANALYST', { agency: `${t.prefix}-AG1` });
});
afterAll(async () => t?.close());

const M = `mutation($n:String,$e:String,$dry:Boolean!,$keep:Boolean!){ importGraph(nodesCsv:$n, edgesCsv:$e, dryRun:$dry, keepGood:$keep){ read created updated rejected written errors{ file line reason } } }`;

describe('importGraph mutation', () => {
  it('reports bad rows by line and writes nothing unless asked to keep the good ones; re-import is a no-op', async () => {
    const p = t.prefix;
    const nodes = `id,type,label,forename,surname,dob\r\n${p}-U1,Subject,,Siân,Evans,1991-02-03\r\n${p}-U2,Subject,,Tom,Price,2999-01-01\r\n${p}-U3,Spaceship,X,,,\r\n${p}-U4,Subject,,Ann,Lee,1980-05-05\r\n`;
    const edges = `source,target,type,kind\n${p}-U1,${p}-U4,ASSOCIATE_OF,FAMILY\n${p}-U1,${p}-U1,ASSOCIATE_OF,FAMILY\n`;
    const count = async () => (await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS c', { p: `${p}-U` })))[0]!.c;

    const bad = await t.gql(M, { n: nodes, e: edges, dry: false, keep: false }, officer);
    expect(bad.errors).toBeUndefined();
    expect(bad.data.importGraph).toMatchObject({ read: 6, created: 0, rejected: 3, written: false });
    const lines = bad.data.importGraph.errors.map((e: { file: string; line: number }) => `${e.file}:${e.line}`).sort();
    expect(lines).toEqual(['edges:3', 'nodes:3', 'nodes:4']);
    expect(await count()).toBe(0);

    const kept = await t.gql(M, { n: nodes, e: edges, dry: false, keep: true }, officer);
    expect(kept.data.importGraph).toMatchObject({ created: 3, rejected: 3, written: true });
    expect(await count()).toBe(2);

    const again = await t.gql(M, { n: nodes, e: edges, dry: false, keep: true }, officer);
    expect(again.data.importGraph).toMatchObject({ created: 0, updated: 0 });
    const owner = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.agency AS a, n.label AS l', { id: `${p}-U1` }));
    expect(owner[0]).toEqual({ a: `${p}-AG1`, l: 'Siân Evans' });
  });

  it('needs the import permission', async () => {
    const r = await t.gql(M, { n: `id,type,label\n${t.prefix}-Z,Subject,Z\n`, dry: true, keep: false }, analyst);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
