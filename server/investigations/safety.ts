import type { ParserRuleContext } from 'antlr4ng';
import type { ResultSummary } from 'neo4j-driver';
import { boltParams, type Db } from '../db/db.js';
import { ENTITY_TYPES, LINK_TYPES, MARKING_KEYS, SYSTEM_KEYS, type EntityTypeDef, type LinkTypeDef } from '../domain/model.js';
import {
  childRule, childRules, childTokens, children, isTerminal, nameOf, parseCypher, qualifiedName, refuse, ruleName, sourceOf, type ParsedCypher,
} from './cypherTree.js';

/**
 * Safety checks for saved and free-form Cypher, in three layers:
 *  1. the parse tree (Neo4j's own grammar, see cypherTree.ts), walked against allow-lists:
 *     one statement; only reading clauses; only listed built-in functions (by normalised name,
 *     however quoted, cased or namespaced); procedures only from a short list, and none at all in
 *     free-form queries; for free-form queries also only listed property keys, no whole-record
 *     maps and no property read by computed name. Anything the walk does not know is refused;
 *  2. plan: `EXPLAIN` through the driver; the summary's query type must be read-only ('r') and no
 *     operator of the plan may write, touch the schema, load CSV, run its own transactions or call
 *     a procedure outside the allow-list;
 *  3. execution (see run.ts): a READ transaction, a timeout, a row cap and a per-user limit on
 *     runs in progress.
 * Every refusal is a QUERY_REFUSED error whose `reason` says which rule was hit.
 */
export type QueryMode = 'library' | 'freeForm';

export { refuse };

/**
 * Procedures a free-form query may call: none. db.labels, db.relationshipTypes and db.propertyKeys
 * list names found on any record, hidden ones included; the editor's lists come from the model.
 */
export const FREE_FORM_PROCEDURES: readonly string[] = [];
/** Library queries (reviewed code): schema names and full-text search. */
export const LIBRARY_PROCEDURES: readonly string[] = ['db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.index.fulltext.queryNodes'];

const TEMPORAL = ['date', 'datetime', 'localdatetime', 'localtime', 'time'];
/**
 * Built-in functions an investigation may call, by lower-cased (namespaced) name. Left out on
 * purpose: properties() and keys() (a whole record past the key allow-list), id() and elementId()
 * (internal ids are allocated in creation order, so they change with records the viewer does not
 * see), exists(), file() and linenumber(), and every user-defined or plug-in function.
 */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  // aggregation
  'avg', 'collect', 'count', 'max', 'min', 'percentilecont', 'percentiledisc', 'stdev', 'stdevp', 'sum',
  // scalar and graph values
  'char_length', 'character_length', 'coalesce', 'endnode', 'head', 'last', 'length', 'nullif', 'randomuuid', 'size', 'startnode',
  'timestamp', 'toboolean', 'tobooleanornull', 'tofloat', 'tofloatornull', 'tointeger', 'tointegerornull', 'type', 'valuetype',
  // lists
  'isempty', 'labels', 'nodes', 'range', 'relationships', 'reverse', 'tail', 'tobooleanlist', 'tofloatlist', 'tointegerlist', 'tostringlist',
  // numbers
  'abs', 'ceil', 'floor', 'isnan', 'rand', 'round', 'sign', 'e', 'exp', 'log', 'log10', 'sqrt', 'acos', 'asin', 'atan', 'atan2', 'cos', 'cot',
  'degrees', 'haversin', 'pi', 'radians', 'sin', 'tan', 'cosh', 'coth', 'sinh', 'tanh',
  // strings
  'btrim', 'left', 'lower', 'ltrim', 'normalize', 'replace', 'right', 'rtrim', 'split', 'substring', 'tolower', 'tostring', 'tostringornull',
  'toupper', 'trim', 'upper',
  // temporal and spatial
  ...TEMPORAL, 'duration',
  ...TEMPORAL.flatMap((t) => ['realtime', 'statement', 'transaction', 'truncate'].map((f) => `${t}.${f}`)),
  'datetime.fromepoch', 'datetime.fromepochmillis', 'duration.between', 'duration.indays', 'duration.inmonths', 'duration.inseconds',
  'point', 'point.distance', 'point.withinbbox',
].sort();
const FUNCTIONS = new Set(ALLOWED_FUNCTIONS);
/** Functions refused with a reason of their own (they read what the key allow-list keeps out). */
const RECORD_READERS = new Set(['properties', 'keys']);
const INTERNAL_IDS = new Set(['id', 'elementid']);

const MODEL_DEFS = [...Object.values(ENTITY_TYPES as Record<string, EntityTypeDef>), ...Object.values(LINK_TYPES as Record<string, LinkTypeDef>)];

/**
 * Property keys a free-form query may read or filter on (also offered to the editor for
 * completion): the model's properties that are not sensitive on any type (a check on the text
 * cannot tell which type a variable holds), the record's id, type, label and archived flag, and the
 * markings every visible record shows. Never: sensitive properties, the NFD justification and
 * approver, the dissemination list, stored aggregates computed from records some viewers may not
 * see (strength, reportIds, reportMarks), search keys (search, phonetic), contentHash, and the
 * createdAt/updatedAt stamps (an edit of a sensitive field or a hidden report moves them).
 */
export const FREE_FORM_PROPERTY_KEYS: readonly string[] = (() => {
  const sensitive = new Set<string>();
  const all = new Set<string>();
  for (const d of MODEL_DEFS) for (const [k, p] of Object.entries(d.props)) (p.sensitive ? sensitive : all).add(k);
  for (const k of sensitive) all.delete(k);
  for (const k of ['id', 'type', 'label', 'archived']) all.add(k);
  for (const k of MARKING_KEYS) if (!['nfdJustification', 'nfdApprover', 'disseminatedTo'].includes(k)) all.add(k);
  return [...all].sort();
})();

/** Every key the platform stores on graph records. */
const STORED_KEYS = new Set<string>([...MODEL_DEFS.flatMap((d) => Object.keys(d.props)), ...SYSTEM_KEYS, ...MARKING_KEYS, 'contentHash', 'point']);
/**
 * Components of temporal, duration and point values (`d.year`, `p.latitude`): read with the same
 * dot, never stored on a record, so allowed besides the stored keys above.
 */
const VALUE_COMPONENTS = [
  'year', 'quarter', 'month', 'week', 'weekYear', 'dayOfQuarter', 'quarterDay', 'day', 'ordinalDay', 'dayOfWeek', 'weekDay', 'hour', 'minute',
  'second', 'millisecond', 'microsecond', 'nanosecond', 'timezone', 'offset', 'offsetMinutes', 'offsetSeconds', 'epochMillis', 'epochSeconds',
  'years', 'quarters', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'nanoseconds',
  'quartersOfYear', 'monthsOfQuarter', 'monthsOfYear', 'daysOfWeek', 'minutesOfHour', 'secondsOfMinute', 'millisecondsOfSecond',
  'microsecondsOfSecond', 'nanosecondsOfSecond', 'x', 'y', 'z', 'latitude', 'longitude', 'height', 'crs', 'srid',
].filter((k) => !STORED_KEYS.has(k));
const READ_KEYS = new Set([...FREE_FORM_PROPERTY_KEYS, ...VALUE_COMPONENTS]);

export interface TextLimits {
  maxQueryLength: number;
}

export interface CheckedQuery {
  /** The query as it will be explained (and, for library queries, run): a trailing `;` blanked out. */
  text: string;
  parsed: ParsedCypher;
  /** The single statement's root (a `statement` context). */
  statement: ParserRuleContext;
}

/** Rules a query may contain (anything else is refused: fail closed on constructs not reviewed). */
const ALLOWED_RULES = new Set([
  'statementsOrCommands', 'statementOrCommand', 'preparsedStatement', 'statement', 'queryWithLocalDefinitions', 'nextStatement', 'regularQuery',
  'union', 'singleQuery', 'clause', 'finishClause', 'returnClause', 'returnBody', 'returnItem', 'returnItems', 'orderItem', 'ascToken', 'descToken',
  'orderBy', 'skip', 'limit', 'whereClause', 'withClause', 'matchClause', 'hint', 'expandHintStep', 'unwindClause', 'callClause', 'procedureName',
  'procedureArgument', 'procedureResultItem', 'subqueryClause', 'subqueryScope', 'orderBySkipLimitClause', 'patternList', 'pattern', 'quantifier',
  'anonymousPattern', 'shortestPathPattern', 'patternElement', 'pathPatternPrefix', 'nonNegativeIntegerSpecification', 'pathMode', 'groupToken',
  'pathToken', 'pathPatternNonEmpty', 'nodePattern', 'parenthesizedPath', 'labelType', 'relType', 'labelOrRelType', 'properties',
  'relationshipPattern', 'leftArrow', 'arrowLine', 'rightArrow', 'pathLength', 'labelExpression', 'labelExpression4', 'labelExpression3',
  'labelExpression2', 'labelExpression1', 'expression', 'expression11', 'expression10', 'expression9', 'expression8', 'expression7',
  'comparisonExpression6', 'normalForm', 'expression6', 'expression5', 'expression4', 'expression3', 'expression2', 'postFix', 'property',
  'expression1', 'literal', 'caseExpression', 'caseAlternative', 'extendedCaseExpression', 'extendedCaseAlternative', 'extendedWhen',
  'listComprehension', 'patternComprehension', 'reduceExpression', 'listItemsPredicate', 'normalizeFunction', 'trimFunction', 'patternExpression',
  'shortestPathExpression', 'parenthesizedExpression', 'mapProjection', 'mapProjectionElement', 'countStar', 'existsExpression',
  'countExpression', 'collectExpression', 'numberLiteral', 'signedIntegerLiteral', 'listLiteral', 'propertyKeyName', 'parameter',
  'parameterName', 'functionInvocation', 'functionArgument', 'functionName', 'namespace', 'variable', 'nonEmptyNameList', 'type', 'typePart',
  'typeName', 'typeNullability', 'typeListSuffix', 'stringLiteral', 'map', 'symbolicVariableNameString', 'escapedSymbolicVariableNameString',
  'unescapedSymbolicVariableNameString', 'symbolicNameString', 'escapedSymbolicNameString', 'unescapedSymbolicNameString',
  'unescapedSymbolicNameString_',
]);

/** Rules refused with a reason of their own. */
const REFUSED_RULES: Record<string, [string, string]> = {
  consoleCommand: ['client-command', 'Client commands such as :use or :param are not Cypher and cannot run here; give parameters in the parameters form'],
  command: ['administration', 'Administration and schema commands are not allowed in investigations'],
  composableCommandClauses: ['administration', 'Administration commands (SHOW ..., TERMINATE ...) are not allowed in investigations'],
  useClause: ['use-database', 'USE is not allowed: investigations run against the intelligence database only'],
  createClause: ['write', 'CREATE is not allowed: investigations only read'],
  insertClause: ['write', 'INSERT is not allowed: investigations only read'],
  mergeClause: ['write', 'MERGE is not allowed: investigations only read'],
  setClause: ['write', 'SET is not allowed: investigations only read'],
  removeClause: ['write', 'REMOVE is not allowed: investigations only read'],
  deleteClause: ['write', 'DELETE is not allowed: investigations only read'],
  foreachClause: ['write', 'FOREACH is not allowed: investigations only read'],
  loadCSVClause: ['load-csv', 'LOAD CSV is not allowed in investigations'],
  subqueryInTransactionsParameters: ['transactions', 'CALL { ... } IN TRANSACTIONS is not allowed: investigations only read'],
  dynamicProperty: ['property-access', 'Properties read by computed name are not allowed: name the properties you need'],
  dynamicExpression: ['clause', 'Dynamic labels and types ($(...)) are not allowed in investigations: name the labels'],
  dynamicAnyAllExpression: ['clause', 'Dynamic labels and types ($(...)) are not allowed in investigations: name the labels'],
  dynamicLabelType: ['clause', 'Dynamic labels and types ($(...)) are not allowed in investigations: name the labels'],
  propertyExistsPredicate: ['property-access', 'property_exists() is not allowed: use x.key IS NOT NULL with a permitted key'],
};

const FRIENDLY: Record<string, string> = {
  searchClause: 'SEARCH', filterClause: 'FILTER', letClause: 'LET', forListClause: 'FOR', when: 'WHEN ... THEN', localDefinition: 'DEFINE',
  groupBy: 'GROUP BY', matchMode: 'match modes (REPEATABLE ELEMENTS, DIFFERENT RELATIONSHIPS)', obfuscatedLiteral: 'obfuscated literals',
  interpolatedStringLiteral: 'interpolated strings', allReduceExpression: 'allReduce', vectorFunction: 'vector()',
  vectorDistanceFunction: 'vector_distance()', vectorNormFunction: 'vector_norm()',
};

/** Layer 1: parses the query and walks its tree. Throws QUERY_REFUSED; returns the tree for the guard. */
export function checkText(raw: string, mode: QueryMode, limits: TextLimits): CheckedQuery {
  if (typeof raw !== 'string' || !raw.trim()) throw refuse('empty', 'The query is empty');
  if (raw.length > limits.maxQueryLength) throw refuse('too-long', `The query is longer than ${limits.maxQueryLength} characters`);
  const lead = raw.trimStart();
  if (lead.startsWith(':')) throw refuse('client-command', REFUSED_RULES.consoleCommand![1]);
  const parsed = parseCypher(raw);
  const visibleTokens = parsed.tokens.filter((t) => t.channel === 0);
  if (!visibleTokens.length) throw refuse('empty', 'The query is empty (only comments)');
  checkCharacters(parsed);

  const root = parsed.root;
  const statements = childRules(parsed, root, 'statementOrCommand');
  if (statements.length > 1) throw refuse('multiple-statements', 'Only one statement may run at a time: remove the ";" between statements');
  const soc = statements[0];
  if (!soc) throw refuse('syntax', 'The query is not valid Cypher');
  if (childRule(parsed, soc, 'consoleCommand')) throw refuse('client-command', REFUSED_RULES.consoleCommand![1]);
  const pre = childRule(parsed, soc, 'preparsedStatement');
  if (!pre) throw refuse('syntax', 'The query is not valid Cypher');
  for (const o of childRules(parsed, pre, 'preparserOption')) {
    const head = sourceOf(parsed, o).trim().split(/\s+/)[0]!.toUpperCase();
    if (head === 'EXPLAIN' || head === 'PROFILE') throw refuse('explain', `${head} is added by the server itself: remove it`);
    throw refuse('query-options', 'Query options (CYPHER ...) are set by the server');
  }
  const statement = childRule(parsed, pre, 'statement');
  if (!statement) throw refuse('syntax', 'The query is not valid Cypher');

  let text = raw;
  const semi = childTokens(parsed, root, 'SEMICOLON')[0];
  if (semi) text = raw.slice(0, parsed.startOf(semi)) + ' ' + raw.slice(parsed.endOf(semi)); // same length: offsets stay valid

  checkTree(parsed, statement, mode);
  return { text, parsed, statement };
}

/**
 * Outside string literals, comments and backtick-quoted names only printable ASCII and plain
 * spaces are accepted: Neo4j reads several Unicode dashes and angle brackets as arrows and other
 * characters as spaces, and the text that runs must read the same to every parser that sees it.
 */
function checkCharacters(p: ParsedCypher): void {
  for (const t of p.tokens) {
    const kind = p.symbolicName(t);
    if (['STRING_LITERAL1', 'STRING_LITERAL2', 'ESCAPED_SYMBOLIC_NAME', 'SINGLE_LINE_COMMENT', 'MULTI_LINE_COMMENT'].includes(kind)) continue;
    const s = p.text.slice(p.startOf(t), p.endOf(t));
    const bad = /[^\x20-\x7e\t\r\n]/.exec(s);
    if (bad) {
      const code = bad[0].codePointAt(0)!;
      throw refuse('syntax', `Unexpected character U+${code.toString(16).toUpperCase().padStart(4, '0')} (outside strings and comments only plain ASCII is accepted)`);
    }
  }
}

function checkTree(p: ParsedCypher, statement: ParserRuleContext, mode: QueryMode): void {
  const freeForm = mode === 'freeForm';
  const procedures = freeForm ? FREE_FORM_PROCEDURES : LIBRARY_PROCEDURES;
  const visit = (n: ParserRuleContext) => {
    const rule = ruleName(p, n);
    if (rule === 'command' && childRule(p, n, 'useClause')) throw refuse('use-database', REFUSED_RULES.useClause![1]);
    const refused = REFUSED_RULES[rule];
    if (refused) throw refuse(refused[0], refused[1]);
    if (!ALLOWED_RULES.has(rule)) {
      throw refuse('clause', `${FRIENDLY[rule] ?? `"${sourceOf(p, n).trim().slice(0, 40)}"`} is not allowed in investigations (allowed: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL { } subqueries, EXISTS/COUNT/COLLECT { })`);
    }
    switch (rule) {
      case 'queryWithLocalDefinitions':
      case 'nextStatement':
        if (rule === 'nextStatement' && childRules(p, n, 'regularQuery').length > 1) throw refuse('clause', 'NEXT is not allowed in investigations');
        break;
      case 'functionInvocation': checkFunction(p, n); break;
      case 'subqueryClause':
        if (childRule(p, n, 'subqueryInTransactionsParameters')) throw refuse('transactions', REFUSED_RULES.subqueryInTransactionsParameters![1]);
        break;
      case 'callClause': {
        const name = qualifiedName(p, childRule(p, n, 'procedureName')!);
        if (!procedures.includes(name)) {
          throw refuse('procedure', freeForm
            ? `Procedure ${name} is not allowed in free-form queries (no procedure is: the labels, relationship types and property keys you may use are in the editor's lists)`
            : `Procedure ${name} is not allowed in investigations (allowed: ${procedures.join(', ')})`);
        }
        break;
      }
      case 'hint':
        if (freeForm) throw refuse('clause', 'Planner hints (USING ...) are not allowed in free-form queries');
        break;
      case 'property':
        if (freeForm) checkKey(nameOf(p, childRule(p, n, 'propertyKeyName')!), 'read');
        break;
      case 'properties':
        if (freeForm) {
          const map = childRule(p, n, 'map');
          if (!map) throw refuse('property-access', 'A pattern\'s properties must be written out ({key: value}), not given as a parameter');
          for (const k of childRules(p, map, 'propertyKeyName')) checkKey(nameOf(p, k), 'match');
        }
        break;
      case 'postFix': {
        const index = childRule(p, n, 'expression');
        if (freeForm && index && /^\s*("|')/.test(sourceOf(p, index))) {
          throw refuse('property-access', 'Properties read by name in brackets (n["key"]) are not allowed in free-form queries: write n.key with a permitted key');
        }
        break;
      }
      case 'mapProjectionElement':
        if (freeForm && childTokens(p, n, 'TIMES').length) throw refuse('property-access', 'Map projections with .* are not allowed in free-form queries: list the properties you need');
        break;
      case 'relationshipPattern':
        if (freeForm && childRule(p, n, 'pathLength')) {
          throw refuse('unguardable', 'Variable-length relationships (-[*1..3]-) are not allowed in free-form queries: write a quantified path pattern such as ((a)-[r:T]->(b)){1,3} so that every node on the path is checked');
        }
        break;
      case 'patternElement':
        if (freeForm) {
          const cs = children(n);
          cs.forEach((c, i) => {
            if (isTerminal(c) || ruleName(p, c as ParserRuleContext) !== 'quantifier') return;
            const prev = cs[i - 1];
            if (prev && !isTerminal(prev) && ruleName(p, prev as ParserRuleContext) === 'relationshipPattern') {
              throw refuse('unguardable', 'Quantified relationships (-[r]->+, -[r]->{1,3}) are not allowed in free-form queries: write a quantified path pattern such as ((a)-[r:T]->(b)){1,3} so that every node on the path is checked');
            }
          });
        }
        break;
    }
    for (const c of children(n)) if (!isTerminal(c)) visit(c as ParserRuleContext);
  };
  visit(statement);
}

function checkFunction(p: ParsedCypher, n: ParserRuleContext): void {
  const name = qualifiedName(p, childRule(p, n, 'functionName')!);
  const key = name.toLowerCase();
  if (RECORD_READERS.has(key)) {
    throw refuse('property-access', `${name}() is not allowed: it reads every property of a record at once; name the properties you need (see the editor's property list)`);
  }
  if (INTERNAL_IDS.has(key)) {
    throw refuse('internal-id', `${name}() is not allowed: internal ids depend on records you may not see; use the id property (x.id)`);
  }
  if (!FUNCTIONS.has(key)) throw refuse('function', `Function ${name}() is not allowed in investigations (see the editor's function list)`);
}

function checkKey(key: string, how: 'read' | 'match'): void {
  if (READ_KEYS.has(key) && (how === 'read' || FREE_FORM_PROPERTY_KEYS.includes(key))) return;
  throw refuse('property-access', `Property "${key}" cannot be ${how === 'read' ? 'read' : 'matched'} by free-form queries (it is sensitive, internal, an aggregate over records you may not see, or not in the model); return the record instead and its permitted properties are shown`);
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
