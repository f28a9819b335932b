import {
  astFromValue, buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isInterfaceType,
  isLeafType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType, print,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLOutputType,
  type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import type { TestApp } from './app.js';

/**
 * Helpers to run the same GraphQL call as several users and compare what each one sees, and to
 * walk every field of the schema (read from introspection, so fields added later are covered)
 * with arguments generated from their types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GqlResult = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number };

/** Runs one call as each user (name -> token) and returns name -> response. */
export async function asEach<N extends string>(
  t: Pick<TestApp, 'gql'>, users: Record<N, string>, query: string, variables?: Record<string, unknown>,
): Promise<Record<N, GqlResult>> {
  const out = {} as Record<N, GqlResult>;
  for (const [name, token] of Object.entries(users) as [N, string][]) out[name] = await t.gql(query, variables, token);
  return out;
}

/** The strings of `needles` found anywhere in a response (data, errors, extensions). */
export function found(response: unknown, needles: Iterable<string>): string[] {
  const body = JSON.stringify(response).toLowerCase();
  return [...new Set(needles)].filter((n) => n && body.includes(n.toLowerCase()));
}

/** Every string value inside a JSON value (used to look for ids in `data`). */
export function stringsIn(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

/** The schema as a client sees it, read by introspection with the given token. */
export async function introspect(t: Pick<TestApp, 'gql'>, token: string): Promise<GraphQLSchema> {
  const r = await t.gql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: false }), {}, token);
  if (!r.data) throw new Error(`introspection failed: ${JSON.stringify(r.errors)}`);
  return buildClientSchema(r.data);
}

// ---------------------------------------------------------------------------------------------
// Argument generation
// ---------------------------------------------------------------------------------------------

/** What the generator draws values from. The first entry of each list is the default. */
export interface ArgPool {
  /** Entity ids the caller may see (the first two are used as a default pair). */
  visibleIds: string[];
  /** Ids of restricted entities (stubs and hidden). */
  restrictedIds: string[];
  /** Link ids, visible first. */
  linkIds: string[];
  /** Free text: marker strings and the words around them. */
  texts: string[];
  entityTypes: string[];
  linkTypes: string[];
  agencies: string[];
  /** Ids by entity type, tried first for an argument named after the type (areaId, reportIds...). */
  idsByType?: Record<string, string[]>;
  /** User names, for arguments that name an actor. */
  usernames?: string[];
  /** Cypher statements, for arguments that look like a query language. */
  statements?: string[];
  /** Only these ids go into id arguments (mutations: restricted ids only, so nothing visible is changed). */
  idsOnly?: string[];
}

const MAX_CANDIDATES = 16;

function allIds(p: ArgPool): string[] {
  return p.idsOnly ?? [...p.visibleIds.slice(0, 1), ...p.restrictedIds, ...p.visibleIds.slice(1), ...p.linkIds];
}

/** The entity type an id argument names: areaId -> Area, reportIds -> IntelligenceReport. */
function typedIds(name: string, pool: ArgPool): string[] {
  const m = /^([a-z]+?)(Id|Ids|ID|IDs)$/.exec(name);
  if (!m || !pool.idsByType) return [];
  const word = m[1]!.toLowerCase();
  const type = Object.keys(pool.idsByType).find((t) => t.toLowerCase() === word || t.toLowerCase().endsWith(word));
  return type ? pool.idsByType[type]! : [];
}

const looksLikeId = (name: string) => /(^id$|Id$|^ids$|Ids$|^source$|^target$|^from$|^to$|^seed|^start|^end|node|entity|^report|^link$)/i.test(name);

function scalarCandidates(name: string, typeName: string, pool: ArgPool): unknown[] {
  const n = name.toLowerCase();
  const ids = () => {
    if (pool.idsOnly) return pool.idsOnly;
    if (/link/.test(n)) return [...pool.linkIds, ...allIds(pool)];
    return [...new Set([...typedIds(name, pool), ...allIds(pool)])];
  };
  switch (typeName) {
    case 'ID':
      return ids();
    case 'Int':
      if (/depth|hop|step|radius|distance|level/.test(n)) return [2, 1, 3];
      if (/offset|skip|before|seq/.test(n)) return [0, 1];
      if (/limit|first|last|top|^k$|max|size|count|per/.test(n)) return [10, 1, 100];
      return [2, 0, 10];
    case 'Float':
      return /min|threshold|strength|weight/.test(n) ? [0, 0.5] : [0.5, 0];
    case 'Boolean':
      return [true, false];
    case 'String': {
      if (/cypher|statement/.test(n)) return [...(pool.statements ?? []), ...pool.texts];
      if (/grade/.test(n)) return ['2B', '1A', '3E'];
      if (/^(op|operator)$/.test(n)) return ['CONTAINS', 'EQ', 'GTE', 'LTE', 'search', 'entity', 'signIn'];
      if (/actor|user/.test(n)) return [...(pool.usernames ?? []), 'x'];
      if (/prop|sort|field|key|order/.test(n)) return ['label', 'surname', 'text', 'notes', 'reference'];
      if (/classification|clearance/.test(n)) return ['OFFICIAL', 'SECRET', 'TOP SECRET'];
      if (/compartment/.test(n)) return ['CHIS'];
      if (/agency/.test(n)) return pool.agencies;
      if (/handling/.test(n)) return ['P', 'C'];
      if (/scheme/.test(n)) return ['NIM_5x5x5', 'ADMIRALTY', 'EUROPOL_4x4'];
      if (/type/.test(n)) return /link|rel|edge/.test(n) ? pool.linkTypes : [...pool.entityTypes, ...pool.linkTypes];
      if (/date|^at$|since|until|^from$|^to$/.test(n)) return ['2000-01-01', '2099-12-31', ...ids().slice(0, 2)];
      if (/^after$|cursor/.test(n)) return [Buffer.from(JSON.stringify(['', ''])).toString('base64url')];
      if (looksLikeId(name)) return ids();
      if (/text|search|query|^q$|term|keyword|name|label|value|contains|alias|note|desc|reason|purpose|justification/.test(n)) return pool.texts;
      return [...pool.texts.slice(0, 3), ...ids().slice(0, 3), 'x'];
    }
    case 'JSONObject':
    case 'JSON':
      return [{}];
    case 'DateTime':
    case 'DateTimeISO':
      return ['2020-01-01T00:00:00.000Z'];
    case 'Date':
      return ['2020-01-01'];
    default:
      return ['x']; // an unknown scalar: a harmless default
  }
}

/** Candidate values for an argument or input field, most useful first (never null). */
export function candidates(name: string, type: GraphQLInputType, pool: ArgPool, depth = 0): unknown[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = inner.ofType as GraphQLInputType;
    const named = getNamedType(item);
    if (named.name === 'ID' || (named.name === 'String' && looksLikeId(name))) {
      if (pool.idsOnly) return [pool.idsOnly, ...pool.idsOnly.map((i) => [i])];
      const restricted = pool.restrictedIds;
      const typed = typedIds(name, pool);
      return [
        ...(typed.length ? [typed] : []),
        [...pool.visibleIds, ...restricted], restricted, pool.visibleIds, ...restricted.map((i) => [i]),
        [pool.visibleIds[0]], pool.linkIds,
      ];
    }
    if (named.name === 'String' && /type/i.test(name)) {
      const types = /link|rel|edge/i.test(name) ? pool.linkTypes : pool.entityTypes;
      return [types, ...types.map((x) => [x])];
    }
    const items = candidates(name, item, pool, depth);
    return items.length ? [items.slice(0, 1), items.slice(0, 3)] : [[]];
  }
  const named = inner as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues().map((v) => v.value);
  if (isInputObjectType(named)) return inputCandidates(named, pool, depth);
  if (isScalarType(named)) return scalarCandidates(name, named.name, pool);
  return [];
}

function inputCandidates(type: GraphQLNamedType, pool: ArgPool, depth: number): unknown[] {
  if (!isInputObjectType(type) || depth > 3) return [{}];
  const fields = Object.values(type.getFields());
  const base: Record<string, unknown> = {};
  // In an input that describes a link, `type` is a link type.
  const hint = (f: { name: string }) => (f.name === 'type' && /link|edge|rel/i.test(type.name) ? 'linkType' : f.name);
  let idSlot = 0;
  for (const f of fields) {
    // Required fields always; ids too when only restricted ids may be used (so writes target them).
    if (isNonNullType(f.type) || (pool.idsOnly && getNamedType(f.type).name === 'ID')) {
      const c = candidates(hint(f), f.type, pool, depth + 1);
      // Two id fields (source/target) default to two different records.
      const scalarId = getNamedType(f.type).name === 'ID' && !isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
      if (c.length) base[f.name] = scalarId ? c[idSlot++ % c.length] : c[0];
    }
  }
  const out: unknown[] = [base];
  for (const f of fields) {
    for (const c of candidates(hint(f), f.type, pool, depth + 1).slice(0, 4)) out.push({ ...base, [f.name]: c });
  }
  return dedupe(out).slice(0, 12);
}

function dedupe<T>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Argument sets for one field: defaults, then each argument varied over its candidates. */
export function argumentVariants(field: GraphQLField<unknown, unknown>, pool: ArgPool, max = 40): Record<string, unknown>[] {
  const args = field.args;
  const cands = new Map<string, unknown[]>(args.map((a) => [a.name, candidates(a.name, a.type, pool).slice(0, MAX_CANDIDATES)]));
  const base: Record<string, unknown> = {};
  let idSlot = 0;
  for (const a of args) {
    if (!isNonNullType(a.type) || a.defaultValue !== undefined) continue;
    const c = cands.get(a.name)!;
    // Two id arguments (from/to) default to two different records.
    const scalarId = getNamedType(a.type).name === 'ID' && !isListType(isNonNullType(a.type) ? a.type.ofType : a.type);
    base[a.name] = scalarId ? c[idSlot++ % Math.max(1, c.length)] ?? c[0] : c[0];
  }
  const out: Record<string, unknown>[] = [base];
  for (const a of args) for (const c of cands.get(a.name)!) out.push({ ...base, [a.name]: c });
  const rich = { ...base };
  for (const a of args) if (!(a.name in rich) && cands.get(a.name)!.length) rich[a.name] = cands.get(a.name)![0];
  out.push(rich);
  return dedupe(out).slice(0, max);
}

// ---------------------------------------------------------------------------------------------
// Selection sets
// ---------------------------------------------------------------------------------------------

function literalArgs(args: readonly GraphQLArgument[], pool: ArgPool): string | undefined {
  const parts: string[] = [];
  for (const a of args) {
    if (!isNonNullType(a.type) || a.defaultValue !== undefined) continue;
    const c = candidates(a.name, a.type, pool)[0];
    const ast = c === undefined ? null : astFromValue(c, a.type);
    if (!ast) return undefined;
    parts.push(`${a.name}: ${print(ast)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** A selection set for a type: every scalar field and nested objects down to `depth` levels. */
export function selectionFor(type: GraphQLOutputType, pool: ArgPool, depth: number, path: string[] = []): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth <= 0) return '{ __typename }';
  if (isUnionType(named) || isInterfaceType(named)) {
    const schemaTypes = isUnionType(named) ? named.getTypes() : [];
    const own = isInterfaceType(named) ? fieldsSelection(named.getFields(), pool, depth, [...path, named.name]) : '';
    const frags = schemaTypes.map((o) => `... on ${o.name} ${selectionFor(o, pool, depth, path)}`).join(' ');
    return `{ __typename ${own} ${frags} }`;
  }
  if (isObjectType(named)) return `{ __typename ${fieldsSelection(named.getFields(), pool, depth, [...path, named.name])} }`;
  return '';
}

function fieldsSelection(fields: Record<string, GraphQLField<unknown, unknown>>, pool: ArgPool, depth: number, path: string[]): string {
  const parts: string[] = [];
  for (const f of Object.values(fields)) {
    const args = literalArgs(f.args, pool);
    if (args === undefined) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) { parts.push(`${f.name}${args}`); continue; }
    // A type may appear twice on a path (node -> link -> node), not more.
    if (path.filter((p) => p === named.name).length >= 2) continue;
    parts.push(`${f.name}${args} ${selectionFor(f.type, pool, depth - 1, path)}`);
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

function typeString(t: GraphQLInputType): string {
  return t.toString();
}

export interface Operation {
  root: 'query' | 'mutation';
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The document for one root field with the given arguments (as variables) and selection depth. */
export function operationFor(
  root: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, pool: ArgPool, depth: number,
): Operation {
  const used = field.args.filter((a) => a.name in args);
  const decl = used.length ? `(${used.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
  const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const sel = selectionFor(field.type, pool, depth);
  const name = `Walk_${field.name}`;
  return { root, field: field.name, query: `${root} ${name}${decl} { ${field.name}${call} ${sel} }`, variables: args };
}

/** Every operation of the walk for one root type: each field with each argument variant. */
export function walkOperations(
  schema: GraphQLSchema, root: 'query' | 'mutation', pool: ArgPool,
  opts: { depth?: number; maxVariants?: number; skip?: (field: string) => boolean } = {},
): Operation[] {
  const type = root === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!type) return [];
  const out: Operation[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name.startsWith('__') || opts.skip?.(field.name)) continue;
    for (const args of argumentVariants(field, pool, opts.maxVariants)) out.push(operationFor(root, field, args, pool, opts.depth ?? 5));
  }
  return out;
}

/** Error codes that say the request itself was refused for its shape (a too-deep selection...). */
export const SHAPE_LIMIT = /limit of \d+ exceeded|Token limit/i;

/**
 * Runs an operation, retrying with a shallower selection when it hits a shape limit (depth, cost,
 * tokens), so a deep new type still gets called.
 */
export async function runOperation(
  t: Pick<TestApp, 'gql'>, schema: GraphQLSchema, op: Operation, pool: ArgPool, token: string,
): Promise<{ op: Operation; result: GqlResult }> {
  const type = op.root === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = type.getFields()[op.field]!;
  let current = op;
  let result = await t.gql(current.query, current.variables, token);
  for (let depth = 4; depth >= 1 && result.errors?.some((e) => SHAPE_LIMIT.test(e.message)); depth--) {
    current = operationFor(op.root, field, op.variables, pool, depth);
    result = await t.gql(current.query, current.variables, token);
  }
  return { op: current, result };
}

/** Error codes a generated call may legitimately answer with. */
export const EXPECTED_CODES = new Set([
  'VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'LIMIT_EXCEEDED', 'CONFLICT', 'QUERY_REFUSED',
  'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TIMEOUT',
]);
