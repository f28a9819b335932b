import { viewerOf } from '../server/auth/users.js';
import { cypher, type Db } from '../server/db/db.js';
import { decide, stubId, type Viewer } from '../server/domain/policy.js';
import { Agencies } from '../server/graph/agencies.js';
import { acknowledge, createRequest, requestsOf } from '../server/graph/inbox.js';
import { createWatch, watchesOf } from '../server/graph/watches.js';

/**
 * The demo's cross-agency traffic, through the same functions as the API: `partner.gmp` has
 * acknowledged the first impact disseminated to it and asked West Midlands about a subject it met as
 * a stub; `partner.nca` has recorded a deconfliction interest in a vehicle; `analyst` watches the
 * most connected subject of the first group and a search. Idempotent: each user's part is skipped
 * once it exists. Needs the demo accounts and the OCG management stage.
 */
export async function seedInbox(db: Db): Promise<{ requests: number; watches: number; acknowledged: number }> {
  const dir = new Agencies(db);
  await dir.refresh(true);
  const users = new Map((await db.read(cypher(
    "MATCH (u:User) WHERE u.username IN ['partner.gmp', 'partner.nca', 'analyst'] RETURN u.id AS id, u.username AS username, u.role AS role, u.clearance AS clearance, u.agency AS agency, u.compartments AS compartments, u.displayName AS displayName",
  ))).map((r) => [r.username as string, { ...viewerOf(r), displayName: (r.displayName as string) ?? (r.username as string) }]));
  const out = { requests: 0, watches: 0, acknowledged: 0 };
  const at = new Date().toISOString();

  const gmp = users.get('partner.gmp');
  if (gmp) {
    const [first] = await db.read(cypher(
      `MATCH (d:Dissemination {recipientAgency: $ag}) WHERE NOT EXISTS { MATCH (:Receipt {agency: $ag}) }
       RETURN d.id AS id ORDER BY d.authorisedAt, d.id LIMIT 1`, { ag: gmp.agency },
    ));
    if (first) { await acknowledge(db, gmp, first.id as string, at); out.acknowledged++; }
    if (!(await requestsOf(db, gmp, { direction: 'SENT', limit: 1 })).length) {
      const subject = await firstStub(db, gmp, 'Subject', 'AG-WMP');
      if (subject) {
        await createRequest(db, gmp, {
          kind: 'REQUEST', references: [stubId(gmp, subject)],
          question: 'We stopped this person in Manchester with cash and two phones. What do you hold on their role and associates?',
          purpose: 'Assess whether the stop relates to the county line into our area and plan any disruption',
          lawfulBasis: 'Data Protection Act 2018 Part 3 (law enforcement purposes); common law policing powers',
        }, at);
        out.requests++;
      }
    }
  }
  const nca = users.get('partner.nca');
  if (nca && !(await requestsOf(db, nca, { direction: 'SENT', limit: 1 })).length) {
    const vehicle = await firstStub(db, nca, 'Vehicle', 'AG-WMP');
    if (vehicle) {
      await createRequest(db, nca, {
        kind: 'DECONFLICTION', references: [stubId(nca, vehicle)],
        purpose: 'An NCA surveillance operation is following this vehicle: deconflict before any stop',
      }, at);
      out.requests++;
    }
  }
  const analyst = users.get('analyst');
  if (analyst && !(await watchesOf(db, analyst)).length) {
    // The most connected subject the analyst sees in full among the members of the first group.
    const [hub] = await db.read(cypher(
      `MATCH (o:Entity:OCG {agency: 'AG-WMP'}) WITH o ORDER BY o.id LIMIT 1
       MATCH (s:Entity:Subject)-[:MEMBER_OF]->(o) WHERE s.agency = 'AG-WMP' AND coalesce(s.classification, 'OFFICIAL') IN ['OFFICIAL', 'OFFICIAL-SENSITIVE'] AND size(coalesce(s.compartments, [])) = 0
       RETURN s.id AS id, COUNT { (s)--() } AS degree ORDER BY degree DESC, id LIMIT 1`,
    ));
    if (hub) { await createWatch(db, dir, analyst, { kind: 'ENTITY', target: hub.id as string }, at); out.watches++; }
    await createWatch(db, dir, analyst, { kind: 'SEARCH', target: 'Hoxha' }, at);
    out.watches++;
  }
  return out;
}

/** The first record of a type held by an agency that this viewer meets as a stub, by id. */
async function firstStub(db: Db, viewer: Viewer, type: string, agency: string): Promise<string | undefined> {
  const rows = await db.read(cypher(
    `MATCH (n:Entity) WHERE n.type = $type AND n.agency = $agency AND NOT coalesce(n.archived, false)
     RETURN properties(n) AS n ORDER BY n.id LIMIT 200`, { type, agency },
  ));
  return rows.map((r) => r.n as { id: string }).find((n) => decide(viewer, n as never) === 'stub')?.id;
}
