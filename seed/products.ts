import { viewerOf } from '../server/auth/users.js';
import { cypher, type Db } from '../server/db/db.js';
import { draftProductAs, productActionAs, saveProductAs } from '../server/products/workflow.js';

/**
 * The demo's intelligence products, through the same functions as the API: the principal analyst's
 * subject profile of the first group's most connected member and a problem profile of drugs supply,
 * each drafted from the graph at OFFICIAL-SENSITIVE, given a summary, submitted and approved by the
 * intelligence manager. Idempotent and resumable: a product already made (by its title) only gets the
 * steps it still lacks.
 */
export const DEMO_PRODUCTS = { profile: 'Subject profile: principal of the first group', problem: 'Problem profile: drugs supply in the West Midlands' };

export async function seedProducts(db: Db): Promise<{ products: number }> {
  const users = new Map((await db.read(cypher(
    "MATCH (u:User) WHERE u.username IN ['principal', 'manager'] RETURN u.id AS id, u.username AS username, u.role AS role, u.clearance AS clearance, u.agency AS agency, u.compartments AS compartments, u.displayName AS displayName",
  ))).map((r) => [r.username as string, { ...viewerOf(r), displayName: (r.displayName as string) ?? (r.username as string) }]));
  const author = users.get('principal');
  const manager = users.get('manager');
  if (!author || !manager) return { products: 0 };
  const made = new Map((await db.read(cypher('MATCH (p:Product {agency: $ag}) RETURN p.title AS title, p.id AS id, p.status AS status, p.version AS version', { ag: author.agency })))
    .map((r) => [r.title as string, { id: r.id as string, status: r.status as string, version: Number(r.version) }]));
  const [hub] = await db.read(cypher(
    `MATCH (o:Entity:OCG {agency: $ag}) WITH o ORDER BY o.id LIMIT 1
     MATCH (s:Entity:Subject)-[:MEMBER_OF]->(o) WHERE s.agency = $ag AND coalesce(s.classification, 'OFFICIAL') IN ['OFFICIAL', 'OFFICIAL-SENSITIVE'] AND size(coalesce(s.compartments, [])) = 0
     RETURN s.id AS id, s.label AS label, o.label AS ocg, COUNT { (s)--() } AS degree ORDER BY degree DESC, id LIMIT 1`, { ag: author.agency },
  ));
  const plans = [
    hub && {
      title: DEMO_PRODUCTS.profile, input: { type: 'SUBJECT_PROFILE' as const, subjectIds: [hub.id as string] },
      summary: `${hub.label} is assessed as the principal of ${hub.ocg}: the most connected member of its network, directing supply and the group's money. Recommend an intelligence development plan against the gaps below.`,
    },
    {
      title: DEMO_PRODUCTS.problem, input: { type: 'PROBLEM_PROFILE' as const, crimeType: 'DRUGS_SUPPLY' },
      summary: 'Drugs supply remains the region\u2019s highest-harm organised crime problem; the groups below account for most of the reporting, concentrated on a small number of addresses.',
    },
  ].filter(Boolean) as { title: string; input: { type: 'SUBJECT_PROFILE' | 'PROBLEM_PROFILE'; subjectIds?: string[]; crimeType?: string }; summary: string }[];
  let products = 0;
  for (const plan of plans) {
    // Each step is taken only if not yet taken, so a seed killed half-way through a product finishes it.
    const now = new Date().toISOString();
    let p = made.get(plan.title);
    if (!p) {
      const row = await draftProductAs(db, author, { ...plan.input, title: plan.title, classification: 'OFFICIAL-SENSITIVE' }, now);
      p = { id: row.id, status: row.status, version: row.version };
      products++;
    }
    if (p.status === 'DRAFT' && p.version === 1) {
      await saveProductAs(db, author, p.id, 1, { sections: [{ key: 'summary', statements: [{ text: plan.summary }] }], note: 'Summary written' }, now);
    }
    if (p.status === 'DRAFT') await productActionAs(db, author, p.id, 'SUBMIT', 'Ready for review', now);
    if (p.status === 'DRAFT' || p.status === 'REVIEW') await productActionAs(db, manager, p.id, 'APPROVE', 'Approved for the tactical tasking and coordination group', now);
  }
  return { products };
}
