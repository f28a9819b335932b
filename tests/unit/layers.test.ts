import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The API layer reads the graph only through functions that return what the policy made of the
 * records (server/graph/shown.ts and the other graph modules): it imports nothing from the
 * database layer and holds no Cypher, so no resolver can query past the policy.
 */
const apiDir = path.resolve(import.meta.dirname, '../../server/api');
const files = fs.readdirSync(apiDir).filter((f) => f.endsWith('.ts'));

describe('layers', () => {
  it('finds the API files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const f of files) {
    const text = fs.readFileSync(path.join(apiDir, f), 'utf8');
    it(`server/api/${f} imports nothing from server/db`, () => {
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((i) => /(^|\/)db\//.test(i))).toEqual([]);
    });
    it(`server/api/${f} holds no Cypher`, () => {
      expect(text.match(/\b(MATCH|MERGE|UNWIND|DETACH DELETE)\s*\(/g) ?? []).toEqual([]);
      expect(text.match(/\bcypher\(|\.read\(|\.run\(/g) ?? []).toEqual([]);
    });
  }
});
