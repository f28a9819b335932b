import { LINK_TYPE_NAMES } from '../domain/model.js';
import { visibleFilter, type Viewer } from '../domain/policy.js';
import { isPunct, kw, matchBrackets, type Token } from './lexer.js';
import { checkPatternKeys, mapKeys, refuse } from './safety.js';

/**
 * The visibility guard for free-form Cypher. Redacting results is not enough on its own: a query
 * can filter on a record it may not see and let the answer leak through a visible one
 * (`MATCH (s:Subject)<-[:MENTIONS]-(r) WHERE r.text CONTAINS 'x' RETURN s`). So before a free-form
 * query runs, every node pattern and relationship pattern in it gets an inline predicate that
 * admits only graph entities and links the viewer sees in full or as a disseminated copy (the
 * policy's `visibleFilter`):
 *
 *   (n:Subject)-[r:MEMBER_OF]->(o)   becomes
 *   (n:Subject WHERE <visible n>)-[r:MEMBER_OF WHERE <visible r>]->(o WHERE <visible o>)
 *
 * Anonymous elements get generated names; `-->` becomes `-[v WHERE ...]->`. The query then runs
 * over the viewer's visible graph only: counts, filters and scalar columns are computed from what
 * the viewer may see (with the text checks keeping sensitive property keys out of reach).
 *
 * The guard works on tokens, not a full parse, so it is written to fail closed: a parenthesis it
 * takes for a node pattern but is not one makes the rewritten query invalid and it is refused;
 * constructs whose hidden parts it cannot reach (variable-length relationships `*`, quantified
 * relationships `-[]->+`) are refused with a hint to use a quantified path pattern instead.
 */
export interface Guarded {
  text: string;
  /** Names the guard gave anonymous pattern elements. */
  generated: string[];
}

/** Lower-cased names of built-in functions, whose parentheses hold arguments rather than a node. */
export const FUNCTION_NAMES = new Set([
  'abs', 'acos', 'asin', 'atan', 'atan2', 'avg', 'ceil', 'char_length', 'character_length', 'coalesce', 'collect', 'cos', 'cosh', 'cot', 'coth',
  'count', 'degrees', 'e', 'elementid', 'endnode', 'exp', 'floor', 'haversin', 'head', 'id', 'isempty', 'isnan', 'keys', 'labels', 'last',
  'left', 'length', 'log', 'log10', 'lower', 'ltrim', 'btrim', 'max', 'min', 'nodes', 'normalize', 'nullif', 'percentilecont', 'percentiledisc',
  'pi', 'properties', 'radians', 'rand', 'randomuuid', 'range', 'reduce', 'relationships', 'replace', 'reverse', 'right', 'round', 'rtrim',
  'sign', 'sin', 'sinh', 'size', 'split', 'sqrt', 'startnode', 'stdev', 'stdevp', 'substring', 'sum', 'tail', 'tan', 'tanh', 'timestamp',
  'toboolean', 'tobooleanlist', 'tobooleanornull', 'tofloat', 'tofloatlist', 'tofloatornull', 'tointeger', 'tointegerlist',
  'tointegerornull', 'tolower', 'tostring', 'tostringlist', 'tostringornull', 'toupper', 'trim', 'type', 'upper', 'valuetype', 'date',
  'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'point',
]);
// all/any/none/single take `x IN list`, never a bare node, so they are left out: fail closed.

const PATTERN_START = (t: Token | undefined) => isPunct(t, ':') || isPunct(t, '{') || isPunct(t, ')') || t?.kind === 'param' || ['WHERE', 'IS'].includes(kw(t) ?? '');

/** Does the token after a closing parenthesis continue a path pattern? */
function continuesPattern(tokens: Token[], k: number): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return (isPunct(a, '-') && (isPunct(b, '[') || isPunct(b, '-'))) || (isPunct(a, '<') && isPunct(b, '-')) || isPunct(a, '(');
}

/** Tokens between an opening bracket and its partner, with the index of the first top-level token matching `pred`. */
function topLevel(tokens: Token[], open: number, close: number, pred: (t: Token, k: number) => boolean): number {
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k]!;
    if (depth === 0 && pred(t, k)) return k;
    if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '{')) depth++;
    else if (isPunct(t, ')') || isPunct(t, ']') || isPunct(t, '}')) depth--;
  }
  return -1;
}

/** Does the element start with its own variable (rather than a label, map, WHERE or nothing)? */
function hasVariable(tokens: Token[], open: number, close: number): boolean {
  const first = tokens[open + 1];
  if (open + 1 >= close || first?.kind !== 'ident') return false;
  if (first.quoted || !['WHERE', 'IS'].includes(first.value.toUpperCase())) return true;
  const second = tokens[open + 2];
  return open + 2 >= close || PATTERN_START(second);
}

const quoteName = (t: Token) => (t.quoted ? `\`${t.value.replace(/`/g, '``')}\`` : t.text);

export function guardQuery(text: string, tokens: Token[], viewer: Viewer): Guarded {
  const pairs = matchBrackets(tokens);
  let base = '__pv';
  while (text.includes(base)) base += '_';
  const generated: string[] = [];
  const fresh = () => { const v = `${base}${generated.length}`; generated.push(v); return v; };
  const edits: { at: number; end?: number; text: string; seq: number }[] = [];
  let seq = 0;
  const insert = (at: number, s: string) => edits.push({ at, text: s, seq: seq++ });
  const replace = (at: number, end: number, s: string) => edits.push({ at, end, text: s, seq: seq++ });

  const visible = (v: string) => {
    const f = visibleFilter(viewer, 'pvguard');
    return f.text.replace(/\bpvguard\b/g, v);
  };
  const nodePredicate = (v: string) => `(${v}:Entity AND ${visible(v)})`;
  const relPredicate = (v: string) => `(type(${v}) IN $pv_linkTypes AND ${visible(v)})`;

  /** Adds the predicate to the element between open and close (a node or relationship pattern). */
  const guardElement = (open: number, close: number, predicate: (v: string) => string) => {
    const named = hasVariable(tokens, open, close);
    const name = named ? quoteName(tokens[open + 1]!) : fresh();
    if (!named) insert(tokens[open]!.end, tokens[open + 1]?.kind === 'ident' ? `${name} ` : name);
    const whereAt = topLevel(tokens, open, close, (t, k) => kw(t) === 'WHERE' && !(named && k === open + 1));
    const mapAt = topLevel(tokens, open, close, (t, k) => isPunct(t, '{') && (whereAt < 0 || k < whereAt));
    if (mapAt >= 0) checkPatternKeys(mapKeys(tokens, mapAt, pairs.get(mapAt)!));
    if (whereAt >= 0) {
      insert(tokens[whereAt]!.end, ` ${predicate(name)} AND (`);
      insert(tokens[close]!.start, ')');
    } else {
      insert(tokens[close]!.start, ` WHERE ${predicate(name)}`);
    }
  };

  const refuseQuantified = (k: number) => {
    const q = tokens[k];
    if (isPunct(q, '+') || isPunct(q, '*') || isPunct(q, '{')) {
      throw refuse('unguardable', 'Quantified relationships (-[r]->+, -[r]->{1,3}) are not allowed in free-form queries: write a quantified path pattern such as ((a)-[r:T]->(b)){1,3} so that every node on the path is checked');
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isPunct(t, '(')) {
      const close = pairs.get(i)!;
      const prev = tokens[i - 1];
      if (kw(prev) === 'CALL') continue; // CALL (x, y) { ... }: the subquery's imports
      const candidate = close === i + 1 || PATTERN_START(tokens[i + 1]) || (tokens[i + 1]?.kind === 'ident' && PATTERN_START(tokens[i + 2]));
      if (!candidate) continue;
      // name(...) of a built-in function holds arguments, unless a path pattern carries on after it
      // (ANY (a)-->+(b)); an unknown name is taken for a pattern, which fails closed.
      const functionCall = prev?.kind === 'ident' && !prev.quoted && (isPunct(tokens[i - 2], '.') || FUNCTION_NAMES.has(prev.value.toLowerCase()));
      if (functionCall && !continuesPattern(tokens, close + 1)) continue;
      guardElement(i, close, nodePredicate);
    } else if (isPunct(t, '[') && isPunct(tokens[i - 1], '-')) {
      const close = pairs.get(i)!;
      if (topLevel(tokens, i, close, (x) => isPunct(x, '*')) >= 0) {
        throw refuse('unguardable', 'Variable-length relationships (-[*1..3]-) are not allowed in free-form queries: write a quantified path pattern such as ((a)-[r:T]->(b)){1,3} so that every node on the path is checked');
      }
      guardElement(i, close, relPredicate);
      let k = close + 1;
      if (isPunct(tokens[k], '-')) k++;
      if (isPunct(tokens[k], '>')) k++;
      refuseQuantified(k);
    } else if (isPunct(t, '-') && isPunct(tokens[i + 1], '-')) {
      const left = isPunct(tokens[i - 1], '<');
      const right = isPunct(tokens[i + 2], '>');
      const v = fresh();
      const start = left ? tokens[i - 1]!.start : t.start;
      const last = right ? i + 2 : i + 1;
      replace(start, tokens[last]!.end, `${left ? '<' : ''}-[${v} WHERE ${relPredicate(v)}]-${right ? '>' : ''}`);
      refuseQuantified(last + 1);
      i = last;
    }
  }

  edits.sort((a, b) => b.at - a.at || b.seq - a.seq);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end ?? e.at);
  return { text: out, generated };
}

/** Parameters the guard's predicates use besides the policy's own. */
export const guardParams = () => ({ pv_linkTypes: [...LINK_TYPE_NAMES] });
