import { run, type Db, type Query, type Row, type Tx } from '../db/db.js';
import { DomainError, invalid } from '../domain/errors.js';
import { gradeStrength, minimumStrength } from '../domain/grading.js';
import { isEntityType, isLinkType, LINK_TYPE_NAMES, LINK_TYPES } from '../domain/model.js';
import { decide, hiddenFilter, visibleFilter, type Viewer } from '../domain/policy.js';
import { decodeCursor, encodeCursor, entitiesById } from './entities.js';
import type { RawEdge, RawRecord } from './slice.js';

/**
 * Link analysis over the graph: expansion, neighbour paging of supernodes, shortest / all paths,
 * "connect these", timelines and the induced sub-network for metrics.
 *
 * Every statement is a value `{ text, params }` built by a small function below. User input only
 * ever travels as parameters; the few numbers Cypher cannot take as parameters (path quantifiers,
 * SHORTEST k) are validated integers. Hidden records are excluded inside the Cypher (hiddenFilter),
 * so caps, counts and pages never count them; callers pass every record through the policy again
 * (buildSlice) before anything is returned.
 */

export const TRAVERSAL_LIMITS = {
  seeds: 500,
  expandHops: 3,
  pathHops: 8,
  k: 10,
  allPaths: 200,
  connect: 20,
  page: 500,
  timeline: 2000,
  metricsNodes: 10_000,
  metricsEdges: 100_000,
} as const;

/**
 * Links that describe administration or collection rather than a connection between people,
 * places and things. Paths and "connect these" do not run through them: every two records of an
 * area are otherwise "linked" through the area, every two reports through their agency.
 */
export const STRUCTURAL_LINK_TYPES = [
  'LOCATED_IN', 'PART_OF', 'RESPONSIBLE_FOR', 'OPERATES_IN', 'ORIGINATED_BY', 'FROM_SOURCE',
  'SUPPORTS', 'ASKS', 'CONCERNS', 'ANSWERS', 'PLANS_FOR',
] as const;
export const PATH_LINK_TYPES: string[] = LINK_TYPE_NAMES.filter((t) => !(STRUCTURAL_LINK_TYPES as readonly string[]).includes(t));

/** Bucket names for what a viewer may only see as a stub (matching the redacted slice). */
export const RESTRICTED_LINK = 'RESTRICTED';
export const RESTRICTED_ENTITY = 'Restricted';

// ---------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------

export interface TraversalFilterInput {
  entityTypes?: string[] | null;
  linkTypes?: string[] | null;
  from?: string | null;
  to?: string | null;
  minGrade?: string | null;
  excludeRestricted?: boolean | null;
}

/** A validated filter. Content filters (types, grade, dates) can only be met by what the viewer may see. */
export interface TraversalFilter {
  entityTypes?: string[];
  linkTypes?: string[];
  from?: string;
  to?: string;
  minStrength?: number;
  excludeRestricted?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateArg(field: string, v: string | null | undefined): string | undefined {
  if (v === undefined || v === null || v.trim() === '') return undefined;
  const s = v.trim().slice(0, 10);
  if (!DATE.test(s) || Number.isNaN(Date.parse(s))) throw invalid(field, `${field} must be a date as YYYY-MM-DD, not ${JSON.stringify(v)}`);
  return s;
}

export function traversalFilter(input: TraversalFilterInput | null | undefined): TraversalFilter {
  const f: TraversalFilter = {};
  if (!input) return f;
  if (input.entityTypes?.length) {
    for (const t of input.entityTypes) if (!isEntityType(t)) throw invalid('entityTypes', `Unknown entity type ${JSON.stringify(t)}`);
    f.entityTypes = [...new Set(input.entityTypes)];
  }
  if (input.linkTypes?.length) {
    for (const t of input.linkTypes) if (!isLinkType(t)) throw invalid('linkTypes', `Unknown link type ${JSON.stringify(t)}`);
    f.linkTypes = [...new Set(input.linkTypes)];
  }
  f.from = dateArg('from', input.from);
  f.to = dateArg('to', input.to);
  if (f.from && f.to && f.from > f.to) throw invalid('to', 'The end of the date range is before its start');
  if (input.minGrade) f.minStrength = minimumStrength(input.minGrade);
  if (input.excludeRestricted) f.excludeRestricted = true;
  for (const k of Object.keys(f) as (keyof TraversalFilter)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** Joins predicate parts with AND, merging their parameters. */
function all(parts: (Query | string | false | undefined)[]): Query {
  const texts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const p of parts) {
    if (!p) continue;
    if (typeof p === 'string') texts.push(p);
    else { texts.push(p.text); Object.assign(params, p.params); }
  }
  return { text: texts.join(' AND '), params };
}

/**
 * The policy's predicates, each wrapped in coalesce: the planner then treats it as one opaque test
 * (rather than normalising the whole WHERE clause into a product of its parts, which made planning
 * take seconds), and an unknown answer counts as hidden / not visible.
 */
export function hidden(viewer: Viewer, a: string): Query {
  const h = hiddenFilter(viewer, a);
  return { text: `coalesce(${h.text}, true)`, params: h.params };
}
export function visible(viewer: Viewer, a: string): Query {
  const v = visibleFilter(viewer, a);
  return { text: `coalesce(${v.text}, false)`, params: v.params };
}

const notArchived = (a: string) => `NOT coalesce(${a}.archived,false)`;
const notHidden = (viewer: Viewer, a: string): Query => {
  const h = hidden(viewer, a);
  return { text: `NOT ${h.text}`, params: h.params };
};

function dateBounds(expr: string, f: TraversalFilter): string {
  return [f.from && `${expr} >= $f_from`, f.to && `${expr} <= $f_to`].filter(Boolean).join(' AND ');
}

function dateParams(f: TraversalFilter): Record<string, unknown> {
  return { ...(f.from ? { f_from: f.from } : {}), ...(f.to ? { f_to: f.to } : {}) };
}

/** The date a dated record (report or event) is about. */
const recordDate = (a: string) => `coalesce(${a}.eventDate, ${a}.date, left(${a}.recordedAt, 10))`;

/**
 * Which entities a traversal may step onto. Restricted records meet no content filter: a stub
 * cannot be shown to be of a type, so a type filter drops stubs; dates apply to visible reports
 * and events only (a stub is as undated as any undated record, so it is kept).
 */
export function nodePredicate(viewer: Viewer, a: string, f: TraversalFilter): Query {
  const vis = visible(viewer, a);
  return all([
    notArchived(a),
    notHidden(viewer, a),
    (f.excludeRestricted || !!f.entityTypes) && vis,
    f.entityTypes && { text: `${a}.type IN $f_entityTypes`, params: { f_entityTypes: f.entityTypes } },
    (f.from || f.to) && {
      text: `(NOT ${vis.text} OR NOT ${a}.type IN ['IntelligenceReport', 'Event'] OR ${recordDate(a)} IS NULL OR (${dateBounds(recordDate(a), f)}))`,
      params: { ...vis.params, ...dateParams(f) },
    },
  ]);
}

/**
 * Which links a traversal may cross. A link's dates are its period when it has one, else the
 * dates of the supporting reports the viewer may see; a link with neither is kept (nothing places
 * it outside the range). A minimum grade is met only by the strength the viewer is shown (`viewerStrength`).
 */
export function linkPredicate(viewer: Viewer, r: string, f: TraversalFilter): Query {
  const vis = visible(viewer, r);
  const dated = () => {
    const repVis = visible(viewer, 'rep');
    const repDate = `coalesce(rep.eventDate, left(rep.recordedAt, 10))`;
    const reports = `MATCH (rep:Entity) WHERE rep.id IN coalesce(${r}.reportIds, []) AND rep:IntelligenceReport AND ${repVis.text}`;
    const overlap = [f.from && `coalesce(${r}.to, '9999-12-31') >= $f_from`, f.to && `coalesce(${r}.from, '0000-01-01') <= $f_to`].filter(Boolean).join(' AND ');
    return {
      text:
        `(NOT ${vis.text} OR CASE WHEN ${r}.from IS NOT NULL OR ${r}.to IS NOT NULL THEN ${overlap} ` +
        `ELSE (NOT EXISTS { ${reports} AND ${repDate} IS NOT NULL } OR EXISTS { ${reports} AND ${dateBounds(repDate, f)} }) END)`,
      params: { ...vis.params, ...repVis.params, ...dateParams(f) },
    };
  };
  return all([
    notArchived(r),
    notHidden(viewer, r),
    (f.excludeRestricted || !!f.linkTypes || f.minStrength !== undefined) && vis,
    f.linkTypes && { text: `type(${r}) IN $f_linkTypes`, params: { f_linkTypes: f.linkTypes } },
    f.minStrength !== undefined && (() => {
      const vs = viewerStrength(viewer, r);
      return { text: `coalesce(${vs.text} >= $f_minStrength, false)`, params: { ...vs.params, f_minStrength: f.minStrength } };
    })(),
    (f.from || f.to) && dated(),
  ]);
}

const GRADE_WEIGHTS: Record<string, number> = Object.fromEntries(
  (['1', '2', '3'] as const).flatMap((s) => (['A', 'B', 'C', 'D', 'E'] as const).map((a) => [`${s}${a}`, gradeStrength({ sourceEvaluation: s, intelAssessment: a })])),
);

/**
 * A link's strength as this viewer may know it, as a Cypher expression: `slice.supportFor` over the
 * link's `reportMarks` (reports the viewer may not see in full do not weigh), never the stored
 * strength computed from all reports. Each mark is `JSON.stringify({g, s, c, a, k, n})`: quotes
 * inside its values are escaped, so each separator split on below occurs exactly once. Sources
 * combine as in `grading.linkStrength`, in the same order, so the figure is the one the API shows.
 */
export function viewerStrength(viewer: Viewer, r: string): Query {
  const v = visibleFilter(viewer, 'mk');
  const x = `${r}.reportMarks[i]`;
  const tail = `split(${x}, ',"c":"')[1]`;
  const rest = `split(${tail}, '","a":"')[1]`;
  const rest2 = `split(${rest}, '","k":')[1]`;
  const k = `split(${rest2}, ',"n":')[0]`;
  const mark =
    `{i: i, g: substring(${x}, 6, 2), s: substring(split(${x}, ',"c":"')[0], 13), classification: split(${tail}, '","a":"')[0], ` +
    `agency: split(${rest}, '","k":')[0], compartments: CASE WHEN ${k} = '[]' THEN [] ELSE split(substring(${k}, 2, size(${k}) - 4), '","') END, ` +
    `nfd: split(${rest2}, ',"n":')[1] STARTS WITH 'true'}`;
  const weighed = `[mk IN [i IN range(0, size(${r}.reportMarks) - 1) | ${mark}] WHERE coalesce(${v.text}, false) | ` +
    `[CASE WHEN mk.s = 'null' THEN 'unknown-' + toString(mk.i) ELSE mk.s END, $vs_weights[mk.g]]]`;
  const combined =
    `[w IN [${weighed}] | CASE WHEN size(w) = 0 THEN null ELSE round((1 - reduce(miss = 1.0, src IN reduce(acc = [], p IN w | CASE WHEN p[0] IN acc THEN acc ELSE acc + [p[0]] END) | ` +
    `miss * (1 - reduce(b = 0.0, p IN w | CASE WHEN p[0] = src AND p[1] > b THEN p[1] ELSE b END)))) * 1000000) / 1000000 END][0]`;
  return {
    // Links written before marks were stored: only their own agency's viewers get the stored figure (as supportFor).
    text: `(CASE WHEN ${r}.reportMarks IS NULL THEN CASE WHEN ${r}.agency = $pv_agency THEN ${r}.strength END ELSE ${combined} END)`,
    params: { ...v.params, vs_weights: GRADE_WEIGHTS },
  };
}

/** Links paths may use: intelligence links only, optionally of a minimum grade. */
export function pathLinkPredicate(viewer: Viewer, r: string, minStrength: number | undefined): Query {
  return all([
    linkPredicate(viewer, r, minStrength === undefined ? {} : { minStrength }),
    { text: `type(${r}) IN $pathLinkTypes`, params: { pathLinkTypes: PATH_LINK_TYPES } },
  ]);
}

const edgeMap = (r: string, a = `startNode(${r})`, b = `endNode(${r})`) =>
  `{id: ${r}.id, type: type(${r}), source: ${a}.id, target: ${b}.id, props: properties(${r})}`;

// ---------------------------------------------------------------------------------------------
// Expansion
// ---------------------------------------------------------------------------------------------

const stepPattern = (lf: Query, nf: Query) => `MATCH (n)-[r]-(m:Entity) WHERE NOT m.id IN $visited AND ${lf.text} AND ${nf.text}`;

/**
 * One hop in one pass: for each frontier entity, its new neighbours (those the filters and the
 * policy let through), each with the strength of its strongest visible link (-1 when only
 * restricted links lead to it), strongest first, cut to `top`; how many it has in all; and how many
 * distinct new neighbours the whole frontier has. The fair share and the cap are applied by
 * `pickHop`. When the hop fits (`total <= top`) every candidate comes back read in full, so the hop
 * is one round trip; when it is capped, candidates come back as ids and `expand` reads the chosen
 * ones by id (a hop through a supernode otherwise shipped every frontier entity's top candidates
 * in full, several hundred kilobytes, to keep a few hundred).
 *
 * The first hop also reads the seeds (`seeds: true`): the frontier is then the ids asked for, each
 * returned in full unless hidden (or, with `excludeRestricted`, restricted), and only the seeds
 * the viewer sees in full are expanded. What lies beyond a stub is for its owner to share.
 */
export function expandStepQuery(viewer: Viewer, f: TraversalFilter, frontier: string[], visited: string[], top: number, seeds = false): Query {
  const lf = linkPredicate(viewer, 'r', f);
  const nf = nodePredicate(viewer, 'm', f);
  const vis = visible(viewer, 'r');
  const vs = viewerStrength(viewer, 'r');
  const seed = all([notHidden(viewer, 'n'), f.excludeRestricted && visible(viewer, 'n')]);
  const open = visible(viewer, 'n');
  const head = seeds
    ? [`UNWIND $frontier AS fid MATCH (n:Entity {id: fid}) WHERE ${seed.text}`, `WITH n, ${open.text} AS open`, 'CALL (n, open) {', '  WITH n WHERE open']
    : ['UNWIND $frontier AS fid MATCH (n:Entity {id: fid})', 'CALL (n) {'];
  return {
    text: [
      ...head,
      `  ${stepPattern(lf, nf)}`,
      `  WITH m, max(CASE WHEN ${vis.text} THEN coalesce(${vs.text}, 0) ELSE -1 END) AS best`,
      '  ORDER BY best DESC, m.id',
      '  RETURN collect([m, best]) AS cs',
      '}',
      `WITH collect({id: n.id, ${seeds ? 'seed: properties(n), ' : ''}cs: cs}) AS per`,
      'CALL (per) { UNWIND per AS p UNWIND p.cs AS c RETURN count(DISTINCT c[0]) AS total }',
      'UNWIND per AS p',
      `RETURN total, p.id AS id, ${seeds ? 'p.seed AS seed, ' : ''}size(p.cs) AS links, [c IN p.cs[0..$top] | [c[0].id, c[1], CASE WHEN total <= $top THEN properties(c[0]) END]] AS top`,
    ].join('\n'),
    params: { ...lf.params, ...nf.params, ...vis.params, ...vs.params, ...(seeds ? { ...seed.params, ...open.params } : {}), frontier, visited, top },
  };
}

export interface HopCandidates {
  id: string;
  links: number;
  /** [neighbour id, strongest visible link strength or -1, and (from the database) its record], strongest first, then by id. */
  top: [string, number, ...unknown[]][];
}

/**
 * Which neighbours a hop takes within its budget: everything when it fits; otherwise up to a fair
 * share from each frontier entity (a supernode cannot starve the others), strongest visible
 * evidence first, then by id, at most `budget` in all.
 */
export function pickHop(per: HopCandidates[], total: number, budget: number): string[] {
  const capped = total > budget;
  const perNode = capped ? fairShare(per.map((p) => p.links), budget) : Infinity;
  const best = new Map<string, number>();
  for (const p of per) {
    for (const [id, strength] of p.top.slice(0, perNode)) best.set(id, Math.max(strength, best.get(id) ?? -Infinity));
  }
  return [...best]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.min(budget, total))
    .map(([id]) => id);
}

/** The links among a set that pass a filter, counted in full and returned up to a cap (the first in id order). */
export function linksAmongQuery(viewer: Viewer, f: TraversalFilter, ids: string[], edgeLimit: number): Query {
  const lf = linkPredicate(viewer, 'r', f);
  return {
    text:
      `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids AND ${lf.text}\n` +
      // In id order before the cap: storage order follows how records were written, hidden ones included.
      `WITH a, r, b ORDER BY r.id\n` +
      `WITH collect(${edgeMap('r', 'a', 'b')}) AS es\n` +
      `RETURN size(es) AS total, es[0..$edgeLimit] AS edges`,
    params: { ...lf.params, ids, edgeLimit },
  };
}

/**
 * The per-entity share of a budget: the largest level L such that taking min(count, L) from each
 * entity fits (water-filling), plus one when that leaves part of the budget unused (the overall
 * LIMIT cuts the excess). A supernode cannot starve the other entities of a hop.
 */
export function fairShare(counts: number[], budget: number): number {
  const max = Math.max(0, ...counts);
  if (budget <= 0 || max === 0) return 1;
  const used = (level: number) => counts.reduce((s, c) => s + Math.min(c, level), 0);
  if (used(max) <= budget) return max;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (used(mid) <= budget) lo = mid; else hi = mid - 1;
  }
  return Math.max(1, used(lo) < budget ? Math.min(max, lo + 1) : lo);
}

export interface RawSlice {
  nodes: RawRecord[];
  edges: RawEdge[];
  truncated: boolean;
  omitted: number;
}

const isVisible = (viewer: Viewer, r: Record<string, unknown>) => {
  const a = decide(viewer, r as never);
  return a === 'full' || a === 'shared';
};

/**
 * Breadth-first expansion, one hop at a time, each hop one pass over its candidates (the first
 * also reads the seeds). Restricted records are shown as stubs but not expanded: what lies beyond
 * them is for their owner to share. When the node cap is reached, `omitted` counts the neighbours
 * of that hop that were left out (what lies beyond them is not explored).
 *
 * Each statement is its own auto-commit read, one round trip each: Neo4j reads are read-committed
 * inside a transaction as well, so a transaction would add BEGIN and COMMIT, not consistency.
 */
export async function expand(db: Db, viewer: Viewer, ids: string[], hops: number, f: TraversalFilter, limit: number): Promise<RawSlice> {
  const nodes = new Map<string, RawRecord>();
  let frontier = [...new Set(ids)];
  let truncated = false;
  let omitted = 0;
  for (let hop = 1; hop <= hops && frontier.length; hop++) {
    const first = hop === 1;
    const rows = await db.read(expandStepQuery(viewer, f, frontier, first ? frontier : [...nodes.keys()], Math.max(1, limit - nodes.size), first));
    if (first) for (const r of rows) nodes.set((r.seed as RawRecord).id, r.seed as RawRecord);
    const budget = limit - nodes.size;
    const total = (rows[0]?.total as number | undefined) ?? 0;
    if (!total) break;
    if (budget <= 0) { truncated = true; omitted += total; break; }
    const per = rows.map((r) => ({ id: r.id as string, links: r.links as number, top: r.top as [string, number, RawRecord | null][] }));
    const records = new Map<string, RawRecord>();
    for (const p of per) for (const [id, , rec] of p.top) if (rec) records.set(id, rec);
    const chosen = pickHop(per, total, budget);
    const unread = chosen.filter((id) => !records.has(id));
    if (unread.length) for (const r of await entitiesById(db, unread)) records.set(r.id, r);
    // A record removed between the two reads is simply not found.
    const found = chosen.map((id) => records.get(id)).filter((r): r is RawRecord => !!r);
    for (const m of found) nodes.set(m.id, m);
    if (total > budget) { truncated = true; omitted += total - found.length; break; }
    frontier = found.filter((m) => isVisible(viewer, m)).map((m) => m.id);
  }
  if (!nodes.size) return { nodes: [], edges: [], truncated, omitted };
  const edgeLimit = limit * 4;
  const [among] = await db.read(linksAmongQuery(viewer, f, [...nodes.keys()], edgeLimit));
  const edgeTotal = (among?.total as number) ?? 0;
  if (edgeTotal > edgeLimit) { truncated = true; omitted += edgeTotal - edgeLimit; }
  return { nodes: [...nodes.values()], edges: (among?.edges as RawEdge[]) ?? [], truncated, omitted };
}

// ---------------------------------------------------------------------------------------------
// Neighbour paging (supernodes)
// ---------------------------------------------------------------------------------------------

export interface NeighbourFilter {
  linkType?: string;
  entityType?: string;
}

export function neighbourFilter(linkType: string | null | undefined, entityType: string | null | undefined): NeighbourFilter {
  const out: NeighbourFilter = {};
  if (linkType) {
    if (!isLinkType(linkType) && linkType !== RESTRICTED_LINK) throw invalid('linkType', `Unknown link type ${JSON.stringify(linkType)}`);
    out.linkType = linkType;
  }
  if (entityType) {
    if (!isEntityType(entityType) && entityType !== RESTRICTED_ENTITY) throw invalid('entityType', `Unknown entity type ${JSON.stringify(entityType)}`);
    out.entityType = entityType;
  }
  return out;
}

/** The type a viewer is shown for a link / an entity: its own, or the restricted bucket. */
function buckets(viewer: Viewer): { link: Query; entity: Query } {
  const vr = visible(viewer, 'r');
  const vm = visible(viewer, 'm');
  return {
    link: { text: `CASE WHEN ${vr.text} THEN type(r) ELSE '${RESTRICTED_LINK}' END`, params: vr.params },
    entity: { text: `CASE WHEN ${vm.text} THEN m.type ELSE '${RESTRICTED_ENTITY}' END`, params: vm.params },
  };
}

function neighbourMatch(viewer: Viewer, nf: NeighbourFilter): Query {
  const b = buckets(viewer);
  return all([
    `MATCH (n:Entity {id: $id})-[r]-(m:Entity) WHERE ${notArchived('r')} AND ${notArchived('m')}`,
    notHidden(viewer, 'r'),
    notHidden(viewer, 'm'),
    nf.linkType && { text: `${b.link.text} = $linkType`, params: { ...b.link.params, linkType: nf.linkType } },
    nf.entityType && { text: `${b.entity.text} = $entityType`, params: { ...b.entity.params, entityType: nf.entityType } },
  ]);
}

/** Links of one entity per (link type, entity type), without fetching any of them. */
export function neighbourCountsQuery(viewer: Viewer, id: string, nf: NeighbourFilter): Query {
  const m = neighbourMatch(viewer, nf);
  const b = buckets(viewer);
  return {
    text: `${m.text}\nRETURN ${b.link.text} AS linkType, ${b.entity.text} AS entityType, count(*) AS count ORDER BY linkType, entityType`,
    params: { ...m.params, ...b.link.params, ...b.entity.params, id },
  };
}

/**
 * One page of distinct neighbours with the links to each. Entities the viewer may see come first,
 * by id, with a keyset cursor on that id; stubs follow, paged by offset only, so no cursor ever
 * carries (or can be used to probe) the id of a restricted record.
 */
export function neighbourPageQuery(viewer: Viewer, id: string, nf: NeighbourFilter, section: 'visible' | 'restricted', after: string | number, limit: number): Query {
  const m = neighbourMatch(viewer, nf);
  const vm = visible(viewer, 'm');
  const link = nf.linkType ? buckets(viewer).link : undefined;
  const rels = all([notArchived('r'), notHidden(viewer, 'r'), link && { text: `${link.text} = $linkType`, params: link.params }]);
  const page = section === 'visible'
    ? `AND ${vm.text} AND m.id > $after\nWITH DISTINCT n, m ORDER BY m.id LIMIT $limit`
    : `AND NOT ${vm.text}\nWITH DISTINCT n, m ORDER BY m.id SKIP $skip LIMIT $limit`;
  return {
    text:
      `${m.text} ${page}\n` +
      `CALL (n, m) { MATCH (n)-[r]-(m) WHERE ${rels.text} RETURN collect(${edgeMap('r')}) AS rels }\n` +
      `RETURN properties(m) AS m, rels`,
    params: {
      ...m.params, ...vm.params, ...rels.params, id, limit,
      ...(nf.linkType ? { linkType: nf.linkType } : {}),
      ...(section === 'visible' ? { after: String(after) } : { skip: Number(after) }),
    },
  };
}

export interface NeighbourPageRaw {
  centre: RawRecord;
  counts: { linkType: string; entityType: string; count: number }[];
  nodes: RawRecord[];
  edges: RawEdge[];
  endCursor?: string;
  hasNextPage: boolean;
}

export async function neighbourPage(db: Db, viewer: Viewer, id: string, nf: NeighbourFilter, first: number, after: string | undefined): Promise<NeighbourPageRaw | undefined> {
  let section: 'visible' | 'restricted' = 'visible';
  let position: string | number = '';
  if (after) {
    const [kind, value] = decodeCursor(after);
    if (kind === 'v') position = value;
    else if (kind === 's' && /^\d{1,9}$/.test(value)) { section = 'restricted'; position = Number(value); }
    else throw invalid('after', 'Invalid cursor');
  }
  const wantVisible = nf.entityType !== RESTRICTED_ENTITY;
  const wantStubs = nf.entityType === undefined || nf.entityType === RESTRICTED_ENTITY;
  return db.readTx(async (tx) => {
    const [centreRow] = await run(tx, { text: 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS n', params: { id } });
    const centre = centreRow?.n as RawRecord | undefined;
    if (!centre || !isVisible(viewer, centre)) return undefined;
    const counts = (await run(tx, neighbourCountsQuery(viewer, id, nf))) as unknown as NeighbourPageRaw['counts'];
    const rows: Row[] = [];
    let endCursor = after;
    let hasNextPage = false;
    if (section === 'visible' && wantVisible) {
      const got = await run(tx, neighbourPageQuery(viewer, id, nf, 'visible', position, first + 1));
      rows.push(...got.slice(0, first));
      hasNextPage = got.length > first;
      const last = rows[rows.length - 1];
      if (last) endCursor = encodeCursor('v', (last.m as RawRecord).id);
    }
    if (section === 'visible' && !hasNextPage) { section = 'restricted'; position = 0; }
    if (section === 'restricted' && !hasNextPage && wantStubs) {
      const want = first - rows.length;
      const got = await run(tx, neighbourPageQuery(viewer, id, nf, 'restricted', position, want + 1));
      const taken = got.slice(0, want);
      rows.push(...taken);
      hasNextPage = got.length > want;
      if (taken.length || hasNextPage) endCursor = encodeCursor('s', String((position as number) + taken.length));
    }
    const nodes = [centre, ...rows.map((r) => r.m as RawRecord)];
    const edges = rows.flatMap((r) => r.rels as RawEdge[]);
    return { centre, counts, nodes, edges, endCursor, hasNextPage };
  });
}

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

export interface RawPath {
  nodes: RawRecord[];
  edges: RawEdge[];
}

export function pathHops(field: string, v: number, max: number = TRAVERSAL_LIMITS.pathHops): number {
  if (!Number.isInteger(v) || v < 1 || v > max) throw invalid(field, `${field} must be 1 to ${max}`);
  return v;
}

/** No entity twice on a path (SHORTEST k alone would also return walks through a cycle). */
const SIMPLE_PATH = 'all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])';

function pathPattern(viewer: Viewer, maxHops: number, minStrength: number | undefined): Query {
  const lf = pathLinkPredicate(viewer, 'r', minStrength);
  const nf = all([notArchived('y'), notHidden(viewer, 'y')]);
  return {
    text: `(a)((x)-[r WHERE ${lf.text}]-(y:Entity WHERE ${nf.text})){1,${pathHops('maxHops', maxHops)}}(b)`,
    params: { ...lf.params, ...nf.params },
  };
}

const pathReturn =
  `RETURN [n IN nodes(p) | properties(n)] AS nodes, ` +
  `[rel IN relationships(p) | {id: rel.id, type: type(rel), source: startNode(rel).id, target: endNode(rel).id, props: properties(rel)}] AS rels`;

/**
 * The `count` shortest simple paths (by number of links) between two entities, through no hidden
 * record, over intelligence links of at least the given strength.
 */
export function pathsQuery(viewer: Viewer, from: string, to: string, maxHops: number, count: number, minStrength: number | undefined): Query {
  if (!Number.isInteger(count) || count < 1 || count > TRAVERSAL_LIMITS.allPaths + 1) throw invalid('k', 'Too many paths asked for');
  const pat = pathPattern(viewer, maxHops, minStrength);
  const selector = count === 1 ? `SHORTEST 1 (p = ${pat.text})` : `SHORTEST ${count} (p = ${pat.text} WHERE ${SIMPLE_PATH})`;
  return {
    text: `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})\nMATCH ${selector}\n${pathReturn}\nORDER BY length(p)`,
    params: { ...pat.params, from, to },
  };
}

/** One shortest path for each pair (the metric closure "connect these" builds on). */
export function pairPathsQuery(viewer: Viewer, pairs: [string, string][], maxHops: number, minStrength: number | undefined): Query {
  const pat = pathPattern(viewer, maxHops, minStrength);
  return {
    text:
      `UNWIND $pairs AS pair MATCH (a:Entity {id: pair[0]}) MATCH (b:Entity {id: pair[1]})\n` +
      `CALL (a, b) { MATCH p = SHORTEST 1 ${pat.text} RETURN p }\n` +
      `${pathReturn.replace('RETURN ', 'RETURN pair[0] AS from, pair[1] AS to, ')}`,
    params: { ...pat.params, pairs },
  };
}

const toPath = (r: Row): RawPath => ({ nodes: r.nodes as RawRecord[], edges: r.rels as RawEdge[] });

/** Endpoints of a path question must be entities the viewer may see: unknown, hidden and restricted read the same. */
export async function visibleEndpoints(db: Db, viewer: Viewer, ids: string[], field = 'ids'): Promise<Map<string, RawRecord>> {
  const rows = await db.read({ text: 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', params: { ids } });
  const out = new Map<string, RawRecord>();
  for (const r of rows) {
    const n = r.n as RawRecord;
    if (isVisible(viewer, n) && !n.archived) out.set(n.id, n);
  }
  for (const id of ids) if (!out.has(id)) throw new DomainError('NOT_FOUND', `Entity ${JSON.stringify(id)} was not found`, field);
  return out;
}

export async function findPaths(db: Db, viewer: Viewer, from: string, to: string, maxHops: number, count: number, minStrength: number | undefined): Promise<RawPath[]> {
  if (from === to) throw invalid('to', 'A path needs two different entities');
  const rows = await db.read(pathsQuery(viewer, from, to, maxHops, count, minStrength));
  return rows.map(toPath);
}

export async function pairPaths(db: Db, viewer: Viewer, ids: string[], maxHops: number, minStrength: number | undefined): Promise<{ from: string; to: string; path: RawPath }[]> {
  const pairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  if (!pairs.length) return [];
  const rows = await db.read(pairPathsQuery(viewer, pairs, maxHops, minStrength));
  return rows.map((r) => ({ from: r.from as string, to: r.to as string, path: toPath(r) }));
}

/**
 * Steiner tree approximation (Kou, Markowsky and Berman): a minimum spanning tree over the metric
 * closure of the terminals (pairwise shortest path lengths), expanded into its paths, then a
 * spanning tree of that union with non-terminal leaves pruned. Returns the edges kept.
 */
export function steinerEdges(terminals: string[], paths: { from: string; to: string; path: { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] } }[]): Set<string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent.set(ra, rb);
    return true;
  };
  for (const t of terminals) parent.set(t, t);
  const closure = [...paths].sort((x, y) => x.path.edges.length - y.path.edges.length || `${x.from}|${x.to}`.localeCompare(`${y.from}|${y.to}`));
  const unionEdges = new Map<string, { id: string; source: string; target: string }>();
  for (const c of closure) {
    if (!union(c.from, c.to)) continue;
    for (const e of c.path.edges) unionEdges.set(e.id, e);
  }
  // Spanning forest of the union (the paths may overlap into cycles).
  parent.clear();
  const tree: { id: string; source: string; target: string }[] = [];
  for (const e of unionEdges.values()) {
    for (const v of [e.source, e.target]) if (!parent.has(v)) parent.set(v, v);
    if (union(e.source, e.target)) tree.push(e);
  }
  // Prune leaves that are not terminals, repeatedly.
  const keep = new Set(terminals);
  let edges = tree;
  for (;;) {
    const degree = new Map<string, number>();
    for (const e of edges) for (const v of [e.source, e.target]) degree.set(v, (degree.get(v) ?? 0) + 1);
    const next = edges.filter((e) => !((degree.get(e.source) === 1 && !keep.has(e.source)) || (degree.get(e.target) === 1 && !keep.has(e.target))));
    if (next.length === edges.length) break;
    edges = next;
  }
  return new Set(edges.map((e) => e.id));
}

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export interface RawTimelineItem {
  kind: 'report' | 'event' | 'link';
  item: Record<string, unknown> & { id: string };
  type: string;
  date: string | null;
  grade: string | null;
  entityIds: string[];
  ends?: { source: string; target: string; sourceLabel: string; targetLabel: string };
}

/**
 * Reports mentioning, events involving and dated links of these entities, each only when the
 * viewer may see it in full or as a shared copy (a stub says nothing on a timeline). Undated items
 * come last, and only when no date range is given.
 */
export function timelineQuery(viewer: Viewer, ids: string[], from: string | undefined, to: string | undefined, limit: number): Query {
  const v = (a: string) => visible(viewer, a);
  const ok = (a: string) => `${notArchived(a)} AND ${v(a).text}`;
  const f: TraversalFilter = { from, to };
  const range = from || to ? `WHERE date IS NOT NULL AND ${dateBounds('date', f)}` : '';
  return {
    text:
      `UNWIND $ids AS id MATCH (e:Entity {id: id}) WHERE ${ok('e')}\n` +
      `CALL (e) {\n` +
      `  MATCH (rep:IntelligenceReport)-[l:MENTIONS]->(e) WHERE ${ok('l')} AND ${ok('rep')}\n` +
      `  RETURN 'report' AS kind, rep AS item, rep.type AS type, ${recordDate('rep')} AS date, rep.sourceEvaluation + rep.intelAssessment AS grade, null AS other, null AS ends\n` +
      `  UNION\n` +
      `  MATCH (e)-[l:INVOLVED_IN]->(ev:Event) WHERE ${ok('l')} AND ${ok('ev')}\n` +
      `  RETURN 'event' AS kind, ev AS item, ev.type AS type, ${recordDate('ev')} AS date, null AS grade, null AS other, null AS ends\n` +
      `  UNION\n` +
      `  MATCH (e)-[l]-(o:Entity) WHERE l.from IS NOT NULL AND NOT type(l) IN ['MENTIONS', 'INVOLVED_IN'] AND ${ok('l')} AND ${ok('o')}\n` +
      `  RETURN 'link' AS kind, l AS item, type(l) AS type, l.from AS date, null AS grade, o.id AS other,\n` +
      `    {source: startNode(l).id, target: endNode(l).id, sourceLabel: startNode(l).label, targetLabel: endNode(l).label} AS ends\n` +
      `}\n` +
      `WITH kind, item, type, date, grade, ends, collect(DISTINCT e.id) + collect(DISTINCT other) AS entityIds ${range}\n` +
      `RETURN kind, properties(item) AS item, type, date, grade, ends, entityIds\n` +
      `ORDER BY date IS NULL, date, item.id LIMIT $limit`,
    params: { ...v('e').params, ids, limit, ...dateParams(f) },
  };
}

export async function timeline(db: Db, viewer: Viewer, ids: string[], from: string | undefined, to: string | undefined, limit: number): Promise<RawTimelineItem[]> {
  const rows = await db.read(timelineQuery(viewer, ids, from, to, limit));
  return rows.map((r) => ({ ...(r as unknown as RawTimelineItem), entityIds: [...new Set(r.entityIds as string[])] }));
}

export const linkTitle = (type: string) => (LINK_TYPES as Record<string, { title: string }>)[type]?.title ?? type;

// ---------------------------------------------------------------------------------------------
// Induced sub-network (metrics)
// ---------------------------------------------------------------------------------------------

export function subNetworkNodesQuery(viewer: Viewer, ids: string[]): Query {
  const h = notHidden(viewer, 'n');
  return { text: `UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE ${notArchived('n')} AND ${h.text} RETURN properties(n) AS n`, params: { ...h.params, ids } };
}

export function subNetworkEdgesQuery(viewer: Viewer, ids: string[], edgeLimit: number): Query {
  const lf = linkPredicate(viewer, 'r', {});
  return {
    text: `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids AND ${lf.text}\nRETURN ${edgeMap('r', 'a', 'b')} AS e LIMIT $edgeLimit`,
    params: { ...lf.params, ids, edgeLimit },
  };
}

export async function subNetwork(db: Db, viewer: Viewer, ids: string[]): Promise<{ nodes: RawRecord[]; edges: RawEdge[] }> {
  return db.readTx(async (tx: Tx) => {
    const nodes = (await run(tx, subNetworkNodesQuery(viewer, ids))).map((r) => r.n as RawRecord);
    const max = TRAVERSAL_LIMITS.metricsEdges;
    const edges = (await run(tx, subNetworkEdgesQuery(viewer, nodes.map((n) => n.id), max + 1))).map((r) => r.e as RawEdge);
    if (edges.length > max) throw new DomainError('LIMIT_EXCEEDED', `The network has more than ${max} links: choose fewer entities`, 'ids');
    return { nodes, edges };
  });
}
