import type { Db } from '../../server/db/db.js';
import type { Viewer } from '../../server/domain/policy.js';
import { PRODUCT_TYPE_TITLES, draftReader, recipientReader, type ProductType } from '../../server/domain/products.js';
import { draftContent, parseContent, releaseReaderOf, template, versionOf } from '../../server/graph/products.js';
import { productPdf } from '../../server/products/render.js';
import { draftProductAs } from '../../server/products/workflow.js';
import { ms, summarise } from './stats.js';

/**
 * Intelligence products on the seeded graph: how long drafting each type takes (every section's
 * queries, the metrics, the stored version), drafting a sanitised version for a partner, and making
 * the PDF. The drafts are made by a benchmark author of West Midlands Police and removed afterwards.
 */
export async function benchProducts(db: Db, out: (s?: string) => void, log: (s: string) => void): Promise<void> {
  const author: Viewer & { displayName: string } = {
    userId: 'bench-products', username: 'bench-products', role: 'PRINCIPAL_ANALYST', agency: 'AG-WMP', clearance: 'SECRET', compartments: [], displayName: 'Bench author',
  };
  const clear = () => db.write({ text: "MATCH (p:Product {authorUsername: 'bench-products'}) OPTIONAL MATCH (p)-[:HAS_VERSION]->(v) DETACH DELETE p, v", params: {} });
  await clear();
  const hubs = await db.read({
    text: `MATCH (o:Entity:OCG {agency: 'AG-WMP'}) WITH o ORDER BY o.id LIMIT 10
           MATCH (s:Entity:Subject)-[:MEMBER_OF]->(o) WHERE s.agency = 'AG-WMP' AND coalesce(s.classification, 'OFFICIAL') IN ['OFFICIAL', 'OFFICIAL-SENSITIVE']
           WITH o, s ORDER BY COUNT { (s)--() } DESC, s.id WITH o, collect(s.id)[0] AS hub RETURN hub ORDER BY hub`,
    params: {},
  });
  if (!hubs.length) { out('No West Midlands group to profile: seed first.'); return; }
  out();
  out('## Intelligence products');
  out(`Drafting at OFFICIAL-SENSITIVE as a principal analyst of West Midlands Police (${hubs.length} subject profiles of group principals; each other type drafted 5 times), after one untimed run of each kind (its queries planned).`);
  out();
  out('| what | n | p50 | p95 | statements (first) |');
  out('|---|---:|---:|---:|---:|');
  const made: string[] = [];
  const time = async (label: string, n: number, fn: (i: number) => Promise<number>) => {
    const samples: number[] = [];
    let statements = 0;
    await fn(0); // untimed: the first run of each kind plans its queries
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const s = await fn(i);
      samples.push(performance.now() - t);
      if (i === 0) statements = s;
    }
    const r = summarise(samples);
    out(`| ${label} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${statements} |`);
  };
  const count = async (id: string) => parseContent(await versionOf(db, id, 1)).sections.reduce((n, s) => n + s.statements.length, 0);
  const draft = async (type: ProductType, extra: Record<string, unknown>) => {
    const p = await draftProductAs(db, author, { type, title: `Bench ${type}`, classification: 'OFFICIAL-SENSITIVE', ...extra }, new Date().toISOString());
    made.push(p.id);
    return count(p.id);
  };
  try {
    log('products: drafting');
    await time(`${PRODUCT_TYPE_TITLES.SUBJECT_PROFILE} (group principal)`, hubs.length, (i) => draft('SUBJECT_PROFILE', { subjectIds: [hubs[i]!.hub] }));
    await time(`${PRODUCT_TYPE_TITLES.PROBLEM_PROFILE} (drugs supply)`, 5, () => draft('PROBLEM_PROFILE', { crimeType: 'DRUGS_SUPPLY' }));
    await time(PRODUCT_TYPE_TITLES.TACTICAL_ASSESSMENT, 5, () => draft('TACTICAL_ASSESSMENT', {}));
    await time(PRODUCT_TYPE_TITLES.STRATEGIC_ASSESSMENT, 5, () => draft('STRATEGIC_ASSESSMENT', {}));
    log('products: sanitised versions and PDF');
    const tpl = await template(db, 'AG-WMP', 'SUBJECT_PROFILE');
    const rd = releaseReaderOf(draftReader(author, { classification: 'OFFICIAL-SENSITIVE', compartments: [] }), recipientReader('AG-GMP', 'OFFICIAL-SENSITIVE'));
    await time('Sanitised subject profile for GMP', hubs.length, async (i) => {
      const d = await draftContent(db, rd, { type: 'SUBJECT_PROFILE', subjectIds: [hubs[i]!.hub as string], crimeType: null, areaId: null, today: new Date().toISOString().slice(0, 10) }, tpl);
      return d.sections.reduce((n, s) => n + s.statements.length, 0);
    });
    const content = parseContent(await versionOf(db, made[0]!, 1));
    await time('PDF of a subject profile', 10, async () => {
      const pdf = await productPdf({ title: 'Bench', typeTitle: 'Subject profile', classification: 'OFFICIAL-SENSITIVE', handling: 'P', content, author: 'Bench', date: new Date().toISOString(), status: 'DRAFT', agencyName: 'West Midlands Police', conditions: [] });
      return pdf.pages;
    });
    out('(For the PDF, the last column is its pages.)');
  } finally {
    await clear();
  }
}
