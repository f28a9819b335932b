import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors.js';
import { stubId, type Viewer } from '../../server/domain/policy.js';
import { guardQuery } from '../../server/investigations/confine.js';
import {
  bindParams, expandMacros, freeFormParams, loadLibrary, parseDefault, parseHeader, parseLibraryFile, parseParam, usedParams,
} from '../../server/investigations/library.js';
import { ResultCollector, shapeResult } from '../../server/investigations/results.js';
import { RunSlots, withRunSlot } from '../../server/investigations/run.js';
import { cellText, paramValues, queryParams, reconcileParams, toCsv } from '../../client/src/investigations/model.js';
import { ALLOWED_FUNCTIONS, checkPlan, checkText, FREE_FORM_PROPERTY_KEYS, procedureOf, type PlanLike } from '../../server/investigations/safety.js';

const viewer: Viewer = { userId: 'u1', username: 'res', role: 'RESEARCHER', clearance: 'SECRET', agency: 'AG1', compartments: [] };
const limits = { maxQueryLength: 20_000 };
const dir = { desk: (a: string | null | undefined) => ({ name: `Agency ${a}`, desk: `desk of ${a}` }) };

function reason(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return (e.details?.reason as string) ?? e.code;
    throw e;
  }
  return undefined;
}

const guard = (q: string) => guardQuery(checkText(q, 'freeForm', limits), viewer).text;
/** The guarded text with the long policy predicates folded to a marker, for readable assertions. */
const folded = (q: string) => guard(q)
  .replace(/\((`[^`]+`|[^\s(]+?):Entity AND [^]*?\.nfd,false\)\)\)\)\)/g, 'V($1)')
  .replace(/\(type\(([^\s)]+?)\) IN \$pv_linkTypes AND [^]*?\.nfd,false\)\)\)\)\)/g, 'L($1)');

describe('the Cypher parser', () => {
  it('reads strings, comments and quoted names as Neo4j does', () => {
    expect(usedParams("MATCH (n:`My Label`) // a comment; with ( and [ $c\nWHERE n.label = 'x;y( $s' /* ; $m */ RETURN $p, $`q r`, 1.5e3, 0x1F")).toEqual(new Set(['p', 'q r']));
  });

  it.each([
    ["RETURN 'open", 'syntax'],
    ['RETURN 1 /* open', 'syntax'],
    ['MATCH (a)\u2014[r]\u2014>(b) RETURN r', 'syntax'],
    ['MATCH (a)\u2013[r]\u2013>(b) RETURN r', 'syntax'],
    ['MATCH (\u00f1) RETURN \u00f1', 'syntax'],
    ['MATCH (n)\u00a0RETURN n', 'syntax'],
    ['MATCH (n RETURN n', 'syntax'],
  ])('refuses %j', (q, expected) => {
    expect(reason(() => checkText(q, 'freeForm', limits))).toBe(expected);
  });

  it('accepts non-ASCII text inside strings, comments and quoted names', () => {
    expect(reason(() => checkText("MATCH (n) WHERE n.label = 'Zo\u00eb \u2014 \ud83d\ude00' RETURN n // caf\u00e9", 'freeForm', limits))).toBeUndefined();
    expect(guard("MATCH (n) WHERE n.label = '\ud83d\ude00' RETURN n")).toMatch(/^MATCH \(n WHERE \(n:Entity AND [^]*\)\) WHERE n.label = '\ud83d\ude00' RETURN n$/);
  });
});

describe('text checks', () => {
  it.each([
    ['', 'empty'],
    ['// only a comment', 'empty'],
    ['MATCH (n) RETURN n; MATCH (m) RETURN m', 'multiple-statements'],
    [':param x => 1', 'client-command'],
    [':use system', 'client-command'],
    ['USE system SHOW USERS', 'use-database'],
    ['USE system MATCH (n) RETURN n', 'use-database'],
    ['CALL { USE system MATCH (n) RETURN n } RETURN 1', 'use-database'],
    ['EXPLAIN MATCH (n) RETURN n', 'explain'],
    ['PROFILE MATCH (n) RETURN n', 'explain'],
    ['CYPHER runtime=slotted MATCH (n) RETURN n', 'query-options'],
    ['SHOW USERS', 'administration'],
    ['SHOW TRANSACTIONS', 'administration'],
    ["CREATE USER hacker SET PASSWORD 'x'", 'administration'],
    ['CREATE INDEX i FOR (n:X) ON (n.y)', 'administration'],
    ['CREATE OR REPLACE DATABASE x', 'administration'],
    ['DROP INDEX entity_label', 'administration'],
    ['GRANT ROLE admin TO hacker', 'administration'],
    ['TERMINATE TRANSACTIONS "x"', 'administration'],
    ['CALL dbms.components() YIELD name RETURN name', 'procedure'],
    ['CALL dbms.security.createUser("a", "b", false)', 'procedure'],
    ['CALL db.createLabel("Hacked")', 'procedure'],
    ['CALL db.index.fulltext.queryNodes("entity_search", "x") YIELD node RETURN node', 'procedure'],
    ['CALL apoc.create.node(["X"], {}) YIELD node RETURN node', 'procedure'],
    ['RETURN apoc.text.join(["a"], ",") AS x', 'function'],
    ['CALL db.labels', 'procedure'],
    ['CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey', 'procedure'],
    ['CALL db.relationshipTypes()', 'procedure'],
    ['MATCH (n) RETURN properties(n)', 'property-access'],
    ['MATCH ()-[r]->() RETURN `properties`(coalesce(r)) AS p', 'property-access'],
    ['MATCH (n) RETURN `PROPERTIES`(n) AS p', 'property-access'],
    ['MATCH (n) RETURN `properties`(head([n])) AS p', 'property-access'],
    ['MATCH (n) RETURN keys(n)', 'property-access'],
    ['MATCH (n) RETURN `keys`(n)', 'property-access'],
    ['MATCH (n) RETURN id(n)', 'internal-id'],
    ['MATCH (n) RETURN `ID`(n)', 'internal-id'],
    ['MATCH (n) RETURN elementId(n)', 'internal-id'],
    ['MATCH (n) RETURN `elementid`(n)', 'internal-id'],
    ['MATCH ()-[r]->() RETURN r.strength', 'property-access'],
    ['MATCH ()-[r]->() RETURN r.reportMarks, r.reportIds', 'property-access'],
    ['MATCH ()-[r {strength: 0.5}]->() RETURN r', 'property-access'],
    ['MATCH (n) WHERE n.updatedAt > "2024" RETURN n', 'property-access'],
    ['MATCH (n) RETURN n.disseminatedTo', 'property-access'],
    ['MATCH (n) RETURN n.contentHash', 'property-access'],
    ['MATCH (n $props) RETURN n', 'property-access'],
    ['MATCH (n) RETURN n {.label, .text}', 'property-access'],
    ['MATCH (n) RETURN n {.label, .*}', 'property-access'],
    ['MATCH (n) RETURN n:$($l)', 'clause'],
    ['MATCH (n) RETURN exists(n.label)', 'function'],
    ['MATCH (n) RETURN db.nameFromElementId("x")', 'function'],
    ['RETURN custom.fn(1)', 'function'],
    ['MATCH (n) USING SCAN n:Subject RETURN n', 'clause'],
    ['MATCH (n) FILTER n.label = "x" RETURN n', 'clause'],
    ['CREATE (n:Hacked)', 'write'],
    ['MATCH (n) SET n.x = 1', 'write'],
    ['MATCH (n) DETACH DELETE n', 'write'],
    ['MERGE (n:Hacked)', 'write'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.x = 1)', 'write'],
    ["LOAD CSV FROM 'file:///x' AS r RETURN r", 'load-csv'],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1', 'transactions'],
    ['MATCH (n) RETURN n.text', 'property-access'],
    ['MATCH (n) RETURN n.`text`', 'property-access'],
    ['MATCH (n) WHERE n.search CONTAINS "x" RETURN n', 'property-access'],
    ['MATCH (n) RETURN n.nfdJustification', 'property-access'],
    ['MATCH (u:User) RETURN u.passwordHash', 'property-access'],
    ['MATCH (n) RETURN n {.*}', 'property-access'],
    ['MATCH (n) RETURN n["text"]', 'property-access'],
    ['MATCH (n) WITH n, "te" + "xt" AS k RETURN n[k]', undefined], // guarded: the index becomes toIntegerOrNull(k)
    ['MATCH (n) RETURN n.label, n.id, n.classification', undefined],
    ['MATCH (n) RETURN collect(n)[0], collect(n)[1..3]', undefined],
    ['RETURN date.truncate("month", date()) AS d', undefined],
    ['RETURN date.truncate("month", date()).year AS y, datetime().epochSeconds AS s', undefined],
    ['MATCH (n) RETURN n {.label, .id, name: n.label}, COUNT { (n)--() } AS c', undefined],
    ['RETURN 1 AS x UNION RETURN 2 AS x', undefined],
    ['MATCH (n) RETURN n;', undefined],
    ['MATCH (n) WHERE n.label = "a;b" RETURN n // trailing; comment', undefined],
  ])('%j -> %s', (q, expected) => {
    expect(reason(() => checkText(q, 'freeForm', limits))).toBe(expected);
  });

  it('lets library queries use full-text search and every property, but not writes of other kinds', () => {
    expect(reason(() => checkText('CALL db.index.fulltext.queryNodes("entity_search", $q) YIELD node RETURN node.text', 'library', limits))).toBeUndefined();
    expect(reason(() => checkText('CALL dbms.components()', 'library', limits))).toBe('procedure');
  });

  it('refuses over-long queries', () => {
    expect(reason(() => checkText(`RETURN '${'x'.repeat(30_000)}'`, 'freeForm', limits))).toBe('too-long');
  });

  it('offers only non-sensitive, non-internal property keys', () => {
    for (const k of ['text', 'notes', 'pncId', 'sourceId', 'search', 'phonetic', 'contentHash', 'reportIds', 'nfdJustification', 'disseminatedTo', 'passwordHash']) {
      expect(FREE_FORM_PROPERTY_KEYS).not.toContain(k);
    }
    for (const k of ['strength', 'reportMarks', 'createdAt', 'updatedAt', 'nfdApprover']) expect(FREE_FORM_PROPERTY_KEYS).not.toContain(k);
    for (const k of ['id', 'label', 'surname', 'vrm', 'number', 'sourceEvaluation', 'classification']) expect(FREE_FORM_PROPERTY_KEYS).toContain(k);
  });

  it('lists only built-in functions that read no record past the allow-lists', () => {
    for (const f of ['properties', 'keys', 'id', 'elementid', 'exists']) expect(ALLOWED_FUNCTIONS).not.toContain(f);
    for (const f of ['count', 'coalesce', 'date.truncate', 'tolower', 'size']) expect(ALLOWED_FUNCTIONS).toContain(f);
    // Every listed function is accepted whatever its case or quoting.
    for (const f of ALLOWED_FUNCTIONS) {
      const quoted = f.split('.').map((x) => `\`${x.toUpperCase()}\``).join('.');
      expect(reason(() => checkText(`RETURN ${f}() AS a, ${quoted}() AS b`, 'freeForm', limits)), f).toBeUndefined();
    }
  });
});

describe('the visibility guard', () => {
  it.each([
    ['MATCH (n:Subject) RETURN n', 'MATCH (n:Subject WHERE V(n)) RETURN n'],
    ['MATCH (n) RETURN n', 'MATCH (n WHERE V(n)) RETURN n'],
    ['MATCH (:OCG)<-[m:MEMBER_OF]-(s) RETURN s', 'MATCH (__pv0:OCG WHERE V(__pv0))<-[m:MEMBER_OF WHERE L(m)]-(s WHERE V(s)) RETURN s'],
    ['MATCH (a)-->(b) RETURN count(*)', 'MATCH (a WHERE V(a))-[__pv0 WHERE L(__pv0)]->(b WHERE V(b)) RETURN count(*)'],
    ['MATCH (a)<--(b)--(c) RETURN a', 'MATCH (a WHERE V(a))<-[__pv0 WHERE L(__pv0)]-(b WHERE V(b))-[__pv1 WHERE L(__pv1)]-(c WHERE V(c)) RETURN a'],
    ['MATCH (a)-[]->() RETURN a', 'MATCH (a WHERE V(a))-[__pv0 WHERE L(__pv0)]->(__pv1 WHERE V(__pv1)) RETURN a'],
    ['MATCH (n:Subject WHERE n.surname = "X") RETURN n', 'MATCH (n:Subject WHERE V(n) AND (n.surname = "X")) RETURN n'],
    ['MATCH (WHERE 1 / 0 > 0) RETURN 1', 'MATCH (__pv0 WHERE V(__pv0) AND (CASE WHEN V(__pv0) THEN (1 / 0 > 0) END)) RETURN 1'],
    ['MATCH (WHERE 1 > 0) RETURN 1', 'MATCH (__pv0 WHERE V(__pv0) AND (1 > 0)) RETURN 1'],
    // Conditions that could fail run for visible records only; plain comparisons stay as written (indexes).
    ['MATCH (a)-->(b) WHERE a.id STARTS WITH $p AND date(b.label) > date() RETURN b',
      'MATCH (a WHERE V(a))-[__pv0 WHERE L(__pv0)]->(b WHERE V(b)) WHERE a.id STARTS WITH $p AND CASE WHEN V(a) AND L(__pv0) AND V(b) THEN (date(b.label) > date()) END RETURN b'],
    ['MATCH (n) WHERE n:Subject OR n.label IN ["a", $b] OR n.id IS NULL RETURN n', 'MATCH (n WHERE V(n)) WHERE n:Subject OR n.label IN ["a", $b] OR n.id IS NULL RETURN n'],
    ['MATCH (n) WHERE n.label =~ "(" RETURN n', 'MATCH (n WHERE V(n)) WHERE CASE WHEN V(n) THEN (n.label =~ "(") END RETURN n'],
    ['MATCH (n) WHERE (n)-->() RETURN n',
      'MATCH (n WHERE V(n)) WHERE CASE WHEN V(n) THEN (EXISTS { (n WHERE V(n))-[__pv0 WHERE L(__pv0)]->(__pv1 WHERE V(__pv1)) }) END RETURN n'],
    ['MATCH (n) WITH n, $k AS k RETURN n[k], [1, 2][0]', 'MATCH (n WHERE V(n)) WITH n, $k AS k RETURN n[toIntegerOrNull(k)], [1, 2][0]'],
    ['MATCH ANY SHORTEST (a)((x)-[r]->(y)){1,3}(b) RETURN b', 'MATCH ANY SHORTEST (a WHERE V(a))((x WHERE V(x))-[r WHERE L(r)]->(y WHERE V(y))){1,3}(b WHERE V(b)) RETURN b'],
    ['MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN m.label } AS l', 'MATCH (n WHERE V(n)) RETURN COLLECT { MATCH (n WHERE V(n))-[__pv0 WHERE L(__pv0)]->(m WHERE V(m)) RETURN m.label } AS l'],
    ['MATCH (`my node`) RETURN `my node`', 'MATCH (`my node` WHERE V(`my node`)) RETURN `my node`'],
    ['MATCH (n) RETURN count(n), labels(n), size([(n)-[r]->(m) | m])', 'MATCH (n WHERE V(n)) RETURN count(n), labels(n), size([(n WHERE V(n))-[r WHERE L(r)]->(m WHERE V(m)) | m])'],
    ['MATCH (n) WHERE EXISTS { (n)-[:CALLS]->() } RETURN n', 'MATCH (n WHERE V(n)) WHERE CASE WHEN V(n) THEN (EXISTS { (n WHERE V(n))-[__pv0:CALLS WHERE L(__pv0)]->(__pv1 WHERE V(__pv1)) }) END RETURN n'],
    ['MATCH (n) CALL (n) { MATCH (n)-[r]-(m) RETURN m } RETURN m', 'MATCH (n WHERE V(n)) CALL (n) { MATCH (n WHERE V(n))-[r WHERE L(r)]-(m WHERE V(m)) RETURN m } RETURN m'],
    ['MATCH p = ((a)-[r]->(b)){1,3} RETURN p', 'MATCH p = ((a WHERE V(a))-[r WHERE L(r)]->(b WHERE V(b))){1,3} RETURN p'],
    ['MATCH (a {label: "x"}) RETURN a', 'MATCH (a {label: "x"} WHERE V(a)) RETURN a'],
    ['MATCH (a) RETURN a ORDER BY a.label', 'MATCH (a WHERE V(a)) RETURN a ORDER BY a.label'],
  ])('%s', (q, expected) => {
    expect(folded(q)).toBe(expected);
  });

  it('adds the policy predicate itself, with the viewer parameters', () => {
    const g = guard('MATCH (n) RETURN n');
    expect(g).toContain("n:Entity AND (coalesce(n.classification,'OFFICIAL') IN $pv_classes");
    expect(g).toContain('n.agency = $pv_agency');
  });

  it('never reuses a name the query already has', () => {
    expect(folded('MATCH (__pv0)-->() RETURN __pv0')).toContain('__pv_0');
  });

  it.each([
    'MATCH (a)-[*1..3]->(b) RETURN b',
    'MATCH (a)-[r:KNOWS*]->(b) RETURN b',
    'MATCH (a)-[r]->+(b) RETURN b',
    'MATCH (a)-[r]->{1,3}(b) RETURN b',
    'MATCH (a)-->*(b) RETURN b',
  ])('refuses %s (hidden intermediate nodes)', (q) => {
    expect(reason(() => guard(q))).toBe('unguardable');
  });

  it('refuses property maps in patterns that name sensitive keys', () => {
    expect(reason(() => guard('MATCH (r:IntelligenceReport {sourceId: "S1"}) RETURN r'))).toBe('property-access');
    expect(reason(() => guard('MATCH (n:Subject {notes: "x"})-[:MEMBER_OF {role: "PRINCIPAL"}]->(o) RETURN n'))).toBe('property-access');
    expect(reason(() => guard('MATCH (n:Subject)-[:MEMBER_OF {role: "PRINCIPAL", search: "x"}]->(o) RETURN n'))).toBe('property-access');
  });
});

describe('plan checks', () => {
  const plan = (...ops: string[]): PlanLike => ops.reduceRight<PlanLike | undefined>((child, op) => ({ operatorType: `${op}@neo4j`, arguments: {}, children: child ? [child] : [] }), undefined)!;
  it.each([
    [['ProduceResults', 'Create'], 'rw', 'write'],
    [['ProduceResults', 'SetProperty', 'AllNodesScan'], 'rw', 'write'],
    [['EmptyResult', 'Foreach', 'AllNodesScan'], 'w', 'write'],
    [['ProduceResults', 'TransactionForeach', 'AllNodesScan'], 'rw', 'transactions'],
    [['ProduceResults', 'TransactionApply', 'AllNodesScan'], 'rw', 'transactions'],
    [['ProduceResults', 'LoadCSV'], 'r', 'load-csv'],
    [['CreateIndex'], 's', 'write'],
    [['AdministrationCommand'], 's', 'write'],
    [['ProduceResults', 'Limit', 'NodeByLabelScan'], 'rw', 'write'],
    [['ProduceResults', 'Filter', 'NodeIndexSeek'], 'r', undefined],
    [['ProduceResults', 'EagerAggregation', 'Expand(All)', 'NodeUniqueIndexSeek'], 'r', undefined],
  ])('%j (%s) -> %s', (ops, type, expected) => {
    expect(reason(() => checkPlan(type, plan(...ops), 'freeForm'))).toBe(expected);
  });

  it('allows only listed procedures', () => {
    const call = (details: string): PlanLike => ({ operatorType: 'ProduceResults@neo4j', children: [{ operatorType: 'ProcedureCall@neo4j', arguments: { Details: details } }] });
    expect(procedureOf(call('db.labels() :: (label :: STRING)').children![0]!)).toBe('db.labels');
    expect(reason(() => checkPlan('r', call('db.labels() :: (label :: STRING)'), 'freeForm'))).toBe('procedure');
    expect(reason(() => checkPlan('r', call('db.labels() :: (label :: STRING)'), 'library'))).toBeUndefined();
    expect(reason(() => checkPlan('r', call('dbms.components() :: (name :: STRING)'), 'freeForm'))).toBe('procedure');
    expect(reason(() => checkPlan('r', call('db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)'), 'freeForm'))).toBe('procedure');
    expect(reason(() => checkPlan('r', call('db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)'), 'library'))).toBeUndefined();
    expect(reason(() => checkPlan('r', call('garbled'), 'library'))).toBe('procedure');
  });
});

describe('library headers and parameters', () => {
  const file = (header: string, body = 'MATCH (n:Subject) WHERE n.id STARTS WITH $idPrefix RETURN n') => `${header}\n${body}\n`;

  it('parses a header', () => {
    const { header, body } = parseHeader(file([
      '// name: Test',
      '// description: First line',
      '//   and a second.',
      '// returns: table',
      '// param: minGroups int = 2 -- at least',
      "// param: idPrefix string = ''",
      '// param: since date = today',
      '// param: strict bool = true',
      '// param: ratio float = 0.25',
      '// param: kinds list = [Phone, "Vehicle"]',
      '// param: required string',
      '// columns: a, b',
    ].join('\n')));
    expect(header).toEqual({
      name: 'Test', description: 'First line and a second.', returns: 'table', columns: ['a', 'b'],
      params: [
        { name: 'minGroups', type: 'int', default: 2, description: 'at least' },
        { name: 'idPrefix', type: 'string', default: '' },
        { name: 'since', type: 'date', default: 'today' },
        { name: 'strict', type: 'bool', default: true },
        { name: 'ratio', type: 'float', default: 0.25 },
        { name: 'kinds', type: 'list', default: ['Phone', 'Vehicle'] },
        { name: 'required', type: 'string' },
      ],
    });
    expect(body.startsWith('MATCH')).toBe(true);
  });

  it.each([
    ['// returns: graph', 'missing "// name:"'],
    ['// name: X', 'missing "// returns:"'],
    ['// name: X\n// returns: chart', 'returns must be graph or table'],
    ['// name: X\n// returns: graph\n// colour: red', 'unknown header field'],
    ['// name: X\n// returns: graph\n// param: a int\n// param: a int', 'declared twice'],
    ['// name: X\n// returns: graph\n// param: a integer', 'unknown type'],
    ['// name: X\n// returns: graph\n// param: a int = two', 'is not an int'],
    ['// name: X\n// returns: graph\n// param: d date = 2024-02-30', 'is not a date'],
    ['// name: X\n// returns: graph\n// param: pv_agency string', 'reserved'],
    ['// name: X\n// name: Y\n// returns: graph', 'given 2 times'],
  ])('refuses %j', (header, msg) => {
    expect(() => parseHeader(file(header))).toThrow(msg);
  });

  it('checks a library file as a whole', () => {
    const ok = file("// name: X\n// returns: graph\n// param: idPrefix string = ''");
    expect(parseLibraryFile('x.cypher', ok).id).toBe('lib:x');
    expect(() => parseLibraryFile('x.cypher', file('// name: X\n// returns: graph'))).toThrow('$idPrefix is used but not declared');
    expect(() => parseLibraryFile('x.cypher', file("// name: X\n// returns: graph\n// param: idPrefix string = ''\n// param: unused int = 1"))).toThrow('declared but not used');
    expect(() => parseLibraryFile('x.cypher', file("// name: X\n// returns: graph\n// param: idPrefix string = ''", 'MATCH (n) WHERE n.id STARTS WITH $idPrefix CREATE (m) RETURN n; MATCH (x) RETURN x'))).toThrow('x.cypher');
    expect(() => parseLibraryFile('x.cypher', file("// name: X\n// returns: graph\n// param: idPrefix string = ''", 'MATCH (n) WHERE n.id STARTS WITH $idPrefix AND {{secret n}} RETURN n'))).toThrow('unknown macro');
  });

  it('expands policy macros with the policy predicates', () => {
    const out = expandMacros('MATCH (n) WHERE {{visible n}} AND NOT {{hidden m}} RETURN n', viewer);
    expect(out).toContain("coalesce(n.classification,'OFFICIAL') IN $pv_classes");
    expect(out).toContain('$pv_protected');
    expect(out).not.toContain('{{');
  });

  it('binds typed parameter values', () => {
    const defs = ['n int = 2', 'f float = 0.5', 's string', 'd date = today', 'b bool = false', 'l list = [a]'].map(parseParam);
    const v = bindParams(defs, { s: 'x', n: '7', d: '2024-02-29', l: ['p', 3] });
    expect(neo4j.isInt(v.n)).toBe(true);
    expect((v.n as { toNumber(): number }).toNumber()).toBe(7);
    expect(v.f).toBe(0.5);
    expect(String(v.d)).toBe('2024-02-29');
    expect(v.b).toBe(false);
    expect((v.l as unknown[])[0]).toBe('p');
    expect(neo4j.isInt((v.l as unknown[])[1])).toBe(true);
    expect(String(bindParams(defs, { s: 'x' }).d)).toBe(new Date().toISOString().slice(0, 10));
    expect(() => bindParams(defs, {})).toThrow('s is required');
    expect(() => bindParams(defs, { s: 'x', n: 1.5 })).toThrow('whole number');
    expect(() => bindParams(defs, { s: 'x', d: '2024-13-01' })).toThrow('date');
    expect(() => bindParams(defs, { s: 'x', zz: 1 })).toThrow('Unknown parameter zz');
    expect(parseDefault('list', '')).toEqual([]);
  });

  it('keeps free-form parameters away from the policy names', () => {
    expect(neo4j.isInt(freeFormParams({ n: 3 }).n)).toBe(true);
    expect(freeFormParams({ x: 0.5 }).x).toBe(0.5);
    expect(() => freeFormParams({ pv_agency: 'other' })).toThrow('reserved');
    expect(() => freeFormParams({ 'a-b': 1 })).toThrow('letters');
  });

  it('ships at least twelve library investigations, each valid, anchored on idPrefix and read-only by text', () => {
    const lib = loadLibrary();
    expect(lib.length).toBeGreaterThanOrEqual(12);
    for (const l of lib) {
      expect(l.params.find((p) => p.name === 'idPrefix')).toMatchObject({ type: 'string', default: '' });
      expect(usedParams(l.body).has('idPrefix')).toBe(true);
      expect(l.description.length).toBeGreaterThan(20);
    }
    expect(new Set(lib.map((l) => l.id)).size).toBe(lib.length);
  });
});

describe('results through the policy', () => {
  let seq = 0;
  const node = (props: Record<string, unknown>, labels = ['Entity', props.type as string]) => new neo4j.types.Node(neo4j.int(seq++), labels, props, `n${props.id}`);
  const rel = (type: string, a: { elementId: string }, b: { elementId: string }, props: Record<string, unknown>) =>
    new neo4j.types.Relationship(neo4j.int(seq++), neo4j.int(0), neo4j.int(0), type, props, `r${props.id}`, a.elementId, b.elementId);

  const own = node({ id: 'S1', type: 'Subject', label: 'Ann', agency: 'AG1', pncId: 'PNC-1' });
  const other = node({ id: 'S2', type: 'Subject', label: 'Secret Name', agency: 'AG2' });
  const chis = node({ id: 'R9', type: 'IntelligenceReport', label: 'CHIS report', agency: 'AG1', compartments: ['CHIS'], text: 'MARKER' });
  const user = node({ id: 'U1', username: 'x', passwordHash: 'h' }, ['User']);
  const link = rel('ASSOCIATE_OF', own, other, { id: 'ASSOCIATE_OF-x', agency: 'AG1', reportIds: [] });

  it('keeps visible rows, turns restricted records into stubs and drops rows with hidden ones', () => {
    const c = new ResultCollector();
    c.add([own, 1]);
    c.add([other, 2]);
    c.add([chis, 3]);
    c.add([user, 4]);
    c.add([[own, { deep: chis }], 5]);
    const seen = new Set<string>();
    const r = shapeResult(viewer, dir, c, ['n', 'x'], { scalars: 'all', maxGraphNodes: 100, truncated: false, seen });
    expect(r.rows).toEqual([
      { n: { node: 'S1', type: 'Subject', label: 'Ann' }, x: 1 },
      { n: { node: stubId(viewer, 'S2'), type: 'Restricted', label: 'Intelligence held by Agency AG2' }, x: 2 },
    ]);
    expect(r.graph.nodes.map((n) => n.id)).toEqual(['S1', stubId(viewer, 'S2')]);
    expect(JSON.stringify(r)).not.toContain('MARKER');
    expect(JSON.stringify(r)).not.toContain('Secret Name');
    expect([...seen]).toEqual(['S1']);
  });

  it('draws relationships between their endpoints, fetched or returned', () => {
    const c = new ResultCollector();
    c.add([link]);
    expect(c.missingEndpoints().sort()).toEqual(['nS1', 'nS2']);
    c.addEndpoints([{ eid: 'nS1', labels: ['Entity', 'Subject'], props: own.properties }, { eid: 'nS2', labels: ['Entity', 'Subject'], props: other.properties }]);
    const r = shapeResult(viewer, dir, c, ['r'], { scalars: 'all', maxGraphNodes: 100, truncated: false });
    expect(r.rows).toEqual([{ r: { edge: 'ASSOCIATE_OF-x', type: 'ASSOCIATE_OF', source: 'S1', target: stubId(viewer, 'S2') } }]);
    expect(r.graph.edges).toHaveLength(1);
    expect(r.graph.edges[0]).toMatchObject({ source: 'S1', target: stubId(viewer, 'S2') });
  });

  it('withholds library scalar columns that are not declared safe', () => {
    const c = new ResultCollector();
    c.add([own, 'PNC-1', 3]);
    const r = shapeResult(viewer, dir, c, ['n', 'pnc', 'count'], { scalars: new Set(['count']), maxGraphNodes: 100, truncated: false });
    expect(r.rows).toEqual([{ n: { node: 'S1', type: 'Subject', label: 'Ann' }, pnc: null, count: 3 }]);
    expect(r.withheldColumns).toEqual(['pnc']);
  });

  it('caps the graph and says so', () => {
    const c = new ResultCollector();
    for (let i = 0; i < 5; i++) c.add([node({ id: `V${i}`, type: 'Vehicle', label: `V${i}`, agency: 'AG1' })]);
    const r = shapeResult(viewer, dir, c, ['v'], { scalars: 'all', maxGraphNodes: 3, truncated: false });
    expect(r.rows).toHaveLength(5);
    expect(r.graph).toMatchObject({ truncated: true, omitted: 2 });
    expect(r.graph.nodes).toHaveLength(3);
  });
});

describe('the investigations panel helpers', () => {
  it('turns form values into typed parameters and reports the faults', () => {
    const defs = [
      { name: 'n', type: 'int' as const, default: 2 }, { name: 'f', type: 'float' as const }, { name: 'b', type: 'bool' as const, default: false },
      { name: 'l', type: 'list' as const, default: [] }, { name: 'd', type: 'date' as const, default: 'today' }, { name: 's', type: 'string' as const },
    ];
    expect(paramValues(defs, { n: '3', f: '0.5', b: 'true', l: 'Phone, Vehicle', d: '2024-03-31', s: 'x' })).toEqual({
      params: { n: 3, f: 0.5, b: true, l: ['Phone', 'Vehicle'], d: '2024-03-31', s: 'x' }, errors: {},
    });
    expect(paramValues(defs, { n: 'two', f: '', d: '31/03/2024', s: '' }).errors).toEqual({ n: 'A whole number', f: 'Required', d: 'A date (YYYY-MM-DD)', s: 'Required' });
  });

  it('finds the parameters a query uses, outside strings and comments', () => {
    const q = "MATCH (n) WHERE n.id = $id AND n.label <> '$notOne' // $nor\nRETURN n LIMIT $limit /* $neither */";
    expect(queryParams(q)).toEqual(['id', 'limit']);
    expect(reconcileParams([{ name: 'limit', type: 'int' }, { name: 'gone', type: 'int' }], q)).toEqual([{ name: 'id', type: 'string' }, { name: 'limit', type: 'int' }]);
  });

  it('exports CSV that spreadsheets cannot run', () => {
    const csv = toCsv(['who', 'n', 'note'], [
      { who: { node: 'S1', type: 'Subject', label: 'Smith, John' }, n: 3, note: '=HYPERLINK("x")' },
      { who: [{ node: 'S2', type: 'Subject', label: 'A' }, { node: 'S3', type: 'Subject', label: 'B' }], n: null, note: 'say "hi"' },
    ]);
    expect(csv).toBe('who,n,note\r\n"Smith, John",3,"\'=HYPERLINK(""x"")"\r\nA; B,,"say ""hi"""\r\n');
    expect(cellText({ edge: 'E1', type: 'CALLS', source: 'a', target: 'b' })).toBe('CALLS');
    expect(cellText({ path: { nodes: ['a', 'b'], edges: ['e'] } })).toBe('path of 1 links');
  });
});

describe('runs in progress per user', () => {
  it('refuses a run past the limit, counts per user and gives slots back, also after a failure', async () => {
    const other: Viewer = { ...viewer, userId: 'u2', username: 'other' };
    const gates: (() => void)[] = [];
    const hold = () => new Promise<void>((resolve) => gates.push(resolve));
    const slots = new RunSlots();
    const a = withRunSlot(slots, viewer, 2, hold);
    const b = withRunSlot(slots, viewer, 2, hold);
    await expect(withRunSlot(slots, viewer, 2, async () => 1)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', details: { reason: 'concurrency' } });
    await expect(withRunSlot(slots, other, 2, async () => 'theirs')).resolves.toBe('theirs');
    await expect(withRunSlot(new RunSlots(), viewer, 2, async () => 'another instance')).resolves.toBe('another instance');
    gates.forEach((g) => g());
    await Promise.all([a, b]);
    expect(slots.running.size).toBe(0);
    await expect(withRunSlot(slots, viewer, 1, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(withRunSlot(slots, viewer, 1, async () => 'again')).resolves.toBe('again');
  });
});
