/**
 * A small Cypher tokenizer: enough structure (identifiers, parameters, literals, punctuation, with
 * their offsets) for the safety checks and the visibility guard to reason about a query without
 * being fooled by strings, comments or quoted names. It is not a parser; the checks built on it are
 * written so that anything it misreads is refused rather than let through.
 */
export type TokenKind = 'ident' | 'param' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Source text of the token. */
  text: string;
  /** Identifier or parameter name with backtick quoting removed; punctuation as written. */
  value: string;
  start: number;
  end: number;
  /** A `backtick quoted` identifier (never a keyword). */
  quoted?: boolean;
}

export class LexError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const MULTI = ['..', '<=', '>=', '<>', '=~', '+=', '::', '!='];
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

/**
 * Tokens of `src`. Outside string literals, comments and backtick-quoted names only printable ASCII
 * is accepted: Neo4j reads several Unicode dashes and angle brackets as relationship arrows, and a
 * check that cannot see an arrow must not be shown one.
 */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  const push = (kind: TokenKind, start: number, end: number, value?: string, quoted?: boolean) => {
    const text = src.slice(start, end);
    out.push({ kind, text, value: value ?? text, start, end, ...(quoted ? { quoted } : {}) });
  };
  const readQuoted = (start: number): { end: number; value: string } => {
    // `name` with `` as an escaped backtick
    let j = start + 1;
    let value = '';
    for (;;) {
      if (j >= n) throw new LexError('Unterminated `quoted name`', start);
      if (src[j] === '`') {
        if (src[j + 1] === '`') { value += '`'; j += 2; continue; }
        return { end: j + 1, value };
      }
      value += src[j++];
    }
  };
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw new LexError('Unterminated /* comment', i);
      i = close + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new LexError('Unterminated string literal', i);
        if (src[j] === '\\') { j += 2; continue; }
        if (src[j] === c) break;
        j++;
      }
      push('string', i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const q = readQuoted(i);
      push('ident', i, q.end, q.value, true);
      i = q.end;
      continue;
    }
    if (c === '$') {
      let j = i + 1;
      if (src[j] === '`') {
        const q = readQuoted(j);
        push('param', i, q.end, q.value);
        i = q.end;
        continue;
      }
      while (j < n && IDENT_PART.test(src[j]!)) j++;
      // `$` alone starts a dynamic label or type, `$(expr)`
      push('param', i, j, src.slice(i + 1, j));
      i = j;
      continue;
    }
    const prev = out[out.length - 1];
    const afterValue = prev && (prev.kind === 'ident' || prev.kind === 'param' || prev.text === ')' || prev.text === ']' || prev.text === '}');
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? '') && !afterValue)) {
      let j = i;
      if (c === '0' && /[xXoO]/.test(src[i + 1] ?? '')) {
        j += 2;
        while (j < n && /[0-9A-Fa-f_]/.test(src[j]!)) j++;
      } else {
        while (j < n && /[0-9_]/.test(src[j]!)) j++;
        if (src[j] === '.' && /[0-9]/.test(src[j + 1] ?? '')) {
          j++;
          while (j < n && /[0-9_]/.test(src[j]!)) j++;
        }
        if (/[eE]/.test(src[j] ?? '') && /[0-9+-]/.test(src[j + 1] ?? '')) {
          j += 2;
          while (j < n && /[0-9]/.test(src[j]!)) j++;
        }
      }
      if (j < n && IDENT_START.test(src[j]!)) throw new LexError(`Malformed number near ${JSON.stringify(src.slice(i, j + 1))}`, i);
      push('number', i, j);
      i = j;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(src[j]!)) j++;
      push('ident', i, j);
      i = j;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code < 0x21 || code > 0x7e) {
      throw new LexError(`Unexpected character U+${code.toString(16).toUpperCase().padStart(4, '0')} (outside strings and comments only plain ASCII is accepted)`, i);
    }
    const two = src.slice(i, i + 2);
    if (MULTI.includes(two)) { push('punct', i, i + 2); i += 2; continue; }
    push('punct', i, i + 1);
    i++;
  }
  return out;
}

/** Upper-cased keyword text of an unquoted identifier token, or undefined. */
export const kw = (t: Token | undefined): string | undefined => (t && t.kind === 'ident' && !t.quoted ? t.value.toUpperCase() : undefined);
export const isPunct = (t: Token | undefined, p: string): boolean => !!t && t.kind === 'punct' && t.text === p;

/** Index of the matching closing bracket for every opening one; throws on imbalance. */
export function matchBrackets(tokens: Token[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const closeOf: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  tokens.forEach((t, i) => {
    if (t.kind !== 'punct') return;
    if (t.text in closeOf) stack.push(i);
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      const open = stack.pop();
      if (open === undefined || closeOf[tokens[open]!.text] !== t.text) throw new LexError(`Unbalanced ${JSON.stringify(t.text)}`, t.start);
      pairs.set(open, i);
    }
  });
  if (stack.length) throw new LexError(`Unclosed ${JSON.stringify(tokens[stack[stack.length - 1]!]!.text)}`, tokens[stack[stack.length - 1]!]!.start);
  return pairs;
}
