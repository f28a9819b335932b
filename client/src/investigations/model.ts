/**
 * The investigations panel's data and pure helpers: GraphQL documents, the shapes they return,
 * parameter forms, cell text and CSV export. No React here, so it is testable on its own.
 */
import type { GraphSlice } from '../workspace/types.js';

export interface InvestigationsApi {
  request<T>(query: string, variables?: object): Promise<T>;
}

export type ParamType = 'int' | 'float' | 'string' | 'date' | 'bool' | 'list';
export const PARAM_TYPES: ParamType[] = ['string', 'int', 'float', 'date', 'bool', 'list'];

export interface ParamDef {
  name: string;
  type: ParamType;
  default?: unknown;
  description?: string | null;
}

export interface InvestigationVersion {
  version: number;
  name: string;
  cypher: string;
  savedBy: string;
  savedAt: string;
}

export interface Investigation {
  id: string;
  name: string;
  description: string;
  returns: 'graph' | 'table';
  columns: string[];
  params: ParamDef[];
  cypher: string;
  source: 'library' | 'own' | 'shared' | 'approved';
  owner?: string | null;
  version: number;
  approved: boolean;
  approvedBy?: string | null;
  sharedWith?: string[] | null;
  versions?: InvestigationVersion[] | null;
}

export interface InvestigationResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: GraphSlice;
  truncated: boolean;
  withheldColumns: string[];
  elapsedMs: number;
  guarded: boolean;
  queryHash: string;
}

export interface CypherSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  functions: string[];
  procedures: string[];
}

const INFO = 'id name description returns columns cypher source owner version approved approvedBy sharedWith params { name type default description }';
const SLICE = `graph { truncated omitted
  nodes { id type label restricted access heldBy contact props archived markings { classification handling handlingConditions handlingNotes agency compartments nfd } }
  edges { id source target type restricted strength reportCount props markings { classification handling handlingConditions handlingNotes agency compartments nfd } } }`;
const RESULT = `columns rows truncated withheldColumns elapsedMs guarded queryHash ${SLICE}`;

export const Q = {
  list: `query Investigations { investigations { ${INFO} } }`,
  one: `query Investigation($id: ID!) { investigation(id: $id) { ${INFO} versions { version name cypher savedBy savedAt } } }`,
  schema: 'query CypherSchema { cypherSchema { labels relationshipTypes propertyKeys functions procedures } }',
  run: `query RunInvestigation($id: ID!, $params: JSONObject) { runInvestigation(id: $id, params: $params) { ${RESULT} } }`,
  runCypher: `query RunCypher($cypher: String!, $params: JSONObject) { runCypher(cypher: $cypher, params: $params) { ${RESULT} } }`,
  save: `mutation SaveInvestigation($input: InvestigationInput!) { saveInvestigation(input: $input) { ${INFO} versions { version name cypher savedBy savedAt } } }`,
  share: `mutation ShareInvestigation($id: ID!, $usernames: [String!]!) { shareInvestigation(id: $id, usernames: $usernames) { ${INFO} } }`,
  approve: `mutation ApproveInvestigation($id: ID!) { approveInvestigation(id: $id) { ${INFO} } }`,
} as const;

export const SOURCE_TITLES: Record<Investigation['source'], string> = {
  library: 'Library',
  approved: 'Approved by principal analysts',
  own: 'My investigations',
  shared: 'Shared with me',
};

/** Form text for a parameter's default (how the user sees and edits it). */
export function defaultText(p: ParamDef): string {
  if (p.default === undefined || p.default === null) return '';
  if (Array.isArray(p.default)) return p.default.join(', ');
  return String(p.default);
}

export function initialValues(defs: ParamDef[]): Record<string, string> {
  return Object.fromEntries(defs.map((p) => [p.name, p.type === 'date' && p.default === 'today' ? new Date().toISOString().slice(0, 10) : defaultText(p)]));
}

/** Form values to the JSON the API expects; empty fields are left to the server's defaults. */
export function paramValues(defs: ParamDef[], values: Record<string, string>): { params: Record<string, unknown>; errors: Record<string, string> } {
  const params: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const p of defs) {
    const raw = (values[p.name] ?? '').trim();
    if (raw === '') {
      if (p.default === undefined || p.default === null) errors[p.name] = 'Required';
      continue;
    }
    switch (p.type) {
      case 'int':
        if (!/^-?\d+$/.test(raw)) errors[p.name] = 'A whole number';
        else params[p.name] = Number(raw);
        break;
      case 'float':
        if (!Number.isFinite(Number(raw))) errors[p.name] = 'A number';
        else params[p.name] = Number(raw);
        break;
      case 'bool':
        params[p.name] = raw === 'true';
        break;
      case 'list':
        params[p.name] = raw.split(',').map((x) => x.trim()).filter(Boolean);
        break;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) errors[p.name] = 'A date (YYYY-MM-DD)';
        else params[p.name] = raw;
        break;
      default:
        params[p.name] = raw;
    }
  }
  return { params, errors };
}

/** `$names` used in a query (outside strings and comments), for free-form parameter forms. */
export function queryParams(text: string): string[] {
  const stripped = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, ' ');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) if (!m[1]!.startsWith('pv_')) names.add(m[1]!);
  return [...names];
}

/** Keeps declared types for names still used and adds new names as text parameters. */
export function reconcileParams(current: ParamDef[], text: string): ParamDef[] {
  const used = queryParams(text);
  return used.map((name) => current.find((p) => p.name === name) ?? { name, type: 'string' as ParamType });
}

interface NodeRef { node: string; type: string; label: string }
interface EdgeRef { edge: string; type: string; source: string; target: string }
interface PathRef { path: { nodes: string[]; edges: string[] } }

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** How a result cell reads in the table and in CSV. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  if (isObj(v)) {
    if (typeof v.node === 'string') return (v as unknown as NodeRef).label || (v as unknown as NodeRef).node;
    if (typeof v.edge === 'string') return (v as unknown as EdgeRef).type;
    if (isObj(v.path)) return `path of ${(v as unknown as PathRef).path.edges.length} links`;
    return JSON.stringify(v);
  }
  return String(v);
}

function csvField(s: string): string {
  // Formula injection: a cell that a spreadsheet would run is prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(cellText(r[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The schema the Cypher editor completes from: model names plus the query's parameters. */
export function editorSchema(s: CypherSchema | undefined, params: string[]) {
  if (!s) return undefined;
  return {
    labels: s.labels.map((l) => `:${l}`),
    relationshipTypes: s.relationshipTypes.map((r) => `:${r}`),
    propertyKeys: s.propertyKeys,
    functions: s.functions.map((name) => ({ name, signature: '(...)' })),
    procedures: s.procedures.map((name) => ({ name, signature: '() :: (value :: STRING)', returnItems: [] })),
    parameters: params,
  };
}

export function errorText(e: unknown): string {
  const err = e as { message?: string; errors?: { message: string }[] };
  return err?.errors?.[0]?.message ?? err?.message ?? String(e);
}
