import {
  defaultFieldResolver, GraphQLError, Kind, visit,
  type GraphQLSchema, type OperationDefinitionNode, type TypeNode,
} from 'graphql';
import { requireViewer, type Ctx } from '../api/context.js';
import { appendAudit, cleanText, hashArg } from './trail.js';

/**
 * What one GraphQL request leaves in the trail, gathered while it runs:
 * - the root fields that executed, recorded by the resolvers themselves (after fragments, aliases
 *   and @skip/@include are resolved), never read off the document;
 * - the operation's declared variables only, each bounded, sensitive ones hashed, passwords never;
 * - for a mutation, a write-ahead `intent` event committed before its resolver runs.
 */
export interface RequestAudit {
  /** Root fields in the order they ran (aliases repeat a name). */
  executed: string[];
  /** The arguments recorded for this request (computed once, before execution). */
  args: Record<string, unknown>;
  /** Sequence numbers of the write-ahead events of this request's mutations. */
  intents: number[];
}

export const requestAudit = (ctx: Ctx): RequestAudit => ((ctx as Ctx & { audit?: RequestAudit }).audit ??= { executed: [], args: {}, intents: [] });

// Free text a caller types where a code is expected (a file kind, a delimiter, a mapping name) is kept only as a hash.
const SENSITIVE_ARG = /password|text|query|cypher|sanitised|justification|notes|^kind$|delimiter|^mapping$|^target$|reason|question|purpose|lawful|^label$/i;
const PASSWORD = /password|passwd|secret/i;
/** A variable holds record ids when its type is ID (or a list of IDs) or its name says so (recordId, keepId, ids). */
const ID_NAME = /^(ids?|.*[a-z0-9](Id|Ids))$/;

const LIMITS = {
  signedIn: { vars: 40, chars: 256, ids: 100 },
  anonymous: { vars: 8, chars: 128, ids: 10 },
};

function namedType(t: TypeNode): string {
  return t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type);
}

/** Variables that flow into any argument or input field named like a password, however nested. */
function passwordVariables(op: OperationDefinitionNode): Set<string> {
  const out = new Set<string>();
  const collect = (node: unknown) => visit(node as never, { Variable(v) { out.add(v.name.value); } });
  visit(op, {
    Argument(a) { if (PASSWORD.test(a.name.value)) collect(a.value); },
    ObjectField(f) { if (PASSWORD.test(f.name.value)) collect(f.value); },
  });
  return out;
}

/** Drops password-like keys at any depth before a value is hashed. */
function withoutPasswords(v: unknown, depth = 0): unknown {
  if (depth > 12 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => withoutPasswords(x, depth + 1));
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => !PASSWORD.test(k)).map(([k, x]) => [k, withoutPasswords(x, depth + 1)]));
}

/**
 * The operation's declared variables as the trail keeps them. Undeclared variables are ignored
 * (the operation cannot use them). Passwords are never kept; sensitive names and objects are
 * hashed; ids are kept (so readers can be shown them through the policy), up to a count; any other
 * value longer than the bound is replaced by its hash and length.
 */
export function declaredArgs(op: OperationDefinitionNode | undefined, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, anonymous: boolean): Record<string, unknown> {
  const lim = anonymous ? LIMITS.anonymous : LIMITS.signedIn;
  const out: Record<string, unknown> = { operationName: operationName == null ? null : cleanText(operationName, 64) };
  if (!op) return out;
  const secret = passwordVariables(op);
  const ids: string[] = [];
  const defs = op.variableDefinitions ?? [];
  const bound = (s: string) => (s.length > lim.chars ? `${hashArg(s)} (${s.length} characters)` : s);
  for (const def of defs.slice(0, lim.vars)) {
    const name = def.variable.name.value;
    if (secret.has(name) || PASSWORD.test(name)) continue; // never recorded, not even hashed
    if (!variables || !Object.prototype.hasOwnProperty.call(variables, name)) continue;
    const v = variables[name];
    const key = cleanText(name, 64);
    const idLike = namedType(def.type) === 'ID' || ID_NAME.test(name);
    if (idLike && (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))) {
      ids.push(key);
      if (typeof v === 'string') out[key] = v.length > 300 ? hashArg(v) : v;
      else out[key] = v.length > lim.ids ? hashArg(v) : (v as string[]).map((x) => (x.length > 300 ? hashArg(x) : x));
    } else if (SENSITIVE_ARG.test(name) || (typeof v === 'object' && v !== null)) {
      out[key] = hashArg(withoutPasswords(v));
    } else {
      out[key] = typeof v === 'string' ? bound(v) : v;
    }
  }
  if (defs.length > lim.vars) out['@more'] = defs.length - lim.vars;
  if (ids.length) out['@ids'] = ids;
  return out;
}

/** The top-level field names a document asks for: a label for a request that never executed. */
export function declaredRootFields(op: OperationDefinitionNode | undefined): string {
  const names = (op?.selectionSet.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind === Kind.INLINE_FRAGMENT ? '...' : `...${s.name.value}`));
  return names.filter((n) => !n.startsWith('__')).join(',') || 'introspection';
}

const instrumented = new WeakSet<GraphQLSchema>();

/**
 * Wraps every Query and Mutation field's resolver so the field records itself when it runs, and a
 * mutation commits its write-ahead event before its resolver may run (refused with a 503 when
 * that event cannot be written). `signIn` writes its own events (it knows the outcome and the
 * account) and is recorded as having run, nothing more.
 */
export function instrumentRootFields(schema: GraphQLSchema): void {
  if (instrumented.has(schema)) return;
  instrumented.add(schema);
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, ctx: Ctx, info) => {
        const audit = requestAudit(ctx);
        audit.executed.push(info.fieldName);
        if (kind === 'mutation' && info.fieldName !== 'signIn') {
          // Every mutation but signIn needs a user: refused here, before anything is written.
          const viewer = ctx.viewer ?? requireViewer(ctx);
          try {
            const e = await appendAudit(ctx.services.db, { actor: viewer.username, agency: viewer.agency, op: info.fieldName, outcome: 'intent', args: audit.args });
            audit.intents.push(e.seq);
          } catch (e) {
            if (!/unavailable/i.test(String((e as Error).message))) console.error('audit write failed', e);
            throw new GraphQLError('The database is unavailable; try again shortly.', { extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } } });
          }
        }
        return resolve(source, args, ctx, info);
      };
    }
  }
}

/**
 * A bound on what anonymous callers may write into the trail: so many events per address per
 * minute; beyond it a request is refused before it runs, and one event per address and minute says so.
 */
export class AnonymousAuditLimit {
  private windows = new Map<string, { start: number; count: number; told: boolean }>();

  constructor(private readonly perMinute: number, private readonly now = () => Date.now()) {}

  /** 'ok': audit as usual; 'first-refusal': refuse and write one event saying so; 'refuse': refuse silently. */
  take(address: string): 'ok' | 'first-refusal' | 'refuse' {
    const t = this.now();
    let w = this.windows.get(address);
    if (!w || t - w.start >= 60_000) {
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (t - v.start >= 60_000) this.windows.delete(k);
      w = { start: t, count: 0, told: false };
      this.windows.set(address, w);
    }
    if (++w.count <= this.perMinute) return 'ok';
    if (w.told) return 'refuse';
    w.told = true;
    return 'first-refusal';
  }
}
