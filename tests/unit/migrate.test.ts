import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIndexCreation, splitStatements } from '../../server/db/migrate.js';

const dir = path.resolve(import.meta.dirname, '../../cypher/schema');
const statements = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()
  .flatMap((f) => splitStatements(fs.readFileSync(path.join(dir, f), 'utf8')).map((s) => ({ file: f, s })));

describe('schema migrations', () => {
  it('hold only idempotent creations and drops of what no file creates, so running the indexes first and together cannot change the result', () => {
    expect(statements.length).toBeGreaterThan(40);
    const created = new Set(statements.map(({ s }) => /^CREATE\s+(?:\w+\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(s)?.[1]).filter(Boolean));
    for (const { file, s } of statements) {
      const drop = /^DROP\s+(?:INDEX|CONSTRAINT)\s+(\w+)\s+IF\s+EXISTS$/i.exec(s);
      const ok = isIndexCreation(s) || /^CREATE\s+CONSTRAINT\s+\w+\s+IF\s+NOT\s+EXISTS\b/i.test(s) || (!!drop && !created.has(drop[1]!));
      expect(ok, `${file}: ${s.slice(0, 80)}`).toBe(true);
    }
    // Both kinds are there: the split is real.
    expect(statements.filter(({ s }) => isIndexCreation(s)).length).toBeGreaterThan(10);
  });

  it('tells an index creation from everything else', () => {
    expect(isIndexCreation('CREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.p)')).toBe(true);
    expect(isIndexCreation('CREATE FULLTEXT INDEX a IF NOT EXISTS FOR (n:X) ON EACH [n.p]\nOPTIONS {}')).toBe(true);
    expect(isIndexCreation('create range index a if not exists for (n:X) on (n.p)')).toBe(true);
    expect(isIndexCreation('CREATE INDEX a FOR (n:X) ON (n.p)')).toBe(false); // fails when present: not moved
    expect(isIndexCreation('CREATE CONSTRAINT a IF NOT EXISTS FOR (n:X) REQUIRE n.p IS UNIQUE')).toBe(false);
    expect(isIndexCreation('DROP INDEX a IF EXISTS')).toBe(false);
    expect(isIndexCreation('MATCH (n) SET n.indexed = true')).toBe(false);
  });
});
