import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { DomainError, invalid } from '../domain/errors.js';
import { hiddenFilter, visibleFilter, type Viewer } from '../domain/policy.js';
import { nameOf, parseCypher, ruleName, walk } from './cypherTree.js';
import { checkText } from './safety.js';

/**
 * The saved-investigation library: `cypher/investigations/*.cypher`, each a read-only query with a
 * header comment block:
 *
 *   // name: People in two or more OCGs
 *   // description: Subjects with visible memberships of at least `minGroups` groups.
 *   // returns: graph                      (graph | table: how the client shows it first)
 *   // param: minGroups int = 2            (name type [= default]; int float string date bool list)
 *   // param: idPrefix string = ''
 *   // columns: groupCount                 (scalar columns the author vouches are safe to show)
 *
 * Library queries run as written (they are reviewed code), with the viewer's policy parameters
 * (`$pv_*`, see policy.policyParams) and two macros that expand to the policy's own predicates:
 * `{{visible x}}` (the viewer sees x in full or as a disseminated copy) and `{{hidden x}}`. Every
 * aggregate must count visible records only, so a count never reveals a record the viewer may
 * not know exists; graph columns are redacted like every other result, and scalar columns not
 * listed under `columns` are withheld.
 *
 * Convention: each library query takes `idPrefix` (string, default '') and keeps only anchors
 * whose id starts with it (`WHERE o.id STARTS WITH $idPrefix`). It costs nothing in use and lets
 * tests assert exact results on their own data in a shared database.
 */
export const PARAM_TYPES = ['int', 'float', 'string', 'date', 'bool', 'list'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];
export type Returns = 'graph' | 'table';

export interface ParamDef {
  name: string;
  type: ParamType;
  /** JSON form of the default (dates as YYYY-MM-DD or "today"); undefined when the parameter is required. */
  default?: unknown;
  description?: string;
}

export interface InvestigationHeader {
  name: string;
  description: string;
  returns: Returns;
  params: ParamDef[];
  columns: string[];
}

export interface LibraryInvestigation extends InvestigationHeader {
  id: string;
  file: string;
  /** The file as written, header included (shown to users). */
  cypher: string;
  /** The query without its header. */
  body: string;
}

export class HeaderError extends Error {}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Parses a default written in a header, by type. */
export function parseDefault(type: ParamType, raw: string): unknown {
  const s = raw.trim();
  switch (type) {
    case 'int':
      if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new HeaderError(`${JSON.stringify(s)} is not an int`);
      return Number(s);
    case 'float':
      if (s === '' || !Number.isFinite(Number(s))) throw new HeaderError(`${JSON.stringify(s)} is not a float`);
      return Number(s);
    case 'string':
      return unquote(s);
    case 'date': {
      const v = unquote(s);
      if (v !== 'today' && !validDate(v)) throw new HeaderError(`${JSON.stringify(s)} is not a date (YYYY-MM-DD or today)`);
      return v;
    }
    case 'bool':
      if (!/^(true|false)$/i.test(s)) throw new HeaderError(`${JSON.stringify(s)} is not true or false`);
      return s.toLowerCase() === 'true';
    case 'list': {
      const inner = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
      return inner.trim() ? inner.split(',').map((x) => unquote(x)) : [];
    }
  }
}

/** `name type [= default] [-- description]` */
export function parseParam(decl: string): ParamDef {
  const [spec, ...help] = decl.split(/\s--\s/);
  const m = /^\s*([^\s=]+)\s+([a-z]+)\s*(?:=\s*(.*?))?\s*$/.exec(spec ?? '');
  if (!m) throw new HeaderError(`param ${JSON.stringify(decl)}: expected "name type [= default]"`);
  const [, name, type, def] = m;
  if (!NAME.test(name!)) throw new HeaderError(`param ${JSON.stringify(name)}: names are letters, digits and _`);
  if (/^pv_/i.test(name!)) throw new HeaderError(`param ${name}: the pv_ prefix is reserved for policy parameters`);
  if (!(PARAM_TYPES as readonly string[]).includes(type!)) throw new HeaderError(`param ${name}: unknown type ${JSON.stringify(type)} (one of ${PARAM_TYPES.join(', ')})`);
  const p: ParamDef = { name: name!, type: type as ParamType };
  if (def !== undefined) {
    try {
      p.default = parseDefault(p.type, def);
    } catch (e) {
      throw new HeaderError(`param ${name}: default ${(e as Error).message}`);
    }
  }
  if (help.length) p.description = help.join(' -- ').trim();
  return p;
}

const HEADER_KEYS = ['name', 'description', 'returns', 'param', 'columns'] as const;

/** Splits a library file into its header and query, validating the header. */
export function parseHeader(text: string): { header: InvestigationHeader; body: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fields: Record<string, string[]> = {};
  let last: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) { if (Object.keys(fields).length) { i++; break; } continue; }
    const c = /^\s*\/\/(.*)$/.exec(line);
    if (!c) break;
    const kv = /^\s*([a-z]+):\s?(.*)$/.exec(c[1]!);
    if (kv && (HEADER_KEYS as readonly string[]).includes(kv[1]!)) {
      last = kv[1]!;
      (fields[last] ??= []).push(kv[2]!.trim());
    } else if (last === 'description') {
      const parts = fields.description!;
      parts[parts.length - 1] = `${parts[parts.length - 1]} ${c[1]!.trim()}`.trim();
    } else if (kv) {
      throw new HeaderError(`unknown header field ${JSON.stringify(kv[1])} (fields: ${HEADER_KEYS.join(', ')})`);
    } else if (c[1]!.trim()) {
      throw new HeaderError(`line ${i + 1}: ${JSON.stringify(line.trim())} is not a header field (only a description may run over several lines)`);
    }
  }
  const body = lines.slice(i).join('\n').trim();
  const one = (k: string, required: boolean): string | undefined => {
    const v = fields[k];
    if (!v?.length) { if (required) throw new HeaderError(`missing "// ${k}:" header line`); return undefined; }
    if (v.length > 1) throw new HeaderError(`"${k}" is given ${v.length} times`);
    return v[0];
  };
  const name = one('name', true)!;
  if (!name || name.length > 120) throw new HeaderError('name must be 1 to 120 characters');
  const returns = one('returns', true)!;
  if (returns !== 'graph' && returns !== 'table') throw new HeaderError(`returns must be graph or table, not ${JSON.stringify(returns)}`);
  const params = (fields.param ?? []).map(parseParam);
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.name)) throw new HeaderError(`param ${p.name} is declared twice`);
    seen.add(p.name);
  }
  const columns = (one('columns', false) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!body) throw new HeaderError('the file has no query after its header');
  return { header: { name, description: one('description', false) ?? '', returns, params, columns }, body };
}

/** Names of the `$parameters` a query uses (policy parameters excluded). QUERY_REFUSED if it does not parse. */
export function usedParams(body: string): Set<string> {
  const parsed = parseCypher(body.replace(MACRO, 'true'));
  const out = new Set<string>();
  walk(parsed.root, (c) => {
    if (ruleName(parsed, c) !== 'parameterName') return true;
    const name = nameOf(parsed, c);
    if (!/^pv_/.test(name)) out.add(name);
    return false;
  });
  return out;
}

const MACRO = /\{\{\s*(visible|hidden)\s+([a-z][A-Za-z0-9]*)\s*\}\}/g;

/** Expands `{{visible x}}` and `{{hidden x}}` with the policy's predicates (their parameters are the pv_* ones). */
export function expandMacros(body: string, viewer: Viewer): string {
  const out = body.replace(MACRO, (_m, kind: string, alias: string) => (kind === 'visible' ? visibleFilter(viewer, alias) : hiddenFilter(viewer, alias)).text);
  if (/\{\{/.test(out)) throw new HeaderError(`unknown macro near ${JSON.stringify(out.slice(out.indexOf('{{'), out.indexOf('{{') + 30))}`);
  return out;
}

const CHECK_VIEWER: Viewer = { userId: 'check', username: 'check', role: 'RESEARCHER', clearance: 'OFFICIAL', agency: 'check', compartments: [] };

/** Parses and validates one library file: header, macros, parameters declared and used, text checks. */
export function parseLibraryFile(file: string, text: string): LibraryInvestigation {
  const id = `lib:${path.basename(file, '.cypher')}`;
  try {
    const { header, body } = parseHeader(text);
    const expanded = expandMacros(body, CHECK_VIEWER);
    checkText(expanded, 'library', { maxQueryLength: 100_000 });
    const used = usedParams(body);
    for (const u of used) if (!header.params.some((p) => p.name === u)) throw new HeaderError(`$${u} is used but not declared with "// param:"`);
    for (const p of header.params) if (!used.has(p.name)) throw new HeaderError(`param ${p.name} is declared but not used`);
    if (!header.params.some((p) => p.name === 'idPrefix')) throw new HeaderError('library queries take idPrefix (string, default \'\') to filter their anchor: see library.ts');
    return { id, file, cypher: text.trim(), body, ...header };
  } catch (e) {
    if (e instanceof HeaderError || e instanceof DomainError) throw new HeaderError(`${path.basename(file)}: ${e.message}`);
    throw e;
  }
}

export const LIBRARY_DIR = fileURLToPath(new URL('../../cypher/investigations/', import.meta.url));

/** Every library file, validated; a bad file stops the load with its name and fault. */
export function loadLibrary(dir = LIBRARY_DIR): LibraryInvestigation[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  const out = files.map((f) => parseLibraryFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
  const names = new Set<string>();
  for (const l of out) {
    if (names.has(l.name)) throw new HeaderError(`${path.basename(l.file)}: the name ${JSON.stringify(l.name)} is used twice`);
    names.add(l.name);
  }
  return out;
}

let cached: LibraryInvestigation[] | undefined;
/** The library, read once per process. */
export function library(): LibraryInvestigation[] {
  return (cached ??= loadLibrary());
}

// ---------------------------------------------------------------------------------------------
// Parameter values

const MAX_STRING = 1000;
const MAX_LIST = 1000;

const todayIso = () => new Date().toISOString().slice(0, 10);

function toDateValue(s: string) {
  const [y, m, d] = s.split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}

/** One value, checked against its declared type, in the form the driver sends (ints as Bolt integers, dates as dates). */
export function coerceParam(p: ParamDef, v: unknown): unknown {
  const field = `params.${p.name}`;
  const bad = (what: string) => invalid(field, `${p.name} must be ${what}`);
  switch (p.type) {
    case 'int': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad('a whole number');
      return neo4j.int(n);
    }
    case 'float': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('a number');
      return n;
    }
    case 'string':
      if (typeof v !== 'string' || v.length > MAX_STRING) throw bad(`text of at most ${MAX_STRING} characters`);
      return v;
    case 'date': {
      const s = v === 'today' ? todayIso() : v;
      if (typeof s !== 'string' || !validDate(s)) throw bad('a date (YYYY-MM-DD)');
      return toDateValue(s);
    }
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      throw bad('true or false');
    case 'list': {
      const list = typeof v === 'string' ? (v.trim() ? v.split(',').map((x) => x.trim()) : []) : v;
      if (!Array.isArray(list) || list.length > MAX_LIST || !list.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) {
        throw bad(`a list of at most ${MAX_LIST} strings or numbers`);
      }
      return list.map((x) => (typeof x === 'number' && Number.isSafeInteger(x) ? neo4j.int(x) : x));
    }
  }
}

/** Values for every declared parameter: given ones checked, the rest from defaults. Unknown names are refused. */
export function bindParams(defs: readonly ParamDef[], given: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(given ?? {})) {
    if (!defs.some((p) => p.name === k)) throw invalid(`params.${k}`, `Unknown parameter ${k}${defs.length ? ` (parameters: ${defs.map((p) => p.name).join(', ')})` : ''}`);
  }
  for (const p of defs) {
    const v = given?.[p.name];
    if (v === undefined || v === null) {
      if (p.default === undefined) throw invalid(`params.${p.name}`, `${p.name} is required`);
      out[p.name] = coerceParam(p, p.default);
    } else {
      out[p.name] = coerceParam(p, v);
    }
  }
  return out;
}

/** Free-form parameters: JSON as given, whole numbers sent as Bolt integers (so LIMIT $n works). */
export function freeFormParams(given: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const conv = (v: unknown, depth: number): unknown => {
    if (depth > 8) throw invalid('params', 'Parameters are nested too deeply');
    if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
    if (Array.isArray(v)) {
      if (v.length > MAX_LIST * 10) throw invalid('params', 'A parameter list is too long');
      return v.map((x) => conv(x, depth + 1));
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, conv(x, depth + 1)]));
    if (typeof v === 'string' && v.length > 100_000) throw invalid('params', 'A parameter is too long');
    return v;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given ?? {})) {
    if (!NAME.test(k)) throw invalid(`params.${k}`, `Parameter names are letters, digits and _ (${JSON.stringify(k)})`);
    if (/^pv_/i.test(k)) throw invalid(`params.${k}`, 'The pv_ prefix is reserved for the policy parameters the server supplies');
    out[k] = conv(v, 0);
  }
  return out;
}
