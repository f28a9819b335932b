import { computeMetrics } from '../analysis/metrics.js';
import { cypher, run, type Db, type Query, type Tx } from '../db/db.js';
import { CRIME_TYPES } from '../domain/codes.js';
import { addDays } from '../domain/harm.js';
import { assessCoverage, type EvidenceReport } from '../domain/coverage.js';
import { invalid, notFound } from '../domain/errors.js';
import { decide, isReferenceGeography, visibleFilter, visibleProps, type Access, type Markings, type Viewer } from '../domain/policy.js';
import {
  DEFAULT_TEMPLATES, MAX_STATEMENT, MAX_STATEMENTS_PER_SECTION, numberSources,
  type Content, type ProductSource, type ProductTemplate, type ProductType, type Section, type SectionSource, type Snapshot, type Statement, type TemplateSection,
} from '../domain/products.js';
import { PATH_LINK_TYPES, linkTitle } from './traverse.js';
import { linkTypeOfId } from './write.js';
import type { RawRecord } from './slice.js';

/**
 * Intelligence products in the graph. A draft is made by a *reader*: the author's agency at the
 * product's declared marking (`draftReader`), or, for a sanitised version, that reader together with
 * the recipient agency as the policy would let it know the author's records once disseminated
 * (`releaseReader`). Every query filters with the reader's predicate before anything is ranked,
 * capped or counted, and every statement is written from what the reader is shown of a record
 * (`visibleProps`), so a draft is a function of what its reader may know and nothing else.
 */

// ---------------------------------------------------------------------------------------------
// Readers

export interface Reader {
  /** Cypher predicate: the record may be used (its parameters are in `params`). */
  filter(alias: string): string;
  params: Record<string, unknown>;
  /** How a usable record is shown: full or shared. */
  access(m: Markings): Access;
  /**
   * Every record a draft read through this reader (whether or not a statement names it): a release
   * shares exactly these, so nothing it says, counts or ranks rests on a record its recipient is not given.
   */
  read: ReadSet;
}

export interface ReadSet { entities: Set<string>; links: Set<string>; others: Map<OtherLabel, Set<string>> }
/** Records that are not entities but carry markings and may be released with a product. */
export const OTHER_LABELS = ['HarmAssessment', 'ImpactRecord', 'Decision', 'Meeting'] as const;
export type OtherLabel = (typeof OTHER_LABELS)[number];
const readSet = (): ReadSet => ({ entities: new Set(), links: new Set(), others: new Map(OTHER_LABELS.map((l) => [l, new Set<string>()])) });
const sawOther = (rd: Reader, label: OtherLabel, id: unknown) => { if (typeof id === 'string') rd.read.others.get(label)!.add(id); };
const sawLinks = (rd: Reader, ids: unknown) => { for (const id of (ids as string[] | null) ?? []) if (typeof id === 'string') rd.read.links.add(id); };

export function draftReaderOf(viewer: Viewer): Reader {
  const params = visibleFilter(viewer, 'x').params;
  return {
    filter: (a) => visibleFilter(viewer, a).text,
    params,
    access: (m) => decide(viewer, m),
    read: readSet(),
  };
}

/**
 * The author's draft reader together with a recipient agency at a clearance: a record may be used
 * when the author may use it and the recipient either may know it already or would be shown it,
 * shared, were the author's agency to disseminate it (the author's own records, cleared for the
 * recipient, not in a compartment, not marked not for dissemination). Such a record is shown as a
 * shared copy (sensitive properties removed).
 */
export function releaseReaderOf(author: Viewer, recipient: Viewer): Reader {
  const mine = visibleFilter(author, 'x');
  const theirs = visibleFilter(recipient, 'x');
  const params: Record<string, unknown> = { ...mine.params };
  for (const [k, v] of Object.entries(theirs.params)) params[k.replace(/^pv_/, 'pr_')] = v;
  const cleared = (a: string) =>
    `(coalesce(${a}.classification,'OFFICIAL') IN $pr_classes AND all(c IN coalesce(${a}.compartments,[]) WHERE c IN $pr_compartments))`;
  return {
    filter: (a) => `(${visibleFilter(author, a).text} AND (${visibleFilter(recipient, a).text.replace(/\$pv_/g, '$pr_')} OR (${a}.agency = $pv_agency AND ${cleared(a)} AND NOT coalesce(${a}.nfd,false))))`,
    params,
    access: (m) => {
      const a = decide(author, m);
      if (a !== 'full' && a !== 'shared') return 'hidden';
      const r = decide(recipient, { ...m, disseminatedTo: [...(m.disseminatedTo ?? []), ...(m.agency === author.agency ? [recipient.agency] : [])] });
      return r === 'full' || r === 'shared' ? 'shared' : 'hidden';
    },
    read: readSet(),
  };
}

const q = (rd: Reader, text: string, params: Record<string, unknown> = {}): Query => cypher(text, { ...rd.params, ...params });

// ---------------------------------------------------------------------------------------------
// Storage

export interface ProductRow extends RawRecord {
  type: ProductType;
  title: string;
  status: string;
  version: number;
  templateVersion: number;
  subjectIds: string[];
  crimeType: string | null;
  areaId: string | null;
  classification: string;
  compartments: string[];
  handling: string;
  agency: string;
  authorId: string;
  authorUsername: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  approvedVersion: number | null;
  meetingId: string | null;
  decisionId: string | null;
  history: string;
  nfd: boolean;
  disseminatedTo: string[];
}

export interface VersionRow { productId: string; version: number; title: string; content: string; note: string | null; savedBy: string; savedByName: string; savedAt: string }

export interface ReleaseRow extends RawRecord {
  productId: string;
  version: number;
  type: ProductType;
  title: string;
  recipientAgency: string;
  recipientClearance: string;
  classification: string;
  compartments: string[];
  handling: string;
  agency: string;
  disseminatedTo: string[];
  content: string;
  releasedBy: string;
  releasedByName: string;
  releasedAt: string;
  disseminationId: string;
  recordIds: string[];
  nfd: boolean;
}

/** An agency's templates: the latest version of each type it saved, else the platform's version 1. */
export async function templates(db: Db, agency: string): Promise<ProductTemplate[]> {
  const rows = await db.read(cypher('MATCH (t:ProductTemplate {agency: $agency}) RETURN properties(t) AS t ORDER BY t.type, t.version', { agency }));
  const latest = new Map<string, ProductTemplate>();
  for (const [type, t] of Object.entries(DEFAULT_TEMPLATES)) latest.set(type, t);
  for (const r of rows) { const t = parseTemplate(r.t as RawRecord); latest.set(t.type, t); }
  return [...latest.values()];
}

export async function templateVersions(db: Db, agency: string, type: ProductType): Promise<ProductTemplate[]> {
  const rows = await db.read(cypher('MATCH (t:ProductTemplate {type: $type, agency: $agency}) RETURN properties(t) AS t ORDER BY t.version', { type, agency }));
  return [DEFAULT_TEMPLATES[type], ...rows.map((r) => parseTemplate(r.t as RawRecord))];
}

export async function template(db: Db | Tx, agency: string, type: ProductType, version?: number | null): Promise<ProductTemplate> {
  const text = version
    ? 'MATCH (t:ProductTemplate {type: $type, agency: $agency, version: $version}) RETURN properties(t) AS t'
    : 'MATCH (t:ProductTemplate {type: $type, agency: $agency}) RETURN properties(t) AS t ORDER BY t.version DESC LIMIT 1';
  const params = { type, agency, version: version ?? null };
  const rows = 'read' in db ? await db.read(cypher(text, params)) : await run(db, cypher(text, params));
  if (rows[0]) return parseTemplate(rows[0].t as RawRecord);
  if (!version || version === 1) return DEFAULT_TEMPLATES[type];
  throw notFound('Template version', String(version), 'templateVersion');
}

function parseTemplate(r: RawRecord): ProductTemplate {
  return { type: r.type as ProductType, version: Number(r.version), title: String(r.title), sections: JSON.parse(String(r.sections)) as TemplateSection[], savedBy: (r.savedBy as string) ?? null, savedAt: (r.savedAt as string) ?? null };
}

/** A new version of an agency's template for one type (templates are the agency's own: another force's principal analysts do not change them). */
export async function saveTemplate(db: Db, agency: string, type: ProductType, title: string, sections: TemplateSection[], by: string, now: string): Promise<ProductTemplate> {
  return db.writeTx(async (tx) => {
    // Versions are numbered under a lock on the type's head, so two principal analysts saving at once get two versions.
    await run(tx, cypher('MERGE (h:ProductTemplateHead {type: $type, agency: $agency}) SET h.lock = coalesce(h.lock, 0) + 1', { type, agency }));
    const [row] = await run(tx, cypher('MATCH (t:ProductTemplate {type: $type, agency: $agency}) RETURN max(t.version) AS v', { type, agency }));
    const version = Math.max(1, Number(row?.v ?? 1)) + 1;
    const t = { type, agency, version, title, sections: JSON.stringify(sections), savedBy: by, savedAt: now };
    await run(tx, cypher('CREATE (t:ProductTemplate) SET t = $t', { t }));
    return parseTemplate({ id: `${type}-${version}`, ...t });
  });
}

const NULLABLE = ['crimeType', 'areaId', 'approvedBy', 'approvedByName', 'approvedAt', 'approvedVersion', 'meetingId', 'decisionId'] as const;
/** The database keeps no nulls: a product read back has every nullable field again. */
const productRow = (raw: unknown): ProductRow => {
  const p = { ...(raw as ProductRow) };
  for (const k of NULLABLE) if (p[k] === undefined) (p as Record<string, unknown>)[k] = null;
  return p;
};

/** Products the viewer may read: their agency's, at a marking they are cleared for. */
export async function productsFor(db: Db, viewer: Viewer, f: { status?: string | null; type?: string | null; limit: number }): Promise<ProductRow[]> {
  const v = visibleFilter(viewer, 'p');
  const rows = await db.read(cypher(
    `MATCH (p:Product) WHERE ${v.text} AND ($status IS NULL OR p.status = $status) AND ($type IS NULL OR p.type = $type)
     RETURN properties(p) AS p ORDER BY p.updatedAt DESC, p.id LIMIT $limit`,
    { ...v.params, status: f.status ?? null, type: f.type ?? null, limit: f.limit },
  ));
  return rows.map((r) => productRow(r.p));
}

/** One product, if the viewer may read it; any other id (hidden, never made) answers the same. */
export async function productFor(db: Db | Tx, viewer: Viewer, id: string): Promise<ProductRow> {
  const v = visibleFilter(viewer, 'p');
  const text = `MATCH (p:Product {id: $id}) WHERE ${v.text} RETURN properties(p) AS p`;
  const rows = 'read' in db ? await db.read(cypher(text, { ...v.params, id })) : await run(db, cypher(text, { ...v.params, id }));
  if (!rows[0]) throw notFound('Product', id);
  return productRow(rows[0].p);
}

export async function versionOf(db: Db | Tx, productId: string, version: number): Promise<VersionRow> {
  const text = 'MATCH (v:ProductVersion {productId: $productId, version: $version}) RETURN properties(v) AS v';
  const rows = 'read' in db ? await db.read(cypher(text, { productId, version })) : await run(db, cypher(text, { productId, version }));
  if (!rows[0]) throw notFound('Version', String(version), 'version');
  return rows[0].v as VersionRow;
}

export async function versionsOf(db: Db, productId: string): Promise<VersionRow[]> {
  const rows = await db.read(cypher('MATCH (v:ProductVersion {productId: $productId}) RETURN properties(v) AS v ORDER BY v.version', { productId }));
  return rows.map((r) => r.v as VersionRow);
}

export async function createProduct(db: Db, row: ProductRow, version: VersionRow): Promise<void> {
  await db.writeTx(async (tx) => {
    await run(tx, cypher('CREATE (p:Product) SET p = $row', { row }));
    await run(tx, cypher('MATCH (p:Product {id: $id}) CREATE (v:ProductVersion) SET v = $version CREATE (p)-[:HAS_VERSION]->(v)', { id: row.id, version }));
  });
}

/** Locks the product for a change and reads it again under the lock. */
export async function lockProduct(tx: Tx, viewer: Viewer, id: string): Promise<ProductRow> {
  await run(tx, cypher('MATCH (p:Product {id: $id}) SET p.lock = coalesce(p.lock, 0) + 1', { id }));
  return productFor(tx, viewer, id);
}

export async function updateProduct(tx: Tx, id: string, patch: Partial<ProductRow>): Promise<void> {
  await run(tx, cypher('MATCH (p:Product {id: $id}) SET p += $patch', { id, patch }));
}

export async function addVersion(tx: Tx, version: VersionRow): Promise<void> {
  await run(tx, cypher('MATCH (p:Product {id: $id}) CREATE (v:ProductVersion) SET v = $version CREATE (p)-[:HAS_VERSION]->(v)', { id: version.productId, version }));
}

export async function createRelease(tx: Tx, row: ReleaseRow): Promise<void> {
  await run(tx, cypher('MATCH (p:Product {id: $pid}) CREATE (r:ProductRelease) SET r = $row CREATE (p)-[:RELEASED_AS]->(r)', { pid: row.productId, row }));
}

/**
 * Of the records a release was drafted from, those the author's agency holds (and may disseminate):
 * entities, links (found through their type's id index) and the other marked records.
 */
export async function ownRecords(tx: Tx, agency: string, entityIds: string[], linkIds: string[], others: Partial<Record<OtherLabel, string[]>>):
  Promise<{ entities: string[]; links: { type: string; id: string }[]; others: { label: OtherLabel; id: string }[] }> {
  const entities = (await run(tx, cypher(
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n.agency = $agency AND NOT coalesce(n.nfd, false) RETURN n.id AS id ORDER BY id',
    { ids: entityIds, agency },
  ))).map((r) => r.id as string);
  const links: { type: string; id: string }[] = [];
  const byType = new Map<string, string[]>();
  for (const id of linkIds) {
    const type = linkTypeOfId(id);
    if (type) (byType.get(type) ?? byType.set(type, []).get(type)!).push(id);
  }
  for (const [type, ids] of [...byType].sort()) {
    const rows = await run(tx, cypher(`UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() WHERE r.agency = $agency AND NOT coalesce(r.nfd, false) RETURN r.id AS id ORDER BY id`, { ids, agency }));
    links.push(...rows.map((r) => ({ type, id: r.id as string })));
  }
  const out: { label: OtherLabel; id: string }[] = [];
  for (const label of OTHER_LABELS) {
    const ids = others[label] ?? [];
    if (!ids.length) continue;
    const rows = await run(tx, cypher(`UNWIND $ids AS id MATCH (n:${label} {id: id}) WHERE n.agency = $agency AND NOT coalesce(n.nfd, false) RETURN n.id AS id ORDER BY id`, { ids, agency }));
    out.push(...rows.map((r) => ({ label, id: r.id as string })));
  }
  return { entities, links, others: out };
}

/** Adds the recipient to what it may now know: every record of the author's agency a release was drafted from. */
export async function shareRecords(tx: Tx, own: Awaited<ReturnType<typeof ownRecords>>, agency: string, disseminationId: string): Promise<void> {
  const add = (a: string) => `SET ${a}.disseminatedTo = CASE WHEN $to IN coalesce(${a}.disseminatedTo, []) THEN ${a}.disseminatedTo ELSE coalesce(${a}.disseminatedTo, []) + $to END`;
  await run(tx, cypher(
    `MATCH (d:Dissemination {id: $did}) UNWIND $ids AS eid MATCH (n:Entity {id: eid}) ${add('n')} CREATE (d)-[:SHARES]->(n)`,
    { did: disseminationId, ids: own.entities, to: agency },
  ));
  const byType = new Map<string, string[]>();
  for (const l of own.links) (byType.get(l.type) ?? byType.set(l.type, []).get(l.type)!).push(l.id);
  for (const [type, ids] of byType) await run(tx, cypher(`UNWIND $ids AS id MATCH ()-[r:${type} {id: id}]->() ${add('r')}`, { ids, to: agency }));
  for (const label of OTHER_LABELS) {
    const ids = own.others.filter((o) => o.label === label).map((o) => o.id);
    if (ids.length) await run(tx, cypher(`UNWIND $ids AS id MATCH (n:${label} {id: id}) ${add('n')}`, { ids, to: agency }));
  }
}

/** Releases the viewer's agency made (full) or received (shared), newest first. */
export async function releasesFor(db: Db, viewer: Viewer, f: { productId?: string | null; direction: 'sent' | 'received'; limit: number }): Promise<ReleaseRow[]> {
  const v = visibleFilter(viewer, 'r');
  const side = f.direction === 'received' ? '$pv_agency IN r.disseminatedTo' : 'r.agency = $pv_agency';
  const rows = await db.read(cypher(
    `MATCH (r:ProductRelease) WHERE ${side} AND ${v.text} AND ($pid IS NULL OR r.productId = $pid)
     RETURN properties(r) AS r ORDER BY r.releasedAt DESC, r.id LIMIT $limit`,
    { ...v.params, pid: f.productId ?? null, limit: f.limit },
  ));
  return rows.map((r) => r.r as ReleaseRow);
}

export async function releaseFor(db: Db, viewer: Viewer, id: string): Promise<ReleaseRow> {
  const v = visibleFilter(viewer, 'r');
  const rows = await db.read(cypher(`MATCH (r:ProductRelease {id: $id}) WHERE ${v.text} RETURN properties(r) AS r`, { ...v.params, id }));
  if (!rows[0]) throw notFound('Product release', id);
  return rows[0].r as ReleaseRow;
}

/** The report texts a release must not repeat (the guard against pasting originals). */
export async function originalTexts(db: Db | Tx, ids: string[]): Promise<string[]> {
  const text = 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN [x IN [n.text, n.notes, n.description] WHERE x IS NOT NULL] AS t';
  const rows = 'read' in db ? await db.read(cypher(text, { ids })) : await run(db, cypher(text, { ids }));
  return rows.flatMap((r) => r.t as string[]);
}

// ---------------------------------------------------------------------------------------------
// Drafting from the graph

export interface DraftSpec { type: ProductType; subjectIds: string[]; crimeType: string | null; areaId: string | null; today: string }

interface Node { id: string; type: string; label: string; props: Record<string, unknown>; access: Access; markings: Markings }
interface Link { id: string; type: string; source: string; target: string; props: Record<string, unknown>; reportIds: string[]; access: Access; markings: Markings }

const MARKS = (r: Record<string, unknown>): Markings => ({
  classification: r.classification as string, agency: r.agency as string, compartments: r.compartments as string[],
  nfd: r.nfd as boolean, disseminatedTo: r.disseminatedTo as string[],
});

function node(rd: Reader, r: Record<string, unknown>): Node {
  rd.read.entities.add(r.id as string);
  const m = MARKS(r);
  const access = rd.access(m);
  return { id: r.id as string, type: r.type as string, label: String(r.label ?? r.id), props: visibleProps('entity', r.type as string, access, r), access, markings: m };
}

function link(rd: Reader, r: Record<string, unknown>, type: string, source: string, target: string): Link {
  rd.read.links.add(r.id as string);
  const m = MARKS(r);
  const access = rd.access(m);
  return { id: r.id as string, type, source, target, props: visibleProps('link', type, access, r), reportIds: ((r.reportIds as string[]) ?? []).slice().sort(), access, markings: m };
}

/** What a draft was made from: every record its statements rest on (the release shares exactly these). */
export interface Drafted extends Content { entityIds: string[]; linkIds: string[]; others: Record<OtherLabel, string[]> }

class Collector {
  entities = new Set<string>();
  links = new Set<string>();
  reports = new Map<string, Omit<ProductSource, 'ref'>>();
}

const fmtDate = (d: unknown) => (typeof d === 'string' && d ? d.slice(0, 10) : null);
const titleCase = (code: string) => code.toLowerCase().replace(/_/g, ' ');
const grade = (p: Record<string, unknown>) => `${p.sourceEvaluation ?? '?'}${p.intelAssessment ?? '?'}`;

async function readReports(db: Db, rd: Reader, ids: string[], col: Collector): Promise<Map<string, Node>> {
  if (!ids.length) return new Map();
  const rows = await db.read(q(rd,
    `UNWIND $ids AS rid MATCH (r:IntelligenceReport:Entity {id: rid}) WHERE ${rd.filter('r')} AND NOT coalesce(r.archived,false)
     RETURN properties(r) AS r ORDER BY r.id`, { ids: [...new Set(ids)].sort() }));
  const out = new Map<string, Node>();
  for (const row of rows) {
    const n = node(rd, row.r as RawRecord);
    out.set(n.id, n);
    const p = n.props;
    const summary = n.access === 'full' ? (p.text as string | undefined) : (p.sanitisedText as string | undefined);
    col.reports.set(n.id, {
      reportId: n.id, grade: grade(p), handling: String((row.r as RawRecord).handling ?? 'P'),
      classification: String(n.markings.classification ?? 'OFFICIAL'), agency: String(n.markings.agency ?? ''),
      date: fmtDate(p.eventDate) ?? fmtDate(p.recordedAt), summary: summary ? summary.slice(0, 240) : null,
    });
  }
  return out;
}

/** The reports of a link the reader may use, best grade first (ties by id). */
function citesOf(l: { reportIds: string[] }, reports: Map<string, Node>): string[] {
  return l.reportIds.filter((id) => reports.has(id)).sort((a, b) => grade(reports.get(a)!.props).localeCompare(grade(reports.get(b)!.props)) || a.localeCompare(b));
}

interface Network { centre: Node; nodes: Map<string, Node>; links: Link[]; hop1: Link[]; mentions: string[] }

async function networkAround(db: Db, rd: Reader, id: string): Promise<Network> {
  const [c] = await db.read(q(rd, `MATCH (n:Entity {id: $id}) WHERE (n:Subject OR n:OCG) AND ${rd.filter('n')} AND NOT coalesce(n.archived,false) RETURN properties(n) AS n`, { id }));
  if (!c) throw notFound('Subject or OCG', id, 'subjectIds');
  const centre = node(rd, c.n as RawRecord);
  const hop = async (from: string[], limit: number) => db.read(q(rd,
    `UNWIND $from AS fid MATCH (a:Entity {id: fid})-[r]-(m:Entity)
     WHERE type(r) IN $types AND ${rd.filter('r')} AND ${rd.filter('m')} AND NOT coalesce(r.archived,false) AND NOT coalesce(m.archived,false)
     WITH DISTINCT r, m
     RETURN properties(r) AS r, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(m) AS m ORDER BY r.id LIMIT $limit`,
    { from, types: PATH_LINK_TYPES.filter((t) => t !== 'MENTIONS'), limit }));
  const nodes = new Map<string, Node>([[centre.id, centre]]);
  const links = new Map<string, Link>();
  const take = (rows: Awaited<ReturnType<typeof hop>>) => {
    const out: Link[] = [];
    for (const row of rows) {
      const m = node(rd, row.m as RawRecord);
      if (!nodes.has(m.id)) nodes.set(m.id, m);
      const l = link(rd, row.r as RawRecord, row.type as string, row.source as string, row.target as string);
      if (!links.has(l.id)) links.set(l.id, l);
      out.push(l);
    }
    return out;
  };
  const hop1 = take(await hop([centre.id], 400));
  const people = [...nodes.values()].filter((n) => n.id !== centre.id && (n.type === 'Subject' || n.type === 'OCG')).map((n) => n.id).sort();
  if (people.length) take(await hop(people, 1500));
  const mentions = await db.read(q(rd,
    `MATCH (r:IntelligenceReport:Entity)-[m:MENTIONS]->(n:Entity {id: $id}) WHERE ${rd.filter('r')} AND ${rd.filter('m')} AND NOT coalesce(r.archived,false)
     RETURN r.id AS id, m.id AS mid ORDER BY id LIMIT 100`, { id }));
  sawLinks(rd, mentions.map((r) => r.mid));
  return { centre, nodes, links: [...links.values()].sort((a, b) => a.id.localeCompare(b.id)), hop1, mentions: mentions.map((r) => r.id as string) };
}

function circle(ids: string[], nodes: Map<string, Node>, links: Link[]): Snapshot {
  const n = ids.length;
  const set = new Set(ids);
  return {
    kind: 'NETWORK',
    nodes: ids.map((id, i) => {
      const x = nodes.get(id)!;
      const angle = i === 0 ? 0 : (2 * Math.PI * (i - 1)) / Math.max(1, n - 1);
      const r = i === 0 ? 0 : 1;
      return { id, label: x.label, type: x.type, x: Math.round(r * Math.cos(angle) * 1000) / 1000, y: Math.round(r * Math.sin(angle) * 1000) / 1000, lat: null, lon: null };
    }),
    links: links.filter((l) => set.has(l.source) && set.has(l.target)).map((l) => ({ source: l.source, target: l.target, type: l.type })),
  };
}

function mapOf(points: Node[]): Snapshot | null {
  const located = points.filter((p) => typeof p.props.lat === 'number' && typeof p.props.lon === 'number');
  if (!located.length) return null;
  return { kind: 'MAP', nodes: located.map((p) => ({ id: p.id, label: p.label, type: p.type, x: 0, y: 0, lat: p.props.lat as number, lon: p.props.lon as number })), links: [] };
}

async function harmOf(db: Db, rd: Reader, ocgIds: string[]): Promise<Map<string, Node>> {
  if (!ocgIds.length) return new Map();
  const rows = await db.read(q(rd,
    `UNWIND $ids AS oid CALL (oid) { MATCH (h:HarmAssessment {ocgId: oid}) WHERE h.areaId IS NULL AND ${rd.filter('h')} RETURN h ORDER BY h.scoredAt DESC, h.id LIMIT 1 }
     RETURN oid, properties(h) AS h`, { ids: [...ocgIds].sort() }));
  for (const r of rows) sawOther(rd, 'HarmAssessment', (r.h as RawRecord).id);
  return new Map(rows.map((r) => [r.oid as string, { id: (r.h as RawRecord).id, type: 'HarmAssessment', label: '', props: r.h as RawRecord, access: rd.access(MARKS(r.h as RawRecord)), markings: MARKS(r.h as RawRecord) }]));
}

async function impactsOf(db: Db, rd: Reader, ocgIds: string[]): Promise<{ impact: RawRecord; area: string }[]> {
  if (!ocgIds.length) return [];
  const rows = await db.read(q(rd,
    `MATCH (i:ImpactRecord) WHERE i.ocgId IN $ids AND ${rd.filter('i')}
     OPTIONAL MATCH (a:Area:Entity {id: i.areaId})
     RETURN properties(i) AS i, properties(a) AS a ORDER BY i.harm DESC, i.id LIMIT 50`, { ids: ocgIds }));
  return rows.map((r) => {
    sawOther(rd, 'ImpactRecord', (r.i as RawRecord).id);
    const a = r.a as RawRecord | null;
    // Administrative geography is reference data: an area's name may be shown to anyone.
    const named = a && (rd.access(MARKS(a)) === 'full' || rd.access(MARKS(a)) === 'shared' || isReferenceGeography('Area', MARKS(a)));
    return { impact: r.i as RawRecord, area: named ? String(a!.label) : 'an area' };
  });
}

async function questionsConcerning(db: Db, rd: Reader, targetIds: string[] | null, today: string): Promise<{ q: Node; coverage: ReturnType<typeof assessCoverage>; cites: string[] }[]> {
  const rows = await db.read(q(rd,
    `MATCH (qn:Question:Entity) WHERE ${rd.filter('qn')} AND NOT coalesce(qn.archived,false)
       AND ($targets IS NULL OR EXISTS { MATCH (qn)-[c:CONCERNS]->(t:Entity) WHERE t.id IN $targets AND ${rd.filter('c')} AND ${rd.filter('t')} })
     WITH qn ORDER BY qn.id LIMIT 100
     WITH qn, [(qn)-[c:CONCERNS]->(t:Entity) WHERE $targets IS NOT NULL AND t.id IN $targets AND ${rd.filter('c')} AND ${rd.filter('t')} | c.id] AS concerns
     OPTIONAL MATCH (r:IntelligenceReport:Entity)-[a:ANSWERS]->(qn) WHERE ${rd.filter('r')} AND ${rd.filter('a')} AND NOT coalesce(r.archived,false)
     WITH qn, concerns, r, a ORDER BY r.id
     RETURN properties(qn) AS qn, concerns, collect(properties(r)) AS reports, collect(a.id) AS answers ORDER BY qn.id`, { targets: targetIds }));
  return rows.map((row) => {
    sawLinks(rd, row.concerns);
    sawLinks(rd, row.answers);
    const qn = node(rd, row.qn as RawRecord);
    const reports = (row.reports as RawRecord[]).map((r) => node(rd, r));
    const evidence: EvidenceReport[] = reports.map((r) => ({ id: r.id, ...r.props }) as EvidenceReport);
    return { q: qn, coverage: assessCoverage(evidence, Number(qn.props.reviewPeriodDays ?? 90), today), cites: reports.map((r) => r.id) };
  });
}

const cap = <T>(xs: T[], n: number) => xs.slice(0, n);

/** Fills every section of a template from what the reader may use. */
export async function draftContent(db: Db, rd: Reader, spec: DraftSpec, tpl: ProductTemplate): Promise<Drafted> {
  const col = new Collector();
  const sections: Section[] = tpl.sections.map((s) => ({ key: s.key, title: s.title, source: s.source, guidance: s.guidance, statements: [], snapshot: null }));
  const fill: Partial<Record<SectionSource, (s: Section) => void>> = {};
  const say = (s: Section, text: string, cites: string[] = []) => s.statements.push({ id: `${s.key}-${s.statements.length + 1}`, text, cites });
  let reports = new Map<string, Node>();
  const useEntity = (...ids: string[]) => ids.forEach((i) => col.entities.add(i));
  const useLink = (l: Link) => { col.links.add(l.id); col.entities.add(l.source); col.entities.add(l.target); };

  if (spec.type === 'SUBJECT_PROFILE') {
    const id = spec.subjectIds[0];
    if (!id) throw invalid('subjectIds', 'Name the subject or OCG the profile is about');
    const net = await networkAround(db, rd, id);
    const c = net.centre;
    useEntity(c.id);
    const ids = new Set<string>(net.mentions);
    for (const l of net.hop1) for (const r of l.reportIds) ids.add(r);
    const reportIds = [...ids];
    reports = await readReports(db, rd, reportIds, col);
    const mentionCites = net.mentions.filter((r) => reports.has(r));
    const other = (l: Link) => net.nodes.get(l.source === c.id ? l.target : l.source)!;
    const hop1 = net.hop1.filter((l) => l.type !== 'MENTIONS');
    const ofType = (types: string[]) => hop1.filter((l) => types.includes(l.type) && other(l).type !== 'IntelligenceReport');
    const ocgIds = c.type === 'OCG' ? [c.id] : ofType(['MEMBER_OF']).map((l) => other(l).id).sort();

    fill.IDENTITY = (s) => {
      const p = c.props;
      if (c.type === 'Subject') {
        const name = [p.forename, p.surname].filter(Boolean).join(' ') || c.label;
        const bits = [p.dob ? `born ${p.dob}` : null, p.gender ? titleCase(String(p.gender)) : null, p.nationality ? `nationality ${p.nationality}` : null].filter(Boolean);
        say(s, `${name}${bits.length ? `, ${bits.join(', ')}` : ''}.`, mentionCites.slice(0, 5));
        const aliases = (p.aliases as string[] | undefined) ?? [];
        if (aliases.length) say(s, `Also known as ${aliases.join(', ')}.`, mentionCites.slice(0, 3));
        if (p.pncId) say(s, `PNC ${p.pncId}.`);
      } else {
        const types = ((p.crimeTypes as string[]) ?? []).map(titleCase);
        say(s, `${c.label}${p.reference ? ` (${p.reference})` : ''}: ${p.status ? `${titleCase(String(p.status))} ` : ''}organised crime group${types.length ? ` involved in ${types.join(', ')}` : ''}.`, mentionCites.slice(0, 5));
        if (p.leadAgency || p.leadArea) say(s, `Lead: ${[p.leadAgency, p.leadArea].filter(Boolean).join(', ')}.`);
      }
      if (p.notes) say(s, String(p.notes));
    };

    fill.ASSOCIATES = (s) => {
      const people = [...net.nodes.values()].filter((n) => n.type === 'Subject' || n.type === 'OCG');
      const metrics = computeMetrics({ nodes: people.map((n) => ({ id: n.id })), edges: net.links.filter((l) => net.nodes.get(l.source) && net.nodes.get(l.target)).map((l) => ({ source: l.source, target: l.target })) }, { metrics: ['degree', 'betweenness'] });
      const score = new Map(metrics.nodes.map((m) => [m.id, m]));
      const direct = hop1.filter((l) => other(l).type === 'Subject' && l.type !== 'MEMBER_OF');
      const viaGroup = c.type === 'Subject' ? [] : hop1.filter((l) => l.type === 'MEMBER_OF');
      const byId = new Map<string, Link[]>();
      for (const l of [...direct, ...viaGroup]) (byId.get(other(l).id) ?? byId.set(other(l).id, []).get(other(l).id)!).push(l);
      const ranked = [...byId.keys()].sort((a, b) => (score.get(b)?.betweenness ?? 0) - (score.get(a)?.betweenness ?? 0) || a.localeCompare(b));
      for (const aid of cap(ranked, 15)) {
        const ls = byId.get(aid)!;
        ls.forEach(useLink);
        const m = score.get(aid);
        const kinds = [...new Set(ls.map((l) => (l.type === 'MEMBER_OF'
          ? `${titleCase(String(l.props.role ?? 'unknown'))} member`
          : l.type === 'ASSOCIATE_OF' ? `associate${l.props.kind ? ` (${titleCase(String(l.props.kind))})` : ''}` : linkTitle(l.type).toLowerCase())))];
        say(s, `${net.nodes.get(aid)!.label}: ${kinds.join(', ')}; betweenness ${(m?.betweenness ?? 0).toFixed(3)}, ${m?.degree ?? 0} known connection${m?.degree === 1 ? '' : 's'}.`, ls.flatMap((l) => citesOf(l, reports)));
      }
      s.snapshot = circle([c.id, ...cap(ranked, 12)], net.nodes, net.links);
    };

    fill.ROLES = (s) => {
      for (const l of ofType(['MEMBER_OF'])) {
        useLink(l);
        const o = other(l);
        const who = c.type === 'OCG' ? `${o.label} is a` : 'A';
        const of = c.type === 'OCG' ? 'of this group' : `of ${o.label}`;
        say(s, `${who} ${titleCase(String(l.props.role ?? 'unknown'))} member ${of}${l.props.from ? ` since ${l.props.from}` : ''}.`, citesOf(l, reports));
      }
    };

    fill.LOCATIONS = (s) => {
      const ls = ofType(['LIVES_AT', 'FREQUENTS', 'OPERATES_IN']);
      for (const l of ls) {
        useLink(l);
        const o = other(l);
        const p = o.props;
        const where = o.type === 'Location' ? [p.address, p.postcode].filter(Boolean).join(', ') || o.label : o.label;
        say(s, `${linkTitle(l.type)}: ${where}${l.props.from ? ` (from ${l.props.from}${l.props.to ? ` to ${l.props.to}` : ''})` : ''}.`, citesOf(l, reports));
      }
      s.snapshot = mapOf(ls.map(other));
    };

    fill.OBJECTS = (s) => {
      for (const l of ofType(['USES_VEHICLE', 'USES_PHONE'])) {
        useLink(l);
        const o = other(l);
        const p = o.props;
        const what = o.type === 'Vehicle' ? `Vehicle ${p.vrm ?? o.label}${[p.colour, p.make, p.model].filter(Boolean).length ? ` (${[p.colour, p.make, p.model].filter(Boolean).join(' ')})` : ''}` : `Phone ${p.number ?? o.label}${p.imei ? `, IMEI ${p.imei}` : ''}`;
        say(s, `${what}.`, citesOf(l, reports));
      }
    };

    fill.OFFENDING = (s) => {
      const types = new Set<string>();
      for (const oid of ocgIds) for (const t of ((net.nodes.get(oid)?.props.crimeTypes as string[]) ?? [])) types.add(titleCase(t));
      if (types.size) say(s, `Crime types of the groups involved: ${[...types].sort().join(', ')}.`);
      const events = ofType(['INVOLVED_IN']).map((l) => ({ l, e: other(l) })).sort((a, b) => String(a.e.props.date ?? '').localeCompare(String(b.e.props.date ?? '')) || a.e.id.localeCompare(b.e.id));
      for (const { l, e } of events) {
        useLink(l);
        say(s, `${e.props.date ?? 'Undated'}: ${e.props.eventType ? titleCase(String(e.props.eventType)) : 'event'} (${e.label}).`, citesOf(l, reports));
      }
    };

    fill.SEQUENCE = (s) => {
      const items: { date: string; id: string; text: string; cites: string[] }[] = [];
      for (const r of reports.values()) {
        const d = fmtDate(r.props.eventDate) ?? fmtDate(r.props.recordedAt);
        if (d) items.push({ date: d, id: r.id, text: `${d}: intelligence report graded ${grade(r.props)}.`, cites: [r.id] });
      }
      for (const l of hop1) {
        const d = fmtDate(l.props.from);
        if (d) items.push({ date: d, id: l.id, text: `${d}: ${linkTitle(l.type).toLowerCase()} ${other(l).label} begins.`, cites: citesOf(l, reports) });
        const e = other(l);
        if (e.type === 'Event' && fmtDate(e.props.date)) items.push({ date: fmtDate(e.props.date)!, id: e.id, text: `${fmtDate(e.props.date)}: ${e.props.eventType ? titleCase(String(e.props.eventType)) : 'event'} (${e.label}).`, cites: citesOf(l, reports) });
      }
      items.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
      for (const it of cap(items, 60)) say(s, it.text, it.cites);
    };

    const sectionsFromShared = await sharedSections(db, rd, spec, ocgIds, [c.id, ...ocgIds], col);
    Object.assign(fill, sectionsFromShared.fill);
    reports = new Map([...reports, ...sectionsFromShared.reports]);
  } else if (spec.type === 'PROBLEM_PROFILE') {
    if (!spec.crimeType || !(CRIME_TYPES as readonly string[]).includes(spec.crimeType)) throw invalid('crimeType', `Choose the crime type the problem profile is about (${CRIME_TYPES.join(', ')})`);
    if (spec.areaId) {
      const [area] = await db.read(q(rd, `MATCH (a:Area:Entity {id: $id}) WHERE ${rd.filter('a')} RETURN a.id AS id`, { id: spec.areaId }));
      if (!area) throw notFound('Area', spec.areaId, 'areaId');
      rd.read.entities.add(spec.areaId);
    }
    const ocgRows = await db.read(q(rd,
      `MATCH (o:OCG:Entity) WHERE $ct IN coalesce(o.crimeTypes, []) AND ${rd.filter('o')} AND NOT coalesce(o.archived,false)
         AND ($area IS NULL OR EXISTS { MATCH (o)-[r:OPERATES_IN]->(a:Area:Entity {id: $area}) WHERE ${rd.filter('r')} AND ${rd.filter('a')} })
       RETURN properties(o) AS o, [(o)-[r:OPERATES_IN]->(a:Area:Entity {id: $area}) WHERE ${rd.filter('r')} | r.id] AS within ORDER BY o.id LIMIT 100`, { ct: spec.crimeType, area: spec.areaId }));
    for (const r of ocgRows) sawLinks(rd, r.within);
    const ocgs = ocgRows.map((r) => node(rd, r.o as RawRecord));
    const ocgIds = ocgs.map((o) => o.id);
    const memberRows = ocgIds.length ? await db.read(q(rd,
      `UNWIND $ids AS oid MATCH (s:Subject:Entity)-[r:MEMBER_OF]->(o:OCG:Entity {id: oid}) WHERE ${rd.filter('s')} AND ${rd.filter('r')} AND NOT coalesce(s.archived,false) AND NOT coalesce(r.archived,false)
       RETURN oid, properties(s) AS s, properties(r) AS r ORDER BY oid, s.id`, { ids: ocgIds })) : [];
    const members = new Map<string, { s: Node; l: Link }[]>();
    for (const row of memberRows) {
      const sN = node(rd, row.s as RawRecord);
      const l = link(rd, row.r as RawRecord, 'MEMBER_OF', sN.id, row.oid as string);
      (members.get(row.oid as string) ?? members.set(row.oid as string, []).get(row.oid as string)!).push({ s: sN, l });
    }
    const people = [...new Set([...ocgIds, ...memberRows.map((r) => (r.s as RawRecord).id)])].sort();
    const mentionRows = people.length ? await db.read(q(rd,
      `UNWIND $ids AS pid MATCH (r:IntelligenceReport:Entity)-[m:MENTIONS]->(:Entity {id: pid}) WHERE ${rd.filter('r')} AND ${rd.filter('m')} AND NOT coalesce(r.archived,false)
       WITH r.id AS id, collect(m.id) AS mids RETURN id, mids ORDER BY id LIMIT 2000`, { ids: people })) : [];
    for (const r of mentionRows) sawLinks(rd, r.mids);
    reports = await readReports(db, rd, [...mentionRows.map((r) => r.id as string), ...memberRows.flatMap((r) => ((r.r as RawRecord).reportIds as string[]) ?? [])], col);

    fill.NETWORKS = (s) => {
      for (const o of ocgs) {
        useEntity(o.id);
        const ms = members.get(o.id) ?? [];
        ms.forEach(({ l }) => useLink(l));
        const principals = ms.filter((m) => m.l.props.role === 'PRINCIPAL').map((m) => m.s.label);
        say(s, `${o.label}${o.props.reference ? ` (${o.props.reference})` : ''}: ${ms.length} known member${ms.length === 1 ? '' : 's'}${principals.length ? `; principal: ${principals.join(', ')}` : ''}.`, ms.flatMap((m) => citesOf(m.l, reports)).slice(0, 10));
      }
    };

    fill.TRENDS = (s) => trends(s, [...reports.values()], say);

    const hotRows = people.length ? await db.read(q(rd,
      `UNWIND $ids AS pid MATCH (p:Entity {id: pid})-[r:LIVES_AT|FREQUENTS]->(l:Location:Entity) WHERE ${rd.filter('r')} AND ${rd.filter('l')} AND NOT coalesce(l.archived,false) AND NOT coalesce(r.archived,false)
       RETURN properties(l) AS l, collect(properties(r)) AS rs, count(DISTINCT p) AS n ORDER BY n DESC, l.id LIMIT 10`, { ids: people })) : [];
    fill.HOTSPOTS = (s) => {
      const locs: Node[] = [];
      for (const row of hotRows) {
        const l = node(rd, row.l as RawRecord);
        locs.push(l);
        const ls = (row.rs as RawRecord[]).map((r) => link(rd, r, 'FREQUENTS', '', l.id));
        useEntity(l.id);
        ls.forEach((x) => col.links.add(x.id));
        const where = [l.props.address, l.props.postcode].filter(Boolean).join(', ') || l.label;
        say(s, `${where}: used by ${row.n} of the subjects and groups involved.`, ls.flatMap((x) => citesOf(x, reports)).slice(0, 8));
      }
      s.snapshot = mapOf(locs);
    };
    const shared = await sharedSections(db, rd, spec, ocgIds, people, col);
    Object.assign(fill, shared.fill);
    reports = new Map([...reports, ...shared.reports]);
  } else {
    // Tactical and strategic assessments: the whole picture the reader may use.
    const strategic = spec.type === 'STRATEGIC_ASSESSMENT';
    const priorities = await db.read(q(rd,
      `MATCH (p:Priority:Entity) WHERE ${rd.filter('p')} AND NOT coalesce(p.archived,false)
       OPTIONAL MATCH (req:IntelligenceRequirement:Entity)-[s:SUPPORTS]->(p) WHERE ${rd.filter('req')} AND ${rd.filter('s')} AND NOT coalesce(req.archived,false)
       WITH p, req, s ORDER BY req.id
       RETURN properties(p) AS p, collect(req.label) AS reqs, collect(req.id) AS reqIds, collect(s.id) AS supports ORDER BY p.rank, p.id LIMIT 50`));
    for (const r of priorities) { sawLinks(rd, r.supports); for (const id of r.reqIds as string[]) rd.read.entities.add(id); }
    fill.PRIORITIES = (s) => {
      for (const row of priorities) {
        const p = node(rd, row.p as RawRecord);
        useEntity(p.id);
        const reqs = row.reqs as string[];
        say(s, `${p.props.rank ? `${p.props.rank}. ` : ''}${p.label}${p.props.owner ? ` (owner: ${p.props.owner})` : ''}${strategic && reqs.length ? `; requirements: ${reqs.join('; ')}` : ''}.`);
      }
    };
    const ocgRows = await db.read(q(rd, `MATCH (o:OCG:Entity) WHERE ${rd.filter('o')} AND NOT coalesce(o.archived,false) RETURN o.id AS id ORDER BY id LIMIT 500`));
    const ocgIds = ocgRows.map((r) => r.id as string);
    ocgIds.forEach((id) => rd.read.entities.add(id));
    const from = addDays(spec.today, -28);
    const recent = await db.read(q(rd,
      `MATCH (r:IntelligenceReport:Entity) WHERE ${rd.filter('r')} AND NOT coalesce(r.archived,false) AND coalesce(r.eventDate, left(r.recordedAt, 10)) >= $from
       RETURN r.id AS id ORDER BY id LIMIT 500`, { from }));
    let all: { id: string }[] = [];
    if (strategic) {
      all = (await db.read(q(rd, `MATCH (r:IntelligenceReport:Entity) WHERE ${rd.filter('r')} AND NOT coalesce(r.archived,false) RETURN r.id AS id ORDER BY id LIMIT 5000`))).map((r) => ({ id: r.id as string }));
    }
    reports = await readReports(db, rd, [...recent.map((r) => r.id as string), ...all.map((r) => r.id)], col);
    fill.RECENT = (s) => {
      const rs = recent.map((r) => reports.get(r.id as string)).filter((r): r is Node => !!r);
      const strong = rs.filter((r) => ['1', '2'].includes(String(r.props.sourceEvaluation)) && ['A', 'B'].includes(String(r.props.intelAssessment)));
      say(s, `${rs.length} intelligence report${rs.length === 1 ? '' : 's'} dated since ${from}; ${strong.length} graded 1 or 2 and A or B.`, strong.map((r) => r.id).slice(0, 20));
    };
    fill.TRENDS = (s) => trends(s, [...reports.values()], say);
    const shared = await sharedSections(db, rd, spec, ocgIds, null, col);
    Object.assign(fill, shared.fill);
    reports = new Map([...reports, ...shared.reports]);
  }

  for (const s of sections) fill[s.source]?.(s);
  const sources = numberSources(sections, col.reports);
  return {
    sections, sources, entityIds: [...rd.read.entities].sort(), linkIds: [...rd.read.links].sort(),
    others: Object.fromEntries([...rd.read.others].map(([l, ids]) => [l, [...ids].sort()])) as Record<OtherLabel, string[]>,
  };
}

function trends(s: Section, reports: Node[], say: (s: Section, text: string, cites?: string[]) => void): void {
  const byQuarter = new Map<string, Node[]>();
  for (const r of reports) {
    const d = fmtDate(r.props.eventDate) ?? fmtDate(r.props.recordedAt);
    if (!d) continue;
    const key = `${d.slice(0, 4)} Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
    (byQuarter.get(key) ?? byQuarter.set(key, []).get(key)!).push(r);
  }
  const keys = [...byQuarter.keys()].sort().slice(-8);
  for (const k of keys) {
    const rs = byQuarter.get(k)!.sort((a, b) => a.id.localeCompare(b.id));
    const strong = rs.filter((r) => ['A', 'B'].includes(String(r.props.intelAssessment)));
    say(s, `${k}: ${rs.length} report${rs.length === 1 ? '' : 's'}, ${strong.length} assessed A or B.`, rs.map((r) => r.id).slice(0, 10));
  }
}

/** Sections every product type can have: harm, impact, requirement questions and gaps, decisions. */
async function sharedSections(db: Db, rd: Reader, spec: DraftSpec, ocgIds: string[], concernIds: string[] | null, col: Collector) {
  const fill: Partial<Record<SectionSource, (s: Section) => void>> = {};
  const harm = await harmOf(db, rd, ocgIds);
  const names = new Map((ocgIds.length ? await db.read(q(rd, `UNWIND $ids AS id MATCH (o:OCG:Entity {id: id}) WHERE ${rd.filter('o')} RETURN o.id AS id, o.label AS label`, { ids: ocgIds })) : []).map((r) => [r.id as string, r.label as string]));
  const say = (s: Section, text: string, cites: string[] = []) => s.statements.push({ id: `${s.key}-${s.statements.length + 1}`, text, cites });
  fill.HARM = (s) => {
    const rows = [...harm.entries()].sort((a, b) => Number(b[1].props.total) - Number(a[1].props.total) || a[0].localeCompare(b[0]));
    for (const [oid, h] of cap(rows, 20)) {
      col.entities.add(oid);
      const p = h.props;
      say(s, `${names.get(oid) ?? oid}: band ${p.band} (harm ${p.harm}, likelihood ${p.likelihood}, capability ${p.capability}; total ${p.total}), scored ${fmtDate(p.scoredAt)} under template ${p.templateVersion}; review due ${p.reviewDue}.`);
    }
    if (spec.type === 'STRATEGIC_ASSESSMENT' && rows.length) {
      const bands = new Map<string, number>();
      for (const [, h] of rows) bands.set(String(h.props.band), (bands.get(String(h.props.band)) ?? 0) + 1);
      say(s, `Groups by band: ${[...bands.entries()].sort().map(([b, n]) => `${b} ${n}`).join(', ')}.`);
    }
  };
  const impacts = await impactsOf(db, rd, ocgIds);
  fill.IMPACT = (s) => {
    for (const { impact: i, area } of cap(impacts, 30)) {
      say(s, `${names.get(i.ocgId as string) ?? 'A group'} impacts ${area}: band ${i.band} (harm ${i.harm}), ${titleCase(String(i.status))}.`);
    }
  };
  const questions = await questionsConcerning(db, rd, concernIds, spec.today);
  const qReports = await readReports(db, rd, questions.flatMap((x) => x.cites), col);
  fill.REQUIREMENT = (s) => {
    for (const x of questions.filter((x) => x.coverage.state === 'COVERED' || x.coverage.state === 'STALE')) {
      col.entities.add(x.q.id);
      say(s, `${x.q.props.text ?? x.q.label}: ${x.coverage.state.toLowerCase()}, ${x.coverage.reportCount} report${x.coverage.reportCount === 1 ? '' : 's'} (${x.coverage.reason}).`, x.cites.filter((c) => qReports.has(c)).slice(0, 10));
    }
  };
  fill.GAPS = (s) => {
    for (const x of questions.filter((x) => x.coverage.state !== 'COVERED')) {
      col.entities.add(x.q.id);
      say(s, `Gap: ${x.q.props.text ?? x.q.label} (${x.coverage.state.toLowerCase()}: ${x.coverage.reason}).`, x.cites.filter((c) => qReports.has(c)).slice(0, 5));
    }
  };
  const days = spec.type === 'STRATEGIC_ASSESSMENT' ? 365 : 90;
  const decisions = spec.type === 'TACTICAL_ASSESSMENT' || spec.type === 'STRATEGIC_ASSESSMENT' ? await db.read(q(rd,
    `MATCH (d:Decision) WHERE ${rd.filter('d')} AND d.date >= $from
     OPTIONAL MATCH (d)-[:RECORDED_AT]->(m:Meeting) WHERE ${rd.filter('m')}
     RETURN properties(d) AS d, m.title AS meeting, m.id AS meetingId ORDER BY d.date DESC, d.id LIMIT 30`, { from: addDays(spec.today, -days) })) : [];
  for (const row of decisions) { sawOther(rd, 'Decision', (row.d as RawRecord).id); sawOther(rd, 'Meeting', row.meetingId); }
  fill.DECISIONS = (s) => {
    for (const row of decisions) {
      const d = row.d as RawRecord;
      say(s, `${d.date}${row.meeting ? ` (${row.meeting})` : ''}: ${d.text}${d.rationale ? `. Rationale: ${d.rationale}` : ''}`);
    }
  };
  return { fill, reports: qReports };
}

// ---------------------------------------------------------------------------------------------
// Edited content

export interface StatementEdit { id?: string | null; text: string; cites?: string[] | null }

/**
 * An author's edit of a draft: statement texts, order, new statements and citations. A citation
 * must be a report the product's reader may use (the draft reader at the product's marking).
 */
export async function applyEdits(db: Db, rd: Reader, current: Content, edits: { key: string; statements: StatementEdit[] }[], version: number): Promise<Content> {
  const sections = current.sections.map((s) => ({ ...s, statements: [...s.statements] }));
  const cited = new Set<string>();
  for (const e of edits) {
    const s = sections.find((x) => x.key === e.key);
    if (!s) throw invalid('sections', `The product has no section ${JSON.stringify(e.key)}`);
    if (e.statements.length > MAX_STATEMENTS_PER_SECTION) throw invalid('sections', `At most ${MAX_STATEMENTS_PER_SECTION} statements per section`);
    const used = new Set<string>();
    s.statements = e.statements.map((st, i): Statement => {
      const text = (st.text ?? '').normalize('NFC').trim();
      if (!text) throw invalid('sections', `${s.title}: statement ${i + 1} is empty (remove it instead)`);
      if (text.length > MAX_STATEMENT) throw invalid('sections', `${s.title}: statement ${i + 1} is longer than ${MAX_STATEMENT} characters`);
      let id = st.id && /^[a-z0-9-]{1,80}$/.test(st.id) ? st.id : `${s.key}-v${version}-${i + 1}`;
      while (used.has(id)) id = `${id}-x`;
      used.add(id);
      const cites = [...new Set((st.cites ?? []).map(String))];
      cites.forEach((c) => cited.add(c));
      return { id, text, cites };
    });
  }
  const known = new Map(current.sources.map((x) => [x.reportId, x]));
  const unknown = [...cited].filter((c) => !known.has(c));
  if (unknown.length) {
    const col = new Collector();
    const found = await readReports(db, rd, unknown, col);
    for (const c of unknown) if (!found.has(c)) throw notFound('Intelligence report', c, 'cites');
    for (const [id, src] of col.reports) known.set(id, { ...src, ref: '' });
  }
  return { sections, sources: numberSources(sections, known) };
}

export function parseContent(v: VersionRow | ReleaseRow): Content {
  return JSON.parse(v.content) as Content;
}
