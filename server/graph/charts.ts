import { randomUUID } from 'node:crypto';
import { cypher, type Db } from '../db/db.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { stubId, type AgencyDirectory, type Viewer } from '../domain/policy.js';
import { redactEdge, redactNode, type GraphEdge, type GraphNode, type GraphSlice, type RawEdge, type RawRecord, type Seen } from './slice.js';

/**
 * Charts saved on the server. A chart keeps ids and layout (positions, pins, hidden items,
 * filters, time range), never intelligence content: opening one reads its entities again through
 * the policy, as the person opening it, so a colleague it is shared with sees exactly what their
 * own access allows — records they may not know of are dropped together with their positions, and
 * records they see only as "intelligence held" become stubs where the record was.
 *
 * Charts are shared only inside the owner's agency: a chart's name and shape are the owner's
 * work product, and passing them to a partner is a dissemination, with its own workflow.
 *
 * What a colleague is told about a chart shared with them depends only on what they may know:
 * the counts the owner saved (taken from the owner's view) and how many saved entities are
 * withheld are the owner's alone; a colleague's counts are those of the chart as they open it,
 * and the list gives them none. So the owner adding or removing records a colleague may not know
 * of changes nothing in that colleague's answers.
 */

export const MAX_CHART_IDS = 20_000;
export const MAX_LAYOUT_BYTES = 4_000_000;
const NAME_MAX = 200;

/** The layout document as the client sends it (version 1). Unknown keys are dropped. */
export interface ChartLayout {
  version: 1;
  entityIds: string[];
  positions: Record<string, { x: number; y: number }>;
  pinned: string[];
  hidden: string[];
  hiddenLinks: string[];
  /** Restricted markers the owner had on the chart (opaque ids; only ever returned to the owner). */
  stubs: Record<string, unknown>[];
  stubLinks: Record<string, unknown>[];
  filters: unknown;
  timeRange: unknown;
  /** How the owner organised the chart; null when it was not organised (or saved before this existed). */
  organise: ChartOrganise | null;
}

/**
 * Groups (combined items, collapsed OCGs), annotations and styling rules: the chart's own state,
 * never intelligence. Opened by anyone, a group keeps only the members that person is shown, and a
 * collapsed OCG the person may not see in full is left out with its label; notes and rules are the
 * owner's words and travel as written, like the chart's name.
 */
export interface ChartOrganise {
  groups: { id: string; kind: 'group' | 'ocg'; label: string; members: string[]; position: { x: number; y: number }; ocg?: string }[];
  annotations: { id: string; kind: 'note' | 'box' | 'area'; text: string; position: { x: number; y: number }; width: number; height: number; colour: string }[];
  rules: Record<string, unknown>[];
}

const MAX_ORGANISE_ITEMS = 500;
const MAX_RULES = 100;

function readOrganise(v: unknown): ChartOrganise | null {
  if (v === undefined || v === null) return null;
  const obj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!obj(v)) throw invalid('layout.organise', 'organise must be an object');
  const list = (x: unknown, field: string, max: number): unknown[] => {
    if (x === undefined || x === null) return [];
    if (!Array.isArray(x)) throw invalid(`layout.organise.${field}`, `${field} must be a list`);
    if (x.length > max) throw invalid(`layout.organise.${field}`, `At most ${max} ${field}`);
    return x;
  };
  const point = (x: unknown, field: string) => {
    const { x: px, y: py } = (obj(x) ? x : {}) as { x?: unknown; y?: unknown };
    if (typeof px !== 'number' || typeof py !== 'number' || !Number.isFinite(px) || !Number.isFinite(py)) throw invalid(`layout.organise.${field}`, 'Each needs a position');
    return { x: px, y: py };
  };
  const text = (x: unknown, field: string, max: number) => {
    if (typeof x !== 'string' || x.length > max) throw invalid(`layout.organise.${field}`, `Text of at most ${max} characters`);
    return x;
  };
  const size = (x: unknown, field: string) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0 || x > 100_000) throw invalid(`layout.organise.${field}`, 'Sizes are positive numbers');
    return x;
  };
  const groups = list(v.groups, 'groups', MAX_ORGANISE_ITEMS).map((g) => {
    if (!obj(g) || typeof g.id !== 'string' || !g.id.startsWith('group:') || g.id.length > 100) throw invalid('layout.organise.groups', 'Each group needs an id "group:<n>"');
    if (g.kind !== 'group' && g.kind !== 'ocg') throw invalid('layout.organise.groups', 'A group is of kind group or ocg');
    if (g.kind === 'ocg' && (typeof g.ocg !== 'string' || !g.ocg)) throw invalid('layout.organise.groups', 'A collapsed OCG names its OCG');
    return {
      id: g.id, kind: g.kind, label: text(g.label, 'groups', 200), members: strList(g.members, 'organise.groups'), position: point(g.position, 'groups'),
      ...(g.kind === 'ocg' ? { ocg: g.ocg as string } : {}),
    } as ChartOrganise['groups'][number];
  });
  const annotations = list(v.annotations, 'annotations', MAX_ORGANISE_ITEMS).map((a) => {
    if (!obj(a) || typeof a.id !== 'string' || !a.id.startsWith('note:') || a.id.length > 100) throw invalid('layout.organise.annotations', 'Each annotation needs an id "note:<n>"');
    if (a.kind !== 'note' && a.kind !== 'box' && a.kind !== 'area') throw invalid('layout.organise.annotations', 'An annotation is a note, a box or an area');
    if (typeof a.colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(a.colour)) throw invalid('layout.organise.annotations', 'Colours are #rrggbb');
    return {
      id: a.id, kind: a.kind, text: text(a.text ?? '', 'annotations', 2000), position: point(a.position, 'annotations'),
      width: size(a.width, 'annotations'), height: size(a.height, 'annotations'), colour: a.colour,
    } as ChartOrganise['annotations'][number];
  });
  const rules = list(v.rules, 'rules', MAX_RULES).map((r) => {
    if (!obj(r) || JSON.stringify(r).length > 2000) throw invalid('layout.organise.rules', 'Each styling rule is an object of at most 2,000 characters');
    return r;
  });
  return groups.length || annotations.length || rules.length ? { groups, annotations, rules } : null;
}

/**
 * The organisation as one opener sees it: members mapped to the ids that person is shown (`shownAs`;
 * undefined when hidden), a group left with no member dropped, and a collapsed OCG kept only when
 * the OCG itself is shown to them in full or shared (its label is the OCG's).
 */
function organiseAsShown(o: ChartOrganise | null, shownAs: (id: string) => string | undefined, seenInFull: (id: string) => boolean): ChartOrganise | null {
  if (!o) return null;
  const groups = o.groups
    .filter((g) => g.kind !== 'ocg' || seenInFull(g.ocg!))
    .map((g) => ({ ...g, members: [...new Set(g.members.map(shownAs).filter((x): x is string => !!x))] }))
    .filter((g) => g.members.length > 0);
  return groups.length || o.annotations.length || o.rules.length ? { groups, annotations: o.annotations, rules: o.rules } : null;
}

export interface ChartSummary {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  ownerUsername: string;
  savedAt: string;
  /** As saved by the owner; null for anyone else (the owner's counts include what others may not know of). */
  nodeCount: number | null;
  edgeCount: number | null;
  sharedWith: { username: string; displayName: string }[];
}

export interface OpenedChart extends ChartSummary {
  layout: ChartLayout;
  graph: GraphSlice;
  /** The owner only: saved entities they may no longer see (dropped without saying which); null for anyone else. */
  withheld: number | null;
}

const strList = (v: unknown, field: string, max = MAX_CHART_IDS): string[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x || x.length > 300)) throw invalid(`layout.${field}`, `${field} must be a list of ids`);
  if (v.length > max) throw invalid(`layout.${field}`, `At most ${max} ${field}`);
  return [...new Set(v as string[])];
};

/** Checks a layout document from a client; throws a field error a user can act on. */
export function parseLayout(text: string): ChartLayout {
  return readLayout(text).layout;
}

/** The checked layout, and the client's own count of links on its chart (for the list only). */
function readLayout(text: string): { layout: ChartLayout; edgeCount: number } {
  if (text.length > MAX_LAYOUT_BYTES) throw new DomainError('LIMIT_EXCEEDED', `A chart layout may be at most ${MAX_LAYOUT_BYTES / 1e6} MB`, 'layout');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('layout', 'The chart layout is not valid JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('layout', 'The chart layout must be an object');
  if (raw.version !== 1) throw invalid('layout.version', 'Unsupported chart layout version');
  const positions: ChartLayout['positions'] = {};
  if (raw.positions !== undefined) {
    if (!raw.positions || typeof raw.positions !== 'object' || Array.isArray(raw.positions)) throw invalid('layout.positions', 'positions must be an object');
    for (const [id, p] of Object.entries(raw.positions as Record<string, unknown>)) {
      const { x, y } = (p ?? {}) as { x?: unknown; y?: unknown };
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) throw invalid('layout.positions', `Bad position for ${id.slice(0, 60)}`);
      positions[id] = { x, y };
    }
  }
  const objList = (v: unknown, field: string) => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => !x || typeof x !== 'object' || typeof (x as { id?: unknown }).id !== 'string')) throw invalid(`layout.${field}`, `${field} must be a list of records with ids`);
    if (v.length > MAX_CHART_IDS) throw invalid(`layout.${field}`, `At most ${MAX_CHART_IDS} ${field}`);
    return v as Record<string, unknown>[];
  };
  const claimed = Number(raw.edgeCount);
  const layout: ChartLayout = {
    version: 1,
    entityIds: strList(raw.entityIds, 'entityIds'),
    positions,
    pinned: strList(raw.pinned, 'pinned'),
    hidden: strList(raw.hidden, 'hidden'),
    hiddenLinks: strList(raw.hiddenLinks, 'hiddenLinks', MAX_CHART_IDS * 4),
    stubs: objList(raw.stubs, 'stubs'),
    stubLinks: objList(raw.stubLinks, 'stubLinks'),
    filters: raw.filters ?? null,
    timeRange: raw.timeRange ?? null,
    organise: readOrganise(raw.organise),
  };
  return { layout, edgeCount: Number.isFinite(claimed) ? Math.max(0, Math.min(Math.floor(claimed), 10_000_000)) : 0 };
}

const SUMMARY = `c.id AS id, c.name AS name, c.ownerId AS ownerId, o.displayName AS ownerName, o.username AS ownerUsername,
  c.savedAt AS savedAt, c.nodeCount AS nodeCount, c.edgeCount AS edgeCount,
  [(c)-[:SHARED_WITH]->(u:User) | {username: u.username, displayName: u.displayName}] AS sharedWith`;

/** A chart's summary as `viewer` may know it: the saved counts and the share list are the owner's only. */
const toSummary = (r: Record<string, unknown>, viewer: Viewer): ChartSummary => {
  const mine = r.ownerId === viewer.userId;
  return {
    id: r.id as string, name: r.name as string, ownerId: r.ownerId as string, ownerName: (r.ownerName as string) ?? '', ownerUsername: (r.ownerUsername as string) ?? '',
    savedAt: r.savedAt as string,
    nodeCount: mine ? Number(r.nodeCount ?? 0) : null,
    edgeCount: mine ? Number(r.edgeCount ?? 0) : null,
    sharedWith: mine ? ((r.sharedWith as ChartSummary['sharedWith']) ?? []).sort((a, b) => a.username.localeCompare(b.username)) : [],
  };
};

/** The viewer's own charts and those shared with them, newest first. */
export async function listCharts(db: Db, viewer: Viewer): Promise<ChartSummary[]> {
  const rows = await db.read(cypher(
    `CALL {
       MATCH (c:SavedChart {ownerId: $me}) RETURN c
       UNION
       MATCH (c:SavedChart)-[:SHARED_WITH]->(:User {id: $me}) RETURN c
     }
     MATCH (o:User {id: c.ownerId}) WHERE o.agency = $agency
     RETURN ${SUMMARY} ORDER BY c.savedAt DESC, c.id LIMIT 500`,
    { me: viewer.userId, agency: viewer.agency },
  ));
  return rows.map((r) => toSummary(r, viewer));
}

/** A chart the viewer owns or that was shared with them; anything else is "not found". */
async function chartRow(db: Db, viewer: Viewer, id: string): Promise<(ChartSummary & { layout: string }) | undefined> {
  const rows = await db.read(cypher(
    `MATCH (c:SavedChart {id: $id}) MATCH (o:User {id: c.ownerId})
     WHERE o.agency = $agency AND (c.ownerId = $me OR exists { (c)-[:SHARED_WITH]->(:User {id: $me}) })
     RETURN ${SUMMARY}, c.layout AS layout`,
    { id, me: viewer.userId, agency: viewer.agency },
  ));
  return rows[0] ? { ...toSummary(rows[0], viewer), layout: rows[0].layout as string } : undefined;
}

/** Raw links read per page while a chart is opened (see chartSlice). */
const LINK_PAGE = 5000;

/**
 * The chart's entities and links as the viewer may see them. Links are read only among the
 * entities the viewer is shown, page by page in id order until none are left, and the cap on links
 * applies after the policy, to the links the viewer is shown, ordered by the id they are shown
 * under: links hidden from the viewer (or among hidden entities) never use up the cap or decide
 * which links are kept. They cost only reading time.
 */
async function chartSlice(db: Db, viewer: Viewer, dir: AgencyDirectory, entityIds: string[], opts: { maxEdges: number; seen?: Seen }): Promise<GraphSlice> {
  const raw = entityIds.length
    ? await db.read(cypher('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS n', { ids: entityIds }))
    : [];
  const nodes: GraphNode[] = [];
  const shownAs = new Map<string, string>();
  for (const { n } of raw) {
    const r = n as RawRecord;
    if (shownAs.has(r.id)) continue;
    const g = redactNode(viewer, dir, r, opts.seen);
    if (!g) continue;
    shownAs.set(r.id, g.id);
    nodes.push(g);
  }
  const visible = [...shownAs.keys()];
  const edges = new Map<string, { g: GraphEdge; rawId: string }>();
  for (let after = ''; visible.length;) {
    const page = await db.read(cypher(
      `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity)
       WHERE b.id IN $ids AND r.id > $after AND NOT coalesce(r.archived,false)
       RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
       ORDER BY r.id LIMIT $pageSize`,
      { ids: visible, after, pageSize: LINK_PAGE },
    ));
    for (const e of page) {
      const g = redactEdge(viewer, e as unknown as RawEdge, shownAs);
      if (g && !edges.has(g.id)) edges.set(g.id, { g, rawId: e.id as string });
    }
    if (page.length < LINK_PAGE) break;
    after = page[page.length - 1]!.id as string;
  }
  const shown = [...edges.values()].sort((x, y) => (x.g.id < y.g.id ? -1 : x.g.id > y.g.id ? 1 : 0));
  const kept = shown.slice(0, opts.maxEdges);
  for (const { g, rawId } of kept) if (!g.restricted) opts.seen?.add(rawId);
  return { nodes, edges: kept.map((x) => x.g), truncated: kept.length < shown.length, omitted: shown.length - kept.length };
}

/**
 * Opens a chart as the viewer: its entities through the policy, its layout cut down to what the
 * viewer may see. Positions of records seen only as stubs move to the stub's opaque id.
 */
export async function openChart(db: Db, viewer: Viewer, dir: AgencyDirectory, id: string, opts: { maxEdges: number; seen?: Seen }): Promise<OpenedChart> {
  const row = await chartRow(db, viewer, id);
  if (!row) throw notFound('Chart', id);
  const saved = parseLayout(row.layout);
  const graph = await chartSlice(db, viewer, dir, saved.entityIds, opts);

  // Real id -> the id the viewer gets (itself, or the stub's opaque id); absent when hidden.
  const shown = new Set(graph.nodes.map((n) => n.id));
  const asShown = new Map<string, string>();
  for (const eid of saved.entityIds) {
    if (shown.has(eid)) asShown.set(eid, eid);
    else if (shown.has(stubId(viewer, eid))) asShown.set(eid, stubId(viewer, eid));
  }
  const mine = row.ownerId === viewer.userId;
  const stubs = mine ? saved.stubs.filter((s) => !shown.has(s.id as string)) : [];
  const ids = new Set([...asShown.values(), ...stubs.map((s) => s.id as string)]);
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const stubLinks = mine ? saved.stubLinks.filter((l) => ids.has(l.source as string) && ids.has(l.target as string) && !edgeIds.has(l.id as string)) : [];
  for (const l of stubLinks) edgeIds.add(l.id as string);

  const mapIds = (list: string[]) => list.map((x) => asShown.get(x) ?? (ids.has(x) ? x : undefined)).filter((x): x is string => !!x);
  const positions: ChartLayout['positions'] = {};
  for (const [k, p] of Object.entries(saved.positions)) {
    const to = asShown.get(k) ?? (ids.has(k) ? k : undefined);
    if (to) positions[to] = p;
  }
  const layout: ChartLayout = {
    version: 1,
    entityIds: graph.nodes.filter((n) => !n.restricted).map((n) => n.id),
    positions,
    pinned: mapIds(saved.pinned),
    hidden: mapIds(saved.hidden),
    hiddenLinks: saved.hiddenLinks.filter((x) => edgeIds.has(x)),
    stubs, stubLinks,
    filters: saved.filters, timeRange: saved.timeRange,
    organise: organiseAsShown(saved.organise, (x) => asShown.get(x) ?? (ids.has(x) ? x : undefined), (x) => asShown.get(x) === x),
  };
  const { layout: _raw, ...summary } = row;
  if (mine) return { ...summary, layout, graph, withheld: saved.entityIds.length - asShown.size };
  // Anyone else: counts of the chart as they see it, and nothing about what was left out.
  return { ...summary, nodeCount: graph.nodes.length, edgeCount: graph.edges.length, layout, graph, withheld: null };
}

export interface SaveChartInput {
  /** Overwrite this chart (owner only); omit to create a new one. */
  id?: string;
  name: string;
  layout: string;
}

export async function saveChart(db: Db, viewer: Viewer, input: SaveChartInput): Promise<ChartSummary> {
  const name = input.name.trim();
  if (!name) throw invalid('name', 'Give the chart a name');
  if (name.length > NAME_MAX) throw invalid('name', `A chart name may be at most ${NAME_MAX} characters`);
  const { layout, edgeCount } = readLayout(input.layout);
  const nodeCount = layout.entityIds.length + layout.stubs.length;
  const now = new Date().toISOString();
  if (input.id !== undefined && !/^[A-Za-z0-9_-]{1,100}$/.test(input.id)) throw invalid('id', 'A chart id is letters, digits, _ and - only');
  const id = input.id ?? `CHART-${randomUUID()}`;
  const rows = await db.write(cypher(
    `OPTIONAL MATCH (old:SavedChart {id: $id})
     WITH old WHERE old IS NULL OR old.ownerId = $me
     MERGE (c:SavedChart {id: $id})
     ON CREATE SET c.ownerId = $me, c.createdAt = $now
     SET c.name = $name, c.layout = $layout, c.savedAt = $now, c.nodeCount = $nodeCount, c.edgeCount = $edgeCount
     WITH c MATCH (o:User {id: c.ownerId})
     RETURN ${SUMMARY}`,
    { id, me: viewer.userId, name, layout: JSON.stringify(layout), now, nodeCount, edgeCount },
  ));
  // Someone else's chart (or one that does not exist for this viewer): never overwritten.
  if (!rows[0]) throw input.id ? notFound('Chart', input.id) : new DomainError('CONFLICT', 'Could not save the chart');
  return toSummary(rows[0], viewer);
}

/** Replaces the list of colleagues a chart is shared with (owner only; same agency only). */
export async function shareChart(db: Db, viewer: Viewer, id: string, usernames: string[]): Promise<ChartSummary> {
  const wanted = [...new Set(usernames.map((u) => u.trim()).filter(Boolean))];
  if (wanted.length > 200) throw invalid('usernames', 'Share with at most 200 colleagues');
  const own = await db.read(cypher('MATCH (c:SavedChart {id: $id, ownerId: $me}) RETURN c.id AS id', { id, me: viewer.userId }));
  if (!own[0]) throw notFound('Chart', id);
  const users = await db.read(cypher(
    'UNWIND $names AS name MATCH (u:User {username: name}) WHERE NOT coalesce(u.disabled,false) RETURN u.username AS username, u.id AS id, u.agency AS agency',
    { names: wanted },
  ));
  const byName = new Map(users.map((u) => [u.username as string, u]));
  for (const name of wanted) {
    const u = byName.get(name);
    // Users of other agencies are answered exactly like unknown ones.
    if (!u || u.agency !== viewer.agency) throw invalid('usernames', `${name} is not a colleague in your agency: charts are shared only within an agency (use dissemination for partners)`);
    if (u.id === viewer.userId) throw invalid('usernames', 'A chart is always available to its owner');
  }
  const rows = await db.write(cypher(
    `MATCH (c:SavedChart {id: $id, ownerId: $me})
     OPTIONAL MATCH (c)-[s:SHARED_WITH]->() DELETE s
     WITH DISTINCT c
     CALL (c) { UNWIND $ids AS uid MATCH (u:User {id: uid}) MERGE (c)-[:SHARED_WITH]->(u) }
     WITH c MATCH (o:User {id: c.ownerId})
     RETURN ${SUMMARY}`,
    { id, me: viewer.userId, ids: wanted.map((n) => byName.get(n)!.id as string) },
  ));
  return toSummary(rows[0]!, viewer);
}

/** Deletes a chart (owner), or removes it from the viewer's list (a colleague it was shared with). */
export async function deleteChart(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  const rows = await db.write(cypher(
    `MATCH (c:SavedChart {id: $id})
     OPTIONAL MATCH (c)-[s:SHARED_WITH]->(:User {id: $me})
     WITH c, s WHERE c.ownerId = $me OR s IS NOT NULL
     FOREACH (_ IN CASE WHEN c.ownerId = $me THEN [] ELSE [1] END | DELETE s)
     WITH c, c.ownerId = $me AS mine
     FOREACH (_ IN CASE WHEN mine THEN [1] ELSE [] END | DETACH DELETE c)
     RETURN mine`,
    { id, me: viewer.userId },
  ));
  if (!rows[0]) throw notFound('Chart', id);
  return true;
}

/** Colleagues a chart can be shared with: active users of the viewer's agency. */
export async function colleagues(db: Db, viewer: Viewer): Promise<{ username: string; displayName: string }[]> {
  const rows = await db.read(cypher(
    `MATCH (u:User {agency: $agency}) WHERE u.id <> $me AND NOT coalesce(u.disabled,false)
     RETURN u.username AS username, coalesce(u.displayName, u.username) AS displayName ORDER BY displayName LIMIT 1000`,
    { agency: viewer.agency, me: viewer.userId },
  ));
  return rows as { username: string; displayName: string }[];
}
