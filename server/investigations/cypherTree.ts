import { BaseErrorListener, CharStream, CommonTokenStream, type ParserRuleContext, type ParseTree, type RecognitionException, type Recognizer, type Token } from 'antlr4ng';
import { DomainError } from '../domain/errors.js';
import { CypherCmdLexer } from './cypher-grammar/CypherCmdLexer.js';
import { CypherCmdParser } from './cypher-grammar/CypherCmdParser.js';

/**
 * Cypher parsed with Neo4j's own grammar: the ANTLR lexer and parser generated for Neo4j's editor
 * tooling, copied into ./cypher-grammar (its README says from where and how to refresh them).
 *
 * What this module gives the checks: the whole token stream (comments and spaces included, with
 * offsets in the query string) and the parse tree, with a rule name for every context. A query
 * the grammar does not accept in full is refused: ANTLR would otherwise recover and hand back a
 * tree that is not the query the database would run.
 */
export const refuse = (reason: string, message: string) => new DomainError('QUERY_REFUSED', message, 'cypher', { reason });

export interface ParsedCypher {
  /** The query as given. */
  text: string;
  root: ParserRuleContext;
  /** Every token, hidden ones (spaces, comments) included, EOF excluded. */
  tokens: Token[];
  ruleNames: readonly string[];
  symbolicName(t: Token): string;
  /** Offset in `text` (UTF-16) of a token's first character, and just past its last. */
  startOf(t: Token): number;
  endOf(t: Token): number;
}

class Collect extends BaseErrorListener {
  readonly errors: { line: number; column: number; msg: string }[] = [];
  override syntaxError<S extends Token, T>(_r: Recognizer<never>, _s: S | null, line: number, column: number, msg: string, _e: RecognitionException | null): void {
    void (_r as unknown as T);
    this.errors.push({ line, column, msg });
  }
}

/** Parses one query; QUERY_REFUSED 'syntax' unless the grammar accepts all of it. */
export function parseCypher(text: string): ParsedCypher {
  const lexerErrors = new Collect();
  const parserErrors = new Collect();
  const lexer = new CypherCmdLexer(CharStream.fromString(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener(lexerErrors);
  const stream = new CommonTokenStream(lexer);
  const parser = new CypherCmdParser(stream);
  parser.removeErrorListeners();
  parser.addErrorListener(parserErrors);
  const root = parser.statementsOrCommands();
  if (!lexerErrors.errors.length && stream.getTokens().every((t) => t.type === -1 || t.channel !== 0)) throw refuse('empty', 'The query is empty (only comments)');
  const first = lexerErrors.errors[0] ?? parserErrors.errors[0];
  if (first) throw refuse('syntax', `The query is not valid Cypher: ${first.msg} (line ${first.line}, column ${first.column + 1})`);
  const tokens = stream.getTokens().filter((t) => t.type !== -1);
  // The ANTLR character stream counts code points; JavaScript strings count UTF-16 units.
  let offsets: number[] | undefined;
  if (/[\uD800-\uDFFF]/.test(text)) {
    offsets = [];
    let u = 0;
    for (const ch of text) { offsets.push(u); u += ch.length; }
    offsets.push(u);
  }
  const at = (cp: number) => (offsets ? offsets[cp]! : cp);
  return {
    text, root, tokens, ruleNames: parser.ruleNames,
    symbolicName: (t) => parser.vocabulary.getSymbolicName(t.type) ?? '',
    startOf: (t) => at(t.start),
    endOf: (t) => at(t.stop + 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Tree helpers

export const isRule = (n: ParseTree | null | undefined): n is ParserRuleContext => !!n && typeof (n as ParserRuleContext).ruleIndex === 'number';
export const isTerminal = (n: ParseTree | null | undefined): n is ParseTree & { symbol: Token } => !!n && !isRule(n) && !!(n as { symbol?: Token }).symbol;

export function ruleName(p: ParsedCypher, n: ParserRuleContext): string {
  return p.ruleNames[n.ruleIndex] ?? '?';
}

export function children(n: ParserRuleContext): ParseTree[] {
  return (n.children ?? []) as ParseTree[];
}

/** Child rule contexts with this rule name. */
export function childRules(p: ParsedCypher, n: ParserRuleContext, name: string): ParserRuleContext[] {
  return children(n).filter((c): c is ParserRuleContext => isRule(c) && ruleName(p, c) === name);
}

export function childRule(p: ParsedCypher, n: ParserRuleContext, name: string): ParserRuleContext | undefined {
  return childRules(p, n, name)[0];
}

/** Terminal children with this symbolic token name (LPAREN, WHERE, ...). */
export function childTokens(p: ParsedCypher, n: ParserRuleContext, name: string): Token[] {
  return children(n).filter(isTerminal).map((c) => c.symbol).filter((t) => p.symbolicName(t) === name);
}

/** Pre-order walk; `visit` returning false skips the subtree. */
export function walk(n: ParserRuleContext, visit: (c: ParserRuleContext) => boolean | void): void {
  if (visit(n) === false) return;
  for (const c of children(n)) if (isRule(c)) walk(c, visit);
}

export function descendants(p: ParsedCypher, n: ParserRuleContext, name: string, stopAt: (c: ParserRuleContext) => boolean = () => false): ParserRuleContext[] {
  const out: ParserRuleContext[] = [];
  for (const c of children(n)) {
    if (!isRule(c)) continue;
    if (ruleName(p, c) === name) out.push(c);
    if (!stopAt(c)) out.push(...descendants(p, c, name, stopAt));
  }
  return out;
}

/** Source text of a context (comments inside it included). */
export function sourceOf(p: ParsedCypher, n: ParserRuleContext): string {
  return p.text.slice(p.startOf(n.start!), p.endOf(n.stop!));
}

/** A symbolic name as Cypher reads it: backticks removed, doubled backticks undone. */
export function nameOf(p: ParsedCypher, n: ParserRuleContext): string {
  const s = sourceOf(p, n).trim();
  if (s.startsWith('`') && s.endsWith('`') && s.length >= 2) return s.slice(1, -1).replace(/``/g, '`');
  return s;
}

/** Dotted name (functions, procedures): each part unquoted, joined by dots. */
export function qualifiedName(p: ParsedCypher, nameCtx: ParserRuleContext): string {
  const parts: string[] = [];
  walk(nameCtx, (c) => {
    if (ruleName(p, c) === 'symbolicNameString') { parts.push(nameOf(p, c)); return false; }
    return true;
  });
  return parts.join('.');
}
