import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { MAX_JSON_DEPTH } from '../../server/domain/validate.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/**
 * Answers under contention: concurrent creates of one id, absurdly deep JSON, and an upload racing
 * a change of ownership, all through the real HTTP API against the real database.
 */
let t: TestApp;
let officer: string;
let manager: string;
let analyst: string;
let AG1: string;
let AG2: string;

beforeAll(async () => {
  t = await startTestApp();
  AG1 = `${t.prefix}-AG1`;
  AG2 = `${t.prefix}-AG2`;
  await t.entity('AG1', 'Agency', { kind: 'POLICE' }, {}, 'Test Force');
  await t.entity('AG2', 'Agency', { kind: 'POLICE' }, { agency: AG2 }, 'Neighbour Force');
  officer = await t.user('officer', 'INTEL_OFFICER', { agency: AG1 });
  manager = await t.user('manager', 'INTEL_MANAGER', { agency: AG1 });
  analyst = await t.user('analyst', 'ANALYST', { agency: AG1 });
});
afterAll(async () => t?.close());

const CREATE = `mutation($input: EntityInput!){ createEntity(input:$input){ id created changed } }`;
const subject = (id: string) => ({ input: { id, type: 'Subject', props: { forename: 'Ann', surname: 'Race' } } });
type Answer = Awaited<ReturnType<TestApp['gql']>>;
const codeOf = (r: Answer) => (r.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
const count = async (text: string, params: Record<string, unknown>) => (await t.db.read(cypher(text, params)))[0]!.c as number;

/**
 * A transaction of the test's own, holding write locks until it commits: another writer that
 * needs one of them waits, and `untilBlocked` sees it waiting, so a race happens in a known order.
 */
async function holdLocks(tag: string, text: string, params: Record<string, unknown>): Promise<{ untilBlocked(): Promise<void>; commit(): Promise<void> }> {
  const session = t.db.driver.session({ database: t.db.database });
  const tx = session.beginTransaction({ metadata: { contention: tag } });
  await tx.run(text, params);
  const [mine] = await t.db.read(cypher('SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.contention = $tag RETURN transactionId AS id', { tag }));
  return {
    async untilBlocked() {
      for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
        const waiting = await t.db.read(cypher('SHOW TRANSACTIONS YIELD transactionId, status WHERE status CONTAINS $id RETURN count(*) AS c', { id: mine!.id }));
        if ((waiting[0]!.c as number) > 0) return;
      }
      throw new Error('no writer waited for the held lock');
    },
    async commit() {
      await tx.commit();
      await session.close();
    },
  };
}

describe('concurrent creates of one id', () => {
  it('a create that finds its id free but loses the race to another writer answers CONFLICT on the id', async () => {
    const id = `${t.prefix}-RACE0`;
    // The other writer has created the id but not committed: the API's existence check cannot
    // see it, and its CREATE waits on the uniqueness constraint until the other commits.
    const other = await holdLocks(`${t.prefix}-create`, "CREATE (n:Entity:Subject {id: $id, type: 'Subject', label: 'Other Writer', agency: $ag, classification: 'OFFICIAL', compartments: [], handling: 'P'})", { id, ag: AG1 });
    const pending = t.gql(CREATE, subject(id), officer);
    await other.untilBlocked();
    await other.commit();
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.errors?.[0]).toMatchObject({ message: `${id} already exists`, extensions: { code: 'CONFLICT', field: 'id' } });
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id })).toBe(1);
  });

  it('a burst of identical creates answers one success and CONFLICT for every other, never INTERNAL', async () => {
    for (let round = 1; round <= 8; round++) {
      const id = `${t.prefix}-RACE${round}`;
      const answers = await Promise.all(Array.from({ length: 12 }, () => t.gql(CREATE, subject(id), officer)));
      expect(answers.map(codeOf).sort()).toEqual([...Array(11).fill('CONFLICT'), 'OK']);
      expect(answers.find((a) => !a.errors)!.data.createEntity).toEqual({ id, created: true, changed: true });
      for (const a of answers.filter((x) => x.errors)) expect(a.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id })).toBe(1);
    }
  });

  it('identical requirements created at once: one success, CONFLICT for the rest', async () => {
    const M = `mutation($i:RequirementInput!){ createRequirement(input:$i){ requirement{ id } } }`;
    const id = `${t.prefix}-IRACE`;
    const input = { id, label: 'Requirement raced', kind: 'TACTICAL', reviewDate: '2099-01-01', questions: [] };
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.gql(M, { i: input }, manager)));
    expect(answers.map(codeOf).sort()).toEqual([...Array(9).fill('CONFLICT'), 'OK']);
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id })).toBe(1);
  });

  it('identical links created at once are one link (link creation is idempotent), never INTERNAL', async () => {
    const a = await t.entity('LA', 'Subject', { forename: 'Link', surname: 'Alpha' });
    const b = await t.entity('LB', 'Subject', { forename: 'Link', surname: 'Beta' });
    const M = `mutation($i:LinkInput!){ createLink(input:$i){ id created } }`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.gql(M, { i: { source: a, target: b, type: 'ASSOCIATE_OF', props: { kind: 'FAMILY' } } }, officer)));
    expect(answers.map(codeOf)).toEqual(Array(10).fill('OK'));
    expect(new Set(answers.map((x) => x.data.createLink.id)).size).toBe(1);
    expect(await count('MATCH (:Entity {id: $a})-[r:ASSOCIATE_OF]->(:Entity {id: $b}) RETURN count(r) AS c', { a, b })).toBe(1);
  });

  it('a create racing archives and updates of the same id: every answer is a domain answer', async () => {
    const id = `${t.prefix}-RACEAU`;
    const answers = await Promise.all([
      t.gql(CREATE, subject(id), officer),
      ...Array.from({ length: 4 }, () => t.gql(`mutation($id:ID!){ archiveEntity(id:$id){ changed } }`, { id }, officer)),
      ...Array.from({ length: 4 }, (_, i) => t.gql(`mutation($id:ID!,$p:EntityPatch!){ updateEntity(id:$id, patch:$p){ changed } }`, { id, p: { props: { surname: `Race${i}` } } }, officer)),
      t.gql(CREATE, subject(id), officer),
    ]);
    for (const a of answers) expect(['OK', 'CONFLICT', 'NOT_FOUND']).toContain(codeOf(a));
    expect([codeOf(answers[0]!), codeOf(answers.at(-1)!)].sort()).toEqual(['CONFLICT', 'OK']);
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id })).toBe(1);
  });

  it('the same duplicates merged at once: one merge, the others told it is merged already', async () => {
    const keep = await t.entity('MK', 'Subject', { forename: 'Merge', surname: 'Keep', dob: '1980-01-01' });
    const dup = await t.entity('MD', 'Subject', { forename: 'Merge', surname: 'Keep', dob: '1980-01-01' });
    const other = await t.entity('MO', 'Subject', { forename: 'Merge', surname: 'Other' });
    await t.link(dup, 'ASSOCIATE_OF', other, { kind: 'FAMILY' });
    const M = `mutation($k:ID!,$m:ID!){ mergeEntities(keepId:$k, mergeId:$m){ id changed } }`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.gql(M, { k: keep, m: dup }, analyst)));
    expect(answers.map(codeOf).sort()).toEqual(['OK', ...Array(5).fill('VALIDATION')]);
    // The others wait for the first and then find the duplicate merged.
    for (const a of answers.filter((x) => x.errors)) expect(a.errors![0]).toMatchObject({ message: `${dup} is archived (merged into ${keep})`, extensions: { field: 'mergeId' } });
    expect(await count('MATCH (:Entity {id: $k})-[r:ASSOCIATE_OF]-(:Entity {id: $o}) RETURN count(r) AS c', { k: keep, o: other })).toBe(1);
  });
});

describe('absurdly deep JSON', () => {
  const post = (body: string, token = officer) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it.each([100_000, 10_000, MAX_JSON_DEPTH + 1])('variables nested %i levels are a 400 with a clear error, and the server carries on', async (depth) => {
    const res = await post(`{"query":"mutation($input: EntityInput!){ createEntity(input:$input){ id } }","variables":{"input":{"id":"${t.prefix}-DEEP","type":"Subject","label":"Deep","props":{"aliases":${nested(depth)}}}}}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: `The request's JSON is nested too deeply (more than ${MAX_JSON_DEPTH} levels)`, extensions: { code: 'BAD_REQUEST' } }] });
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id: `${t.prefix}-DEEP` })).toBe(0);
    expect((await t.gql('{ me { username } }', {}, officer)).status).toBe(200);
  });

  it('deep JSON objects and deep extensions are refused the same way; ordinary nesting passes', async () => {
    const deepObject = `{"query":"{ __typename }","variables":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    expect((await post(deepObject)).status).toBe(400);
    expect((await post(`{"query":"{ __typename }","extensions":{"x":${nested(100_000)}}}`)).status).toBe(400);
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{"a":${nested(2000)}}`)}`, {
      headers: { authorization: `Bearer ${officer}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    // Nesting well within the limit is an ordinary request.
    const ok = await post(`{"query":"{ __typename }","extensions":{"x":${nested(MAX_JSON_DEPTH - 2)}}}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('an uploaded JSON document nested too deeply is refused by line, writing nothing', async () => {
    const M = `mutation($j:String){ importGraph(json:$j){ written rejected errors{ file line reason } } }`;
    const json = `{"nodes":[{"id":"${t.prefix}-DEEPU","type":"Subject","label":"Deep","aliases":${nested(100_000)}}]}`;
    const r = await t.gql(M, { j: json }, officer);
    expect(r.errors).toBeUndefined();
    expect(r.data.importGraph).toEqual({ written: false, rejected: 1, errors: [{ file: 'json', line: 1, reason: `nested too deeply (more than ${MAX_JSON_DEPTH} levels)` }] });
    expect(await count('MATCH (n:Entity {id: $id}) RETURN count(n) AS c', { id: `${t.prefix}-DEEPU` })).toBe(0);
  });
});

describe('an upload racing a change of ownership', () => {
  const M = `mutation($n:String,$e:String){ importGraph(nodesCsv:$n, edgesCsv:$e){ created updated written rejected errors{ line reason } } }`;

  it('is written whole or not at all: a record changing hands before the upload writes refuses all of it', async () => {
    const p = t.prefix;
    const held = await t.entity('OWN1', 'Subject', { forename: 'Changing', surname: 'Hands' });
    const fresh = Array.from({ length: 300 }, (_, i) => `${p}-UP${i}`);
    const nodes = ['id,type,label,forename,surname', `${held},Subject,,Changing,Owner`, ...fresh.map((id, i) => `${id},Subject,,Row,Number${i}`)].join('\n');
    const edges = ['source,target,type,kind', ...fresh.map((id) => `${id},${held},ASSOCIATE_OF,FAMILY`)].join('\n');

    // Another agency takes the record over and holds its lock; the upload is checked against the
    // record as it was, then has to wait for that lock to write; the takeover commits first.
    const takeover = await holdLocks(`${p}-takeover`, 'MATCH (n:Entity {id: $id}) SET n.agency = $ag', { id: held, ag: AG2 });
    const pending = t.gql(M, { n: nodes, e: edges }, officer);
    await takeover.untilBlocked();
    await takeover.commit();
    const r = await pending;

    const written = await count('MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS c', { ids: fresh });
    const linked = await count('MATCH (:Entity {id: $id})-[r]-() RETURN count(r) AS c', { id: held });
    const [after] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN n.agency AS agency, n.label AS label', { id: held }));
    // Never part of it, and never the takeover undone.
    expect([0, fresh.length]).toContain(written);
    expect(linked).toBe(written);
    expect(after!.agency).toBe(AG2);
    // The takeover committed first, so the upload is refused whole, with a reason.
    expect(written).toBe(0);
    expect(after!.label).toBe('Changing Hands');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(r.errors?.[0]?.message).toBe(`id ${held} is already in use by a record you may not change: it changed during the upload, so nothing was written`);
  });

  it('a record the upload only links to, changing hands before the links are written, refuses all of it', async () => {
    const p = t.prefix;
    const held = await t.entity('OWN2', 'Subject', { forename: 'Linked', surname: 'Record' });
    const fresh = Array.from({ length: 300 }, (_, i) => `${p}-UL${i}`);
    const nodes = ['id,type,label,forename,surname', ...fresh.map((id, i) => `${id},Subject,,Row,Number${i}`)].join('\n');
    const edges = ['source,target,type,kind', ...fresh.map((id) => `${id},${held},ASSOCIATE_OF,FAMILY`)].join('\n');
    const takeover = await holdLocks(`${p}-takeover2`, 'MATCH (n:Entity {id: $id}) SET n.agency = $ag', { id: held, ag: AG2 });
    const pending = t.gql(M, { n: nodes, e: edges }, officer);
    await takeover.untilBlocked();
    await takeover.commit();
    const r = await pending;
    expect(r.errors?.[0]?.message).toBe(`Unknown entity ${held}: it changed during the upload, so nothing was written`);
    expect(await count('MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS c', { ids: fresh })).toBe(0);
    expect(await count('MATCH (:Entity {id: $id})-[r]-() RETURN count(r) AS c', { id: held })).toBe(0);
  });

  it('an upload without a race is written whole, in one go', async () => {
    const p = t.prefix;
    const fresh = Array.from({ length: 200 }, (_, i) => `${p}-OK${i}`);
    const nodes = ['id,type,label,forename,surname', ...fresh.map((id, i) => `${id},Subject,,Row,Number${i}`)].join('\n');
    const edges = ['source,target,type,kind', ...fresh.slice(1).map((id) => `${id},${fresh[0]},ASSOCIATE_OF,FAMILY`)].join('\n');
    const r = await t.gql(M, { n: nodes, e: edges }, officer);
    expect(r.errors).toBeUndefined();
    expect(r.data.importGraph).toMatchObject({ created: 399, written: true, rejected: 0 });
    expect(await count('MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS c', { ids: fresh })).toBe(200);
  });
});
