import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { importGraph } from '../../server/ingest/importer.js';
import { canonicalUndirectedLinks } from '../../server/graph/upgrade.js';
import { linkId } from '../../server/graph/write.js';
import { deleteByPrefix, testDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
const P = `U${Date.now()}${process.pid}`;

beforeAll(async () => {
  t = await testDb();
});
afterAll(async () => {
  if (!t) return;
  await deleteByPrefix(t.db, P);
  await t.close();
});

/** The id an undirected link had before ends were put in canonical order: the ends as given. */
const oldId = (s: string, type: string, tg: string) => `${type}-${createHash('sha1').update(`${s}\u0000${type}\u0000${tg}`).digest('base64url').slice(0, 16)}`;

async function pairLinks(a: string, b: string) {
  return t.db.read(cypher(
    'MATCH (x:Entity)-[r:ASSOCIATE_OF]-(y:Entity) WHERE x.id = $a AND y.id = $b RETURN r.id AS id, startNode(r).id AS source, r.reportIds AS reportIds, r.strength AS strength, r.kind AS kind',
    { a, b },
  ));
}

describe('undirected links', () => {
  it('import of the reverse of an association yields one link, whichever order comes first', async () => {
    const nodes = ['id,type,label,agency,sourceEvaluation,intelAssessment,handling,text',
      `${P}-AG,Agency,Agency ${P},${P}-AG,,,,`,
      `${P}-A,Subject,Alpha,${P}-AG,,,,`, `${P}-B,Subject,Bravo,${P}-AG,,,,`,
      `${P}-R1,IntelligenceReport,Seen together,${P}-AG,1,A,P,text`].join('\n');
    const first = await importGraph(t.db, { nodes, edges: `source,target,type,kind,count,agency\n${P}-B,${P}-A,ASSOCIATE_OF,FAMILY,3,${P}-AG\n` });
    expect(first.errors).toEqual([]);
    expect(first.edges.created).toBe(1);
    // The same association given the other way round: the same link, updated, never a second one.
    const second = await importGraph(t.db, { edges: `source,target,type,kind,count,agency,reportIds\n${P}-A,${P}-B,ASSOCIATE_OF,FAMILY,5,${P}-AG,${P}-R1\n` });
    expect(second.errors).toEqual([]);
    expect(second.edges).toMatchObject({ created: 0, updated: 1 });
    const links = await pairLinks(`${P}-A`, `${P}-B`);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ id: linkId(`${P}-A`, 'ASSOCIATE_OF', `${P}-B`), source: `${P}-A`, reportIds: [`${P}-R1`] });
    expect(linkId(`${P}-B`, 'ASSOCIATE_OF', `${P}-A`)).toBe(links[0]!.id);
    // A directed type keeps both directions as two links.
    expect(linkId(`${P}-B`, 'CALLS', `${P}-A`)).not.toBe(linkId(`${P}-A`, 'CALLS', `${P}-B`));
    const again = await importGraph(t.db, { edges: `source,target,type,kind,count,agency,reportIds\n${P}-B,${P}-A,ASSOCIATE_OF,FAMILY,5,${P}-AG,${P}-R1\n` });
    expect(again.edges).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('the start-up migration turns links stored the other way round, joining a pair held both ways into one', async () => {
    const ids = ['C', 'D', 'E', 'F'].map((x) => `${P}-${x}`);
    const nodes = ['id,type,label,agency,sourceEvaluation,intelAssessment,handling,text,sourceId',
      ...ids.map((id) => `${id},Subject,${id},${P}-AG,,,,,`),
      `${P}-R2,IntelligenceReport,R2,${P}-AG,1,A,P,text,`, `${P}-R3,IntelligenceReport,R3,${P}-AG,2,C,P,text,`].join('\n');
    expect((await importGraph(t.db, { nodes })).errors).toEqual([]);
    const [C, D, E, F] = ids as [string, string, string, string];
    // As an older version stored them: ends as given, id from that order.
    const store = (s: string, tg: string, props: Record<string, unknown>) => t.db.write(cypher(
      'MATCH (a:Entity {id: $s}), (b:Entity {id: $t}) CREATE (a)-[r:ASSOCIATE_OF]->(b) SET r = $props, r.id = $id, r.contentHash = "x"',
      { s, t: tg, props, id: oldId(s, 'ASSOCIATE_OF', tg) },
    ));
    const mark = (g: string) => JSON.stringify({ g, s: null, c: 'OFFICIAL', a: `${P}-AG`, k: [], n: false });
    await store(D, C, { kind: 'FAMILY', agency: `${P}-AG`, reportIds: [], reportMarks: [] }); // reversed, alone
    await store(F, E, { kind: 'BUSINESS', agency: `${P}-AG`, reportIds: [`${P}-R2`], reportMarks: [mark('1A')] }); // reversed...
    await store(E, F, { kind: 'BUSINESS', agency: `${P}-AG`, reportIds: [`${P}-R3`], reportMarks: [mark('2C')] }); // ...and held the right way too
    await canonicalUndirectedLinks.run(t.db, () => {});
    const cd = await pairLinks(C, D);
    expect(cd).toEqual([expect.objectContaining({ id: linkId(C, 'ASSOCIATE_OF', D), source: C, kind: 'FAMILY' })]);
    const ef = await pairLinks(E, F);
    expect(ef).toHaveLength(1);
    expect(ef[0]).toMatchObject({ id: linkId(E, 'ASSOCIATE_OF', F), source: E, reportIds: [`${P}-R2`, `${P}-R3`] });
    expect(ef[0]!.strength).toBeGreaterThan(0);
    // Running it again changes nothing; a re-import of the pair in either order is the same link.
    await canonicalUndirectedLinks.run(t.db, () => {});
    expect(await pairLinks(E, F)).toEqual(ef);
    const re = await importGraph(t.db, { edges: `source,target,type,kind,agency,reportIds\n${F},${E},ASSOCIATE_OF,BUSINESS,${P}-AG,${P}-R2;${P}-R3\n` });
    expect(re.errors).toEqual([]);
    expect(re.edges.created).toBe(0);
    expect(await pairLinks(E, F)).toHaveLength(1);
  });
});
