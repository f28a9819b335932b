import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/db.js';
import { validateEntity, validateLink, type EntityRecord, type LinkRecord } from '../../server/domain/validate.js';
import { entityRow, linkRow, positional, writeEntities, writeLinks } from '../../server/graph/write.js';
import { deleteByPrefix, testDb, type TestDb } from '../helpers/db.js';

/**
 * New records are written in positional form (each row a list, each property named in the
 * statement), records already held by `SET n += map`. The property: whatever mix of optional
 * properties the records of one batch carry, each new record holds exactly what the write path
 * says it stores (graph/write.ts entityRow / linkRow: no property for an absent or empty value,
 * the bookkeeping, a point for a located record with both coordinates), and nothing another record
 * of its batch carries.
 */
let t: TestDb;
const P = `WP${Date.now().toString(36).toUpperCase()}`;
const NOW = '2026-03-01T10:00:00.000Z';
let run = 0;

beforeAll(async () => { t = await testDb(); }, 240_000);
afterAll(async () => {
  await deleteByPrefix(t.db, P);
  await t.close();
});

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const subjectProps = fc.record({
  forename: maybe(fc.constantFrom('Ann', 'Lee', 'José')),
  surname: maybe(fc.constantFrom('Doherty', 'Pérez')),
  aliases: maybe(fc.array(fc.constantFrom('Dee', 'Big L', 'JP'), { maxLength: 2 })),
  dob: maybe(fc.constantFrom('1990-02-03', '1971-12-30')),
  notes: maybe(fc.constantFrom('seen at the market', 'line one\nline two')),
}, { requiredKeys: [] });
const locationProps = fc.record({
  address: maybe(fc.constantFrom('1 High Street', '14 Bradford Street')),
  lat: maybe(fc.double({ min: 50, max: 55, noNaN: true })),
  lon: maybe(fc.double({ min: -3, max: 1, noNaN: true })),
  kind: maybe(fc.constantFrom('RESIDENTIAL', 'PRISON')),
}, { requiredKeys: [] });
const linkProps = fc.record({
  from: maybe(fc.constantFrom('2024-01-02', '2025-06-30')),
  count: maybe(fc.integer({ min: 0, max: 500 })),
  kind: maybe(fc.constantFrom('FAMILY', 'BUSINESS', 'RIVAL')),
}, { requiredKeys: [] });

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** What a new record must hold: its stored props without nulls, and the bookkeeping of a create. */
function expected(row: { id: string; hash: string; props: Record<string, unknown> }, extra: Record<string, unknown> = {}) {
  const props = Object.fromEntries(Object.entries(row.props).filter(([, v]) => v !== null && v !== undefined));
  return { ...props, id: row.id, contentHash: row.hash, createdAt: NOW, updatedAt: NOW, archived: false, ...extra };
}

describe('the write path', () => {
  it('positional rows name every key of the batch once, hold null where a row lacks one, and refuse unsafe names', () => {
    const p = positional([
      { id: 'A', hash: 'h1', props: { b: 1, a: 'x' } },
      { id: 'B', hash: 'h2', props: { c: [1], a: null } },
    ], (r) => [`${r.id}!`]);
    expect(p.keys).toEqual(['a', 'b', 'c']);
    expect(p.rows).toEqual([['A', 'h1', 'A!', 'x', 1, null], ['B', 'h2', 'B!', null, null, [1]]]);
    expect(p.set('n')).toBe('n.`a` = row[3], n.`b` = row[4], n.`c` = row[5], ');
    expect(() => positional([{ id: 'A', hash: 'h', props: { 'a` = 1 DETACH DELETE n //': 1 } }])).toThrow(/Cannot write a property/);
  });

  it('new records in one batch each hold exactly their own properties, whatever the mix', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(subjectProps, { minLength: 1, maxLength: 6 }),
      fc.array(locationProps, { minLength: 1, maxLength: 4 }),
      fc.array(linkProps, { minLength: 1, maxLength: 5 }),
      async (subjects, locations, links) => {
        const r = run++;
        const ents: EntityRecord[] = [
          ...subjects.map((p, i) => validateEntity({ id: `${P}-${r}-S${i}`, type: 'Subject', label: `Subject ${i}`, props: defined(p), markings: { agency: 'AG-WMP' } }, {})),
          ...locations.map((p, i) => validateEntity({ id: `${P}-${r}-L${i}`, type: 'Location', label: `Location ${i}`, props: defined(p), markings: i % 2 ? { agency: 'AG-WMP', handling: 'C', handlingConditions: ['C2', 'C4'] } : { agency: 'AG-WMP' } }, {})),
        ];
        const rels: LinkRecord[] = links.map((p, i) => ({
          source: `${P}-${r}-S${i % subjects.length}`,
          target: i % 2 ? `${P}-${r}-L${i % locations.length}` : `${P}-${r}-S${(i + 1) % subjects.length}`,
          type: i % 2 ? 'LIVES_AT' : 'ASSOCIATE_OF',
          props: defined(i % 2 ? { from: p.from } : p),
          markings: { agency: 'AG-WMP' },
        })).filter((l) => l.source !== l.target).map((l) => validateLink(l, {}));
        // One link per pair and type (a second would be the same link).
        const unique = [...new Map(rels.map((l) => [`${l.source} ${l.type} ${l.target}`, l])).values()];
        await t.db.writeTx(async (tx) => {
          await writeEntities(tx, ents, NOW);
          await writeLinks(tx, unique, NOW, new Map());
        });
        const stored = await t.db.read(cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN n.id AS id, properties(n) AS props, n.point.srid AS srid', { p: `${P}-${r}-` }));
        for (const s of stored) if (s.srid !== null) expect(s.srid).toBe(4326); // WGS-84
        const byId = new Map(stored.map((s) => [s.id as string, s.props as Record<string, unknown>]));
        expect(byId.size).toBe(ents.length);
        for (const e of ents) {
          const row = entityRow(e);
          const point = e.type === 'Location' && typeof e.props.lat === 'number' && typeof e.props.lon === 'number';
          const got = { ...byId.get(e.id)! };
          if (point) {
            expect(got.point).toEqual({ x: e.props.lon, y: e.props.lat });
            delete got.point;
          }
          expect(got).toEqual(expected(row));
        }
        const links2 = await t.db.read(cypher('MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH $p RETURN r.id AS id, properties(r) AS props', { p: `${P}-${r}-` }));
        const linkById = new Map(links2.map((s) => [s.id as string, s.props as Record<string, unknown>]));
        expect(linkById.size).toBe(unique.length);
        for (const l of unique) {
          const row = linkRow(l, new Map());
          expect(linkById.get(row.id)).toEqual(expected(row));
        }
      },
    ), { numRuns: 12, seed: 20_261_207 });
  }, 240_000);

  it('a record written again keeps what it held, and an emptied list is removed', async () => {
    const a = validateEntity({ id: `${P}-U1`, type: 'Subject', label: 'Ann Doherty', props: { aliases: ['Dee'], dob: '1990-02-03' }, markings: { agency: 'AG-WMP' } }, {});
    await t.db.writeTx((tx) => writeEntities(tx, [a], NOW));
    const b = validateEntity({ id: `${P}-U1`, type: 'Subject', label: 'Ann Doherty', props: { aliases: [], notes: 'moved' }, markings: { agency: 'AG-WMP' } }, {});
    const counts = await t.db.writeTx((tx) => writeEntities(tx, [b], '2026-03-02T10:00:00.000Z'));
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [row] = await t.db.read(cypher('MATCH (n:Entity {id: $id}) RETURN properties(n) AS p', { id: `${P}-U1` }));
    const p = row!.p as Record<string, unknown>;
    // An update adds and overwrites (removing keys is clearEntityProps'); an empty list is no property.
    expect([p.dob, p.notes, p.aliases, p.createdAt, p.updatedAt]).toEqual(['1990-02-03', 'moved', undefined, NOW, '2026-03-02T10:00:00.000Z']);
  });
});
