import type { ResultSummary } from 'neo4j-driver';
import { boltParams, type Db } from '../db/db.js';
import { DomainError } from '../domain/errors.js';
import { ENTITY_TYPES, LINK_TYPES, MARKING_KEYS, type EntityTypeDef, type LinkTypeDef } from '../domain/model.js';
import { isPunct, kw, LexError, matchBrackets, tokenize, type Token } from './lexer.js';

/**
 * Safety checks for saved and free-form Cypher, in three layers:
 *  1. text: what EXPLAIN cannot judge or would judge too late: one statement only, no client
 *     commands, no `USE` of another database, no administration commands, no query options,
 *     only allow-listed namespaced functions and procedures; for free-form queries also only the
 *     property keys of the model that are not sensitive (see `FREE_FORM_PROPERTY_KEYS`);
 *  2. plan: `EXPLAIN` through the driver; the summary's query type must be read-only ('r') and no
 *     operator of the plan may write, touch the schema, load CSV, run its own transactions or call
 *     a procedure outside the allow-list;
 *  3. execution (see run.ts): a READ transaction, a timeout and a row cap.
 * Every refusal is a QUERY_REFUSED error whose `reason` says which rule was hit.
 */
export type QueryMode = 'library' | 'freeForm';

export const refuse = (reason: string, message: string) => new DomainError('QUERY_REFUSED', message, 'cypher', { reason });

/** Procedures any investigation may call: schema names only, plus full-text search for library queries. */
export const FREE_FORM_PROCEDURES = ['db.labels', 'db.relationshipTypes', 'db.propertyKeys'] as const;
export const LIBRARY_PROCEDURES = [...FREE_FORM_PROCEDURES, 'db.index.fulltext.queryNodes'] as const;
/** Built-in namespaced functions (temporal, spatial, vector); user-defined functions are refused. */
const FUNCTION_NAMESPACES = ['date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'point', 'vector.similarity'];
/** Functions that read every property of a record at once, past the property allow-list. */
const FREE_FORM_DENIED_FUNCTIONS = new Set(['properties', 'keys']);

const ADMIN_FIRST = new Set(['SHOW', 'DROP', 'ALTER', 'GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'RENAME', 'TERMINATE', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN']);
const ADMIN_AFTER_CREATE = new Set([
  'OR', 'USER', 'ROLE', 'DATABASE', 'COMPOSITE', 'ALIAS', 'INDEX', 'CONSTRAINT', 'RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT',
  'VECTOR', 'BTREE', 'SERVER',
]);

/** Property keys a free-form query may read or filter on (also offered to the editor for completion). */
export const FREE_FORM_PROPERTY_KEYS: readonly string[] = (() => {
  const sensitive = new Set<string>();
  const all = new Set<string>();
  const defs = [...Object.values(ENTITY_TYPES as Record<string, EntityTypeDef>), ...Object.values(LINK_TYPES as Record<string, LinkTypeDef>)];
  for (const d of defs) for (const [k, p] of Object.entries(d.props)) (p.sensitive ? sensitive : all).add(k);
  // A key sensitive on any type is refused everywhere: the check cannot tell which type a variable holds.
  for (const k of sensitive) all.delete(k);
  for (const k of ['id', 'type', 'label', 'createdAt', 'updatedAt', 'archived', 'strength']) all.add(k);
  // Markings shown with every visible record; never the NFD justification or who else it was shared with.
  for (const k of MARKING_KEYS) if (!['nfdJustification', 'nfdApprover', 'disseminatedTo'].includes(k)) all.add(k);
  return [...all].sort();
})();
const FREE_FORM_KEYS = new Set(FREE_FORM_PROPERTY_KEYS);

/** Reserved words that can precede `(` or `[` without being a function name or a list value. */
export const KEYWORDS = new Set([
  'ALL', 'AND', 'ANY', 'AS', 'ASC', 'ASCENDING', 'BY', 'CALL', 'CASE', 'CONTAINS', 'CREATE', 'DELETE', 'DESC', 'DESCENDING', 'DETACH',
  'DISTINCT', 'ELSE', 'END', 'ENDS', 'EXISTS', 'FALSE', 'FINISH', 'FOREACH', 'IN', 'IS', 'LIMIT', 'MATCH', 'MERGE', 'NONE', 'NOT', 'NULL',
  'OFFSET', 'ON', 'OPTIONAL', 'OR', 'ORDER', 'REMOVE', 'RETURN', 'SET', 'SHORTEST', 'SINGLE', 'SKIP', 'STARTS', 'THEN', 'TRUE', 'UNION',
  'UNWIND', 'USE', 'WHEN', 'WHERE', 'WITH', 'XOR', 'YIELD', 'GROUPS', 'GROUP', 'PATH', 'PATHS', 'REPEATABLE', 'DIFFERENT', 'ELEMENTS',
  'RELATIONSHIPS', 'FILTER', 'LET', 'NEXT', 'INSERT',
]);

export interface TextCheck {
  /** The query as it will be explained and run (a trailing `;` removed). */
  text: string;
  tokens: Token[];
}

export interface TextLimits {
  maxQueryLength: number;
}

/** Names called as `a.b.c(...)` or `CALL a.b.c`, with the index of their first token. */
function namespacedCalls(tokens: Token[]): { name: string; at: number; end: number; procedure: boolean }[] {
  const calls: { name: string; at: number; end: number; procedure: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'ident' || isPunct(tokens[i - 1], '.')) continue;
    let j = i;
    const parts = [t.value];
    while (isPunct(tokens[j + 1], '.') && tokens[j + 2]?.kind === 'ident') { parts.push(tokens[j + 2]!.value); j += 2; }
    const afterCall = kw(tokens[i - 1]) === 'CALL';
    if (parts.length > 1 && (isPunct(tokens[j + 1], '(') || afterCall)) calls.push({ name: parts.join('.'), at: i, end: j, procedure: afterCall });
  }
  return calls;
}

/** Layer 1: checks on the text alone. Throws QUERY_REFUSED; returns the tokens for the guard. */
export function checkText(raw: string, mode: QueryMode, limits: TextLimits, opts: { reads?: boolean } = {}): TextCheck {
  if (typeof raw !== 'string' || !raw.trim()) throw refuse('empty', 'The query is empty');
  if (raw.length > limits.maxQueryLength) throw refuse('too-long', `The query is longer than ${limits.maxQueryLength} characters`);
  let tokens: Token[];
  try {
    tokens = tokenize(raw);
    matchBrackets(tokens);
  } catch (e) {
    if (e instanceof LexError) throw refuse('syntax', `The query is not valid Cypher: ${e.message} (offset ${e.offset})`);
    throw e;
  }
  if (!tokens.length) throw refuse('empty', 'The query is empty (only comments)');
  let text = raw;
  const last = tokens[tokens.length - 1]!;
  if (isPunct(last, ';')) {
    text = raw.slice(0, last.start) + raw.slice(last.end);
    tokens = tokens.slice(0, -1);
  }
  if (tokens.some((t) => isPunct(t, ';'))) throw refuse('multiple-statements', 'Only one statement may run at a time: remove the ";" between statements');
  const first = tokens[0]!;
  if (isPunct(first, ':')) throw refuse('client-command', 'Client commands such as :use or :param are not Cypher and cannot run here; give parameters in the parameters form');
  const head = kw(first);
  if (head === 'EXPLAIN' || head === 'PROFILE') throw refuse('explain', `${head} is added by the server itself: remove it`);
  if (head === 'CYPHER') throw refuse('query-options', 'Query options (CYPHER ...) are set by the server');
  if (head && (ADMIN_FIRST.has(head) || (head === 'CREATE' && ADMIN_AFTER_CREATE.has(kw(tokens[1]) ?? '')))) {
    throw refuse('administration', `Administration and schema commands (${head} ...) are not allowed in investigations`);
  }
  tokens.forEach((t, i) => {
    if (kw(t) !== 'USE') return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const atClauseStart = !prev || isPunct(prev, '{') || ['UNION', 'ALL', 'DISTINCT'].includes(kw(prev) ?? '');
    if (atClauseStart && next && next.kind === 'ident') throw refuse('use-database', 'USE is not allowed: investigations run against the intelligence database only');
  });
  tokens.forEach((t, i) => {
    // EXPLAIN cannot plan these inside the read transaction it runs in, so they are judged here.
    if (kw(t) === 'IN' && kw(tokens[i + 1]) === 'TRANSACTIONS') throw refuse('transactions', 'CALL { ... } IN TRANSACTIONS is not allowed: investigations only read');
  });
  const procedures: readonly string[] = mode === 'library' ? LIBRARY_PROCEDURES : FREE_FORM_PROCEDURES;
  for (const c of namespacedCalls(tokens)) {
    const ok = procedures.includes(c.name) || (!c.procedure && FUNCTION_NAMESPACES.some((ns) => c.name.toLowerCase().startsWith(`${ns}.`)));
    if (!ok) {
      throw refuse('procedure', `${c.procedure ? 'Procedure' : 'Function'} ${c.name} is not allowed in investigations (allowed procedures: ${procedures.join(', ')})`);
    }
  }
  if (mode === 'freeForm' && opts.reads !== false) checkFreeFormReads(tokens);
  return { text, tokens };
}

/**
 * Free-form queries may read only the model's non-sensitive property keys, by name. Anything that
 * reads properties by computed name (properties(), keys(), `n{.*}`, `n[expr]`) would get round that.
 */
export function checkFreeFormReads(tokens: Token[]): void {
  const pairs = matchBrackets(tokens);
  const inCall = new Set<number>();
  for (const c of namespacedCalls(tokens)) for (let k = c.at; k <= c.end; k++) inCall.add(k);
  tokens.forEach((t, i) => {
    if (t.kind === 'ident' && !t.quoted && isPunct(tokens[i + 1], '(') && !isPunct(tokens[i - 1], '.') && FREE_FORM_DENIED_FUNCTIONS.has(t.value.toLowerCase())) {
      throw refuse('property-access', `${t.value}() is not allowed in free-form queries: name the properties you need (see the editor's property list)`);
    }
    if (!isPunct(t, '.') || inCall.has(i - 1)) return;
    const next = tokens[i + 1];
    if (isPunct(next, '*')) throw refuse('property-access', 'Map projections with .* are not allowed in free-form queries: list the properties you need');
    if (next?.kind === 'ident' && !FREE_FORM_KEYS.has(next.value)) {
      throw refuse('property-access', `Property "${next.value}" cannot be read by free-form queries (it is sensitive, internal or not in the model); return the node instead and its permitted properties are shown`);
    }
  });
  tokens.forEach((t, i) => {
    if (!isPunct(t, '[')) return;
    const prev = tokens[i - 1];
    if (!prev || isPunct(prev, '-')) return; // relationship pattern
    const indexes = (prev.kind === 'ident' && (prev.quoted || !KEYWORDS.has(prev.value.toUpperCase()))) || prev.kind === 'param' ||
      isPunct(prev, ')') || isPunct(prev, ']') || isPunct(prev, '}');
    if (!indexes) return;
    const inner = tokens.slice(i + 1, pairs.get(i));
    const literal = inner.every((x) => x.kind === 'number' || isPunct(x, '-') || isPunct(x, '..'));
    if (!literal || !inner.length) {
      throw refuse('property-access', 'Only literal indexes (list[0], list[1..3]) are allowed in free-form queries: a computed index can read a property by name');
    }
  });
}

/** Map keys `{key: ...}` directly inside the brace pair starting at `open`. */
export function mapKeys(tokens: Token[], open: number, close: number): Token[] {
  const keys: Token[] = [];
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k]!;
    if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '{')) depth++;
    else if (isPunct(t, ')') || isPunct(t, ']') || isPunct(t, '}')) depth--;
    else if (depth === 0 && t.kind === 'ident' && isPunct(tokens[k + 1], ':')) keys.push(t);
  }
  return keys;
}

export function checkPatternKeys(keys: Token[]): void {
  for (const k of keys) {
    if (!FREE_FORM_KEYS.has(k.value)) throw refuse('property-access', `Property "${k.value}" cannot be matched by free-form queries (it is sensitive, internal or not in the model)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Layer 2: the plan

export interface PlanLike {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanLike[];
}

const WRITE_OPERATOR = /Create|Merge|Delete|^Set|Remove|Foreach|Transaction|LoadCSV|Index(?!Seek|Scan|ContainsScan|EndsWithScan)|Constraint|Administration|System|^Show|Terminate|Lock|^Drop|Command|Alter|Grant|Deny|Revoke|Assert|ConditionalApply|DoNothing/;

function operatorName(p: PlanLike): string {
  return p.operatorType.replace(/@.*$/, '');
}

/** The procedure a ProcedureCall operator calls, from its details ("db.labels() :: (label :: STRING)"). */
export function procedureOf(p: PlanLike): string | undefined {
  const details = String(p.arguments?.Details ?? p.arguments?.details ?? '');
  const m = /^\s*`?([A-Za-z_][\w.`]*?)`?\s*\(/.exec(details);
  return m ? m[1]!.replace(/`/g, '') : undefined;
}

/** Throws QUERY_REFUSED unless the plan only reads. */
export function checkPlan(queryType: string | undefined, plan: PlanLike | false | undefined, mode: QueryMode): void {
  const procedures: readonly string[] = mode === 'library' ? LIBRARY_PROCEDURES : FREE_FORM_PROCEDURES;
  const walk = (p: PlanLike) => {
    const op = operatorName(p);
    if (op === 'LoadCSV') throw refuse('load-csv', 'LOAD CSV is not allowed in investigations');
    if (/Transaction/.test(op)) throw refuse('transactions', 'CALL { ... } IN TRANSACTIONS is not allowed: investigations only read');
    if (/Foreach/.test(op)) throw refuse('write', 'FOREACH is not allowed: investigations only read');
    if (op === 'ProcedureCall') {
      const name = procedureOf(p);
      if (!name || !procedures.includes(name)) throw refuse('procedure', `Procedure ${name ?? '(unknown)'} is not allowed in investigations (allowed: ${procedures.join(', ')})`);
    } else if (WRITE_OPERATOR.test(op)) {
      throw refuse('write', `The query would change the database or its schema (${op}): investigations only read`);
    }
    for (const c of p.children ?? []) walk(c);
  };
  if (plan) walk(plan);
  if (queryType !== 'r') {
    const what = queryType === 's' ? 'changes the schema or administers the database' : queryType === 'w' || queryType === 'rw' ? 'writes' : `is of type ${queryType ?? 'unknown'}`;
    throw refuse('write', `The query ${what}: investigations only read`);
  }
  if (!plan) throw refuse('plan', 'The database did not return a plan for the query, so it cannot be checked');
}

/** The readable part of a Neo4j compile error (its first line, without the caret diagram). */
export function compileMessage(e: { message?: string }): string {
  const first = String(e.message ?? '').split('\n')[0]!.trim();
  return first.length > 300 ? `${first.slice(0, 300)}...` : first;
}

const COMPILE_ERROR = /^Neo\.ClientError\.(Statement|Procedure|Schema|Security|Request)\./;

/** Runs EXPLAIN in a read transaction and applies the plan check. Compile errors become QUERY_REFUSED. */
export async function explainAndCheck(db: Db, text: string, params: Record<string, unknown>, mode: QueryMode, timeoutMs: number): Promise<ResultSummary> {
  let summary: ResultSummary;
  try {
    summary = await db.readTx(async (tx) => (await tx.run(`EXPLAIN ${text}`, boltParams(params))).summary, timeoutMs);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'Neo.ClientError.Procedure.ProcedureNotFound') throw refuse('procedure', compileMessage(e as Error));
    if (/Security/.test(code)) throw refuse('administration', `The database refused the query: ${compileMessage(e as Error)}`);
    if (COMPILE_ERROR.test(code)) {
      const msg = compileMessage(e as Error);
      if (/not a recognised system command|administration|system database/i.test(msg)) throw refuse('administration', `Administration commands are not allowed: ${msg}`);
      throw refuse('syntax', `The query is not valid Cypher: ${msg}`);
    }
    throw e;
  }
  checkPlan(summary.queryType, summary.plan as PlanLike | false, mode);
  return summary;
}
