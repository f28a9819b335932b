import type { ParserRuleContext } from 'antlr4ng';
import { LINK_TYPE_NAMES } from '../domain/model.js';
import { visibleFilter, type Viewer } from '../domain/policy.js';
import { childRule, childRules, childTokens, children, descendants, isTerminal, ruleName, sourceOf, walk, type ParsedCypher } from './cypherTree.js';
import type { CheckedQuery } from './safety.js';

/**
 * The visibility guard for free-form Cypher. Redacting results is not enough on its own: a query
 * can filter on a record it may not see and let the answer leak through a visible one
 * (`MATCH (s:Subject)<-[:MENTIONS]-(r) WHERE r.label CONTAINS 'x' RETURN s`). So before a free-form
 * query runs, every node pattern and relationship pattern the parse tree holds (in MATCH and
 * OPTIONAL MATCH, subqueries, EXISTS / COUNT / COLLECT, pattern comprehensions, shortest paths and
 * quantified path patterns) gets an inline predicate that admits only graph entities and links the
 * viewer sees in full or as a disseminated copy (the policy's `visibleFilter`):
 *
 *   (n:Subject)-[r:MEMBER_OF]->(o)   becomes
 *   (n:Subject WHERE <visible n>)-[r:MEMBER_OF WHERE <visible r>]->(o WHERE <visible o>)
 *
 * Anonymous elements get generated names; `-->` becomes `-[v WHERE ...]->`. The query then runs
 * over the viewer's visible graph only.
 *
 * The planner orders predicates as it likes, so a user's condition could be evaluated on a hidden
 * record before the visibility predicate drops it, and an expression that fails (`1/0`, `date('x')`)
 * would then tell "a hidden record is here" by the error. Conditions are therefore evaluated only
 * for visible records (`CASE WHEN <visible ...> THEN (condition) END`), except the conjuncts that
 * cannot fail (comparisons of a pattern element's properties with literals and parameters), which
 * stay as written so the planner can still use indexes for them.
 *
 * Two more rewrites keep reads within the allow-lists: a pattern used as a predicate,
 * `WHERE (a)-->(b)`, becomes `EXISTS { (a)-->(b) }` (so its elements can be named and guarded), and
 * a computed index `x[i]` becomes `x[toIntegerOrNull(i)]` (a list index, never a property name).
 */
export interface Guarded {
  text: string;
  /** Names the guard gave anonymous pattern elements. */
  generated: string[];
}

interface Edit { at: number; text: string; rank: number }

const depthOf = (n: ParserRuleContext) => { let d = 0; for (let c = n.parent; c; c = c.parent) d++; return d; };

export function guardQuery(checked: CheckedQuery, viewer: Viewer): Guarded {
  const p = checked.parsed;
  const text = checked.text;
  let base = '__pv';
  while (text.includes(base)) base += '_';
  const generated: string[] = [];
  const fresh = () => { const v = `${base}${generated.length}`; generated.push(v); return v; };
  const edits: Edit[] = [];
  // At one offset: variable names first, then closings (inner ones first), then element suffixes, then openings (outer ones first).
  const open = (at: number, s: string, ctx: ParserRuleContext) => edits.push({ at, text: s, rank: 3000 + depthOf(ctx) });
  const close = (at: number, s: string, ctx: ParserRuleContext) => edits.push({ at, text: s, rank: 2000 - depthOf(ctx) });
  const start = (c: ParserRuleContext) => p.startOf(c.start!);
  const end = (c: ParserRuleContext) => p.endOf(c.stop!);

  const visible = (v: string) => visibleFilter(viewer, 'pvguard').text.replace(/\bpvguard\b/g, v);
  const nodePredicate = (v: string) => `(${v}:Entity AND ${visible(v)})`;
  const relPredicate = (v: string) => `(type(${v}) IN $pv_linkTypes AND ${visible(v)})`;

  // 1. Name every pattern element.
  const elements = new Map<ParserRuleContext, { name: string; predicate: string; bare: string | undefined }>();
  walk(checked.statement, (c) => {
    const rule = ruleName(p, c);
    if (rule !== 'nodePattern' && rule !== 'relationshipPattern') return;
    const variable = childRule(p, c, 'variable');
    const name = variable ? sourceOf(p, variable).trim() : fresh();
    const predicate = rule === 'nodePattern' ? nodePredicate(name) : relPredicate(name);
    elements.set(c, { name, predicate, bare: variable ? undefined : name });
  });

  // 2. Guard each element.
  for (const [c, el] of elements) {
    const node = ruleName(p, c) === 'nodePattern';
    const opener = childTokens(p, c, node ? 'LPAREN' : 'LBRACKET')[0];
    const where = children(c).find((x) => !isTerminal(x) && ruleName(p, x as ParserRuleContext) === 'expression') as ParserRuleContext | undefined;
    if (!opener) {
      // -->, <--, --: a bracketed element goes between the two arrow lines.
      const lines = childRules(p, c, 'arrowLine');
      edits.push({ at: end(lines[0]!), text: `[${el.name} WHERE ${el.predicate}]`, rank: 0 });
      continue;
    }
    if (el.bare) edits.push({ at: p.endOf(opener), text: where ? `${el.bare} ` : el.bare, rank: 0 });
    if (where) {
      guardCondition(where, [el]);
    } else {
      const closer = childTokens(p, c, node ? 'RPAREN' : 'RBRACKET')[0]!;
      edits.push({ at: p.startOf(closer), text: ` WHERE ${el.predicate}`, rank: 2500 });
    }
  }

  /** Wraps the conjuncts of a condition that could fail so they run for visible elements only. */
  function guardCondition(expr: ParserRuleContext, scope: { name: string; predicate: string }[]) {
    const own = new Set(scope.map((s) => s.name));
    const cond = scope.map((s) => s.predicate).join(' AND ');
    const element = expr.parent as ParserRuleContext;
    const isElementWhere = scope.length === 1 && elements.has(element);
    if (isElementWhere) open(start(expr), `${cond} AND (`, element);
    for (const conj of conjuncts(p, expr)) {
      if (safePredicate(p, conj, own)) continue;
      open(start(conj), `CASE WHEN ${cond} THEN (`, conj);
      close(end(conj), ') END', conj);
    }
    if (isElementWhere) close(end(expr), ')', element);
  }

  /** Elements of a pattern list that bind single nodes and relationships (not those inside a quantified group). */
  const directElements = (ctx: ParserRuleContext) => {
    const out: { name: string; predicate: string }[] = [];
    walk(ctx, (c) => {
      const rule = ruleName(p, c);
      if (c !== ctx && (rule === 'parenthesizedPath' || rule === 'expression')) return false;
      const el = elements.get(c);
      if (el) out.push(el);
      return rule !== 'nodePattern' && rule !== 'relationshipPattern';
    });
    return out;
  };

  // 3. Conditions that range over a pattern: MATCH ... WHERE, EXISTS/COUNT { pattern WHERE },
  //    [pattern WHERE ... | ...], ((a)-->(b) WHERE ...){n}.
  walk(checked.statement, (c) => {
    const rule = ruleName(p, c);
    if (rule === 'matchClause' || rule === 'existsExpression' || rule === 'countExpression') {
      const patterns = childRule(p, c, 'patternList');
      const where = childRule(p, c, 'whereClause');
      if (patterns && where) guardCondition(childRule(p, where, 'expression')!, directElements(patterns));
    } else if (rule === 'patternComprehension' || rule === 'parenthesizedPath') {
      const exprs = childRules(p, c, 'expression');
      const patterns = childRule(p, c, rule === 'patternComprehension' ? 'pathPatternNonEmpty' : 'pattern')!;
      // The WHERE expression is the one after the WHERE token (a comprehension's last one is its projection).
      const whereTok = childTokens(p, c, 'WHERE')[0];
      const where = whereTok ? exprs.find((e) => start(e) > p.startOf(whereTok)) : undefined;
      if (where) guardCondition(where, directElements(patterns));
    } else if (rule === 'patternExpression') {
      open(start(c), 'EXISTS { ', c);
      close(end(c), ' }', c);
    } else if (rule === 'postFix') {
      const inner = childRule(p, c, 'expression');
      if (inner && childTokens(p, c, 'LBRACKET').length && !childTokens(p, c, 'DOTDOT').length && !/^-?\s*\d+$/.test(sourceOf(p, inner).trim())) {
        open(start(inner), 'toIntegerOrNull(', inner);
        close(end(inner), ')', inner);
      }
    }
    return true;
  });

  edits.sort((a, b) => b.at - a.at || b.rank - a.rank);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return { text: out, generated };
}

/** Parameters the guard's predicates use besides the policy's own. */
export const guardParams = () => ({ pv_linkTypes: [...LINK_TYPE_NAMES] });

// ---------------------------------------------------------------------------------------------
// Conditions that cannot fail

const rules = (p: ParsedCypher, n: ParserRuleContext) => children(n).filter((c) => !isTerminal(c)) as ParserRuleContext[];
const hasTokens = (n: ParserRuleContext) => children(n).some(isTerminal);

/** The AND-ed parts of a condition (the condition itself when it is not a conjunction). */
function conjuncts(p: ParsedCypher, expr: ParserRuleContext): ParserRuleContext[] {
  const e11 = rules(p, expr);
  if (e11.length !== 1) return [expr];
  const e10 = rules(p, e11[0]!);
  if (e10.length !== 1) return [expr];
  return rules(p, e10[0]!);
}

/** Descends through single-child expression levels without operators. */
function unwrap(p: ParsedCypher, n: ParserRuleContext, until: string): ParserRuleContext | undefined {
  let c: ParserRuleContext = n;
  while (ruleName(p, c) !== until) {
    const rs = rules(p, c);
    if (rs.length !== 1 || hasTokens(c)) return undefined;
    c = rs[0]!;
  }
  return c;
}

/** A literal, a parameter, an element variable, or an element's property. */
function safeOperand(p: ParsedCypher, n: ParserRuleContext, own: Set<string>): boolean {
  const e2 = unwrap(p, n, 'expression2');
  if (!e2) return false;
  const [e1, ...post] = rules(p, e2);
  const atom = e1 && rules(p, e1)[0];
  if (!atom) return false;
  const atomRule = ruleName(p, atom);
  if (post.length === 0) {
    if (atomRule === 'parameter') return true;
    if (atomRule === 'variable') return own.has(sourceOf(p, atom).trim());
    if (atomRule === 'literal') return !childRule(p, atom, 'map');
    return false;
  }
  return post.length === 1 && atomRule === 'variable' && own.has(sourceOf(p, atom).trim()) && !!childRule(p, post[0]!, 'property');
}

/** A condition built only from comparisons that never raise an error, whatever the record holds. */
function safePredicate(p: ParsedCypher, n: ParserRuleContext, own: Set<string>): boolean {
  const rule = ruleName(p, n);
  const rs = rules(p, n);
  switch (rule) {
    case 'expression': case 'expression11': case 'expression10': case 'expression9':
      return rs.length > 0 && rs.every((c) => safePredicate(p, c, own));
    case 'expression8':
      if (rs.length === 1) return safePredicate(p, rs[0]!, own);
      return rs.every((c) => safeOperand(p, c, own));
    case 'expression7': {
      const cmp = childRule(p, n, 'comparisonExpression6');
      if (!cmp) {
        const e1 = unwrap(p, rs[0]!, 'expression1');
        const paren = e1 && childRule(p, e1, 'parenthesizedExpression');
        return !!paren && safePredicate(p, childRule(p, paren, 'expression')!, own);
      }
      const lhs = rs[0]!;
      const tok = children(cmp).filter(isTerminal).map((t) => p.symbolicName(t.symbol));
      if (tok.includes('REGEQ')) return false;
      if (tok.includes('STARTS') || tok.includes('ENDS') || tok.includes('CONTAINS')) return safeOperand(p, lhs, own) && safeOperand(p, childRule(p, cmp, 'expression6')!, own);
      if (tok.includes('IN')) {
        const list = unwrap(p, childRule(p, cmp, 'expression6')!, 'expression1');
        const lit = list && childRule(p, list, 'listLiteral');
        return safeOperand(p, lhs, own) && !!lit && childRules(p, lit, 'expression').every((x) => safeOperand(p, x, own));
      }
      if (tok.includes('NULL') && !tok.includes('TYPED') && !tok.includes('COLONCOLON')) return safeOperand(p, lhs, own);
      if (childRule(p, cmp, 'labelExpression4') && !childRule(p, cmp, 'type')) {
        const e1 = unwrap(p, lhs, 'expression1');
        const v = e1 && childRule(p, e1, 'variable');
        return !!v && own.has(sourceOf(p, v).trim()) && descendants(p, cmp, 'dynamicAnyAllExpression').length === 0;
      }
      return false;
    }
    default:
      return false;
  }
}
