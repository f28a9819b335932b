import { appendAudit } from '../server/audit/trail.js';
import { cypher, type Db } from '../server/db/db.js';
import { validateDissemination } from '../server/domain/dissemination.js';
import { addDays, scoreOcg, type HarmTemplate } from '../server/domain/harm.js';
import type { Viewer } from '../server/domain/policy.js';
import { mulberry32 } from '../server/domain/random.js';
import { disseminate } from '../server/graph/dissemination.js';
import { assessOcg, evidenceIdsOf, impactCandidates, impactFor, loadTemplate, recordImpact, type ImpactCandidate } from '../server/graph/ocg.js';

/**
 * OCG management on the seeded graph: harm assessments of the groups, impact records where detection
 * finds a group in another force's area (the generator's cross-boundary evidence), and disseminations
 * of those impacts to the affected partners and, for the highest bands, to the NCA. Every record is
 * made through the same service functions as the API (so its rules hold: own groups only, never the
 * lead area, evidence the assessor sees, sanitised text) and audited like the API's actions.
 *
 * Deterministic for a seed and a day: ids derive from what a record concerns, choices come from the
 * seeded PRNG, and dates count back from `today`, so a demo seeded on any day shows some reviews due
 * and some overdue. Idempotent: a record that exists is left alone (and so is anything a user has
 * since recorded, disseminated or marked not for dissemination).
 */
export interface ImpactSeedOptions {
  seed: number;
  /** YYYY-MM-DD; assessments are dated before it. */
  today: string;
  /** Caps per lead agency, so a large graph costs no more than a few hundred actions. */
  maxAssessments?: number;
  maxImpacts?: number;
}

export interface ImpactSeedResult {
  assessments: number;
  impacts: number;
  disseminations: number;
  /** Candidates detection found but the seed left unrecorded, so detection has something to show. */
  unrecorded: number;
}

/** The national partner that receives copies of the highest-harm cross-boundary impacts. */
export const NATIONAL_PARTNER = 'AG-NCA';
/** Each lead agency's assessor: an intelligence officer of that agency, named `seed` in the records and the audit trail. */
const actorFor = (agency: string): Viewer & { displayName: string } =>
  ({ userId: 'seed', username: 'seed', role: 'INTEL_OFFICER', clearance: 'SECRET', agency, compartments: [], displayName: 'Demo data generator' });

const SHARING = {
  handling: 'P',
  purpose: 'Inform the partner of an organised crime group impacting its area (OCG management)',
  lawfulBasis: 'DPA 2018 Part 3; common law policing purpose',
  sharingAgreement: 'Regional OCGM information sharing agreement 2025',
};

export async function seedImpact(db: Db, opts: ImpactSeedOptions): Promise<ImpactSeedResult> {
  const result: ImpactSeedResult = { assessments: 0, impacts: 0, disseminations: 0, unrecorded: 0 };
  const template = await loadTemplate(db);
  const leads = (await db.read(cypher(
    "MATCH (o:OCG:Entity) WHERE NOT coalesce(o.archived, false) AND o.agency IS NOT NULL RETURN DISTINCT o.agency AS agency ORDER BY agency",
  ))).map((r) => r.agency as string);
  const bands = template.bands.map((b) => b.band);
  const plan: Plan = {
    groupBands: shuffled(bands, prng(opts.seed, 'group-bands')), impactBands: shuffled(bands, prng(opts.seed, 'impact-bands')),
    groups: 0, candidates: 0, served: new Set(),
  };
  // Detection once per lead agency (ten queries whatever the size), before anything is written.
  const work: { actor: Viewer & { displayName: string }; groups: Group[]; found: ImpactCandidate[] }[] = [];
  for (const agency of leads) {
    const actor = actorFor(agency);
    work.push({ actor, groups: await liveGroups(db, agency, opts.maxAssessments ?? 60), found: await impactCandidates(db, actor, null) });
  }
  for (const { actor, groups, found } of work) {
    await assessGroups(db, actor, groups, template, opts, plan, result);
    await recordImpacts(db, actor, found, template, opts, plan, result);
  }
  return result;
}

/**
 * Choices that run across agencies, so every size spreads the same way: bands in turn (in a shuffled
 * order), one assessment in three dated past its review, and the first impact found on each affected
 * area (and each lead agency's first) always recorded and disseminated, so every affected partner and
 * every lead agency has something to see. Other impacts are left to the PRNG: some unrecorded (for
 * detection to find), some recorded but not yet disseminated.
 */
interface Plan {
  groupBands: string[];
  impactBands: string[];
  groups: number;
  candidates: number;
  served: Set<string>;
}

interface Group { id: string; assessed: boolean }

/** The agency's live groups (not archived), in id order, and whether the seed has assessed each. */
async function liveGroups(db: Db, agency: string, limit: number): Promise<Group[]> {
  const rows = await db.read(cypher(
    `MATCH (o:OCG:Entity {agency: $agency}) WHERE NOT coalesce(o.archived, false) AND coalesce(o.status, 'ACTIVE') <> 'ARCHIVED'
     OPTIONAL MATCH (h:HarmAssessment {id: 'HA-SEED-' + o.id})
     RETURN o.id AS id, h IS NOT NULL AS assessed ORDER BY o.id LIMIT $limit`,
    { agency, limit },
  ));
  return rows.map((r) => ({ id: r.id as string, assessed: r.assessed as boolean }));
}

/** Overall harm assessments of the agency's live groups: bands spread, one in three past its review. */
async function assessGroups(
  db: Db, actor: Viewer, groups: Group[], template: HarmTemplate, opts: ImpactSeedOptions, plan: Plan, result: ImpactSeedResult,
): Promise<void> {
  for (const g of groups) {
    const k = plan.groups++;
    if (g.assessed) continue;
    const id = g.id;
    const rng = prng(opts.seed, `assess:${id}`);
    const when = dated(rng, opts.today, template, k % 3 === 2);
    const band = plan.groupBands[k % plan.groupBands.length]!;
    const row = await assessOcg(db, actor, { ocgId: id, answers: answersFor(template, band, rng) }, { id: `HA-SEED-${id}`, now: when.at });
    await audit(db, actor, 'assessOcgHarm', { ocgId: id }, [row.id, id]);
    result.assessments++;
  }
}

/** Impact records for what detection finds, harm-assessed for the area, and their disseminations. */
async function recordImpacts(
  db: Db, actor: Viewer & { displayName: string }, found: ImpactCandidate[], template: HarmTemplate, opts: ImpactSeedOptions, plan: Plan, result: ImpactSeedResult,
): Promise<void> {
  const candidates = [...found]
    .filter((c) => c.ocg.status !== 'ARCHIVED')
    .sort((a, b) => a.ocg.id.localeCompare(b.ocg.id) || a.areaId.localeCompare(b.areaId))
    .slice(0, opts.maxImpacts ?? 25);
  for (const [n, c] of candidates.entries()) {
    const k = plan.candidates++;
    const rng = prng(opts.seed, `impact:${c.ocg.id}:${c.areaId}`);
    const first = n === 0 || !plan.served.has(c.areaId);
    plan.served.add(c.areaId);
    const [recordDraw, shareDraw] = [rng(), rng()];
    const record = first || recordDraw >= 0.2;
    const share = first || shareDraw >= 0.3;
    const band = plan.impactBands[k % plan.impactBands.length]!;
    const when = dated(rng, opts.today, template, k % 3 === 1);
    const answers = answersFor(template, band, rng);
    const id = `IMP-SEED-${c.ocg.id}-${c.areaId}`;
    let impact = await impactFor(db, c.ocg.id, c.areaId);
    if (!impact && !record) {
      result.unrecorded++;
      continue;
    }
    if (!impact) {
      const made = await recordImpact(
        db, actor, { ocgId: c.ocg.id, areaId: c.areaId, answers, summary: summaryOf(c), evidenceIds: evidenceIdsOf(c) },
        { id, assessmentId: `HA-SEED-${c.ocg.id}-${c.areaId}`, now: when.at },
      );
      await audit(db, actor, 'recordImpact', { ocgId: c.ocg.id, areaId: c.areaId }, [made.impact.id, made.assessment.id, c.ocg.id]);
      result.impacts++;
      impact = made.impact;
    }
    if (impact.id !== id || impact.nfd || impact.status === 'NFD' || !share) continue;
    const to = [impact.affectedAgency];
    if (['A', 'B'].includes(impact.band) && actor.agency !== NATIONAL_PARTNER && impact.affectedAgency !== NATIONAL_PARTNER) to.push(NATIONAL_PARTNER);
    for (const [i, recipient] of to.entries()) {
      if (await disseminated(db, impact.id, recipient)) continue;
      const fields = validateDissemination({
        ...SHARING, recipientAgency: recipient, impactId: impact.id,
        sanitisedText: `An organised crime group led from another force area has been assessed as impacting ${recipient === impact.affectedAgency ? 'your area' : 'a partner force area'} (harm band ${impact.band}). Contact the originating intelligence bureau before any action.`,
      }, actor.agency);
      // A day or a few after the assessment, and never later than yesterday.
      const after = Math.max(0, Math.min(1 + i + Math.floor(rng() * 4), daysBetween(impact.assessedAt, opts.today) - 1));
      const at = `${addDays(impact.assessedAt, after)}T${impact.assessedAt.slice(11)}`;
      const { record: d } = await disseminate(db, actor, fields, `DIS-SEED-${impact.id}-${recipient}`, at);
      await audit(db, actor, 'disseminate', { impactId: impact.id, recipientAgency: recipient }, d.recordIds.concat(d.id));
      result.disseminations++;
    }
  }
}

async function disseminated(db: Db, impactId: string, recipient: string): Promise<boolean> {
  const rows = await db.read(cypher('MATCH (d:Dissemination {impactId: $impactId, recipientAgency: $recipient}) RETURN d.id AS id LIMIT 1', { impactId, recipient }));
  return rows.length > 0;
}

async function audit(db: Db, actor: Viewer, op: string, args: Record<string, unknown>, resultIds: string[]): Promise<void> {
  await appendAudit(db, { actor: actor.username, agency: actor.agency, op, outcome: 'ok', args: { ...args, source: 'seed' }, resultIds, detail: 'demo data' });
}

function summaryOf(c: ImpactCandidate): string {
  const kinds = [...new Set(c.evidence.map((e) => e.kind.toLowerCase().replace('_', ' ')))].join(', ');
  return `Detection placed ${c.ocg.label as string} in this area (${kinds}); ${c.evidence.length} evidence record(s) reviewed by the lead force's intelligence bureau.`;
}

// ---------------------------------------------------------------------------------------------
// Deterministic choices

/** A PRNG stream for one record: the seed mixed with a key (FNV-1a). */
export function prng(seed: number, key: string): () => number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return mulberry32(h >>> 0);
}

function shuffled<T>(list: readonly T[], rng: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** When an assessment was made: recently (review due ahead) or before its review period ran out. */
function dated(rng: () => number, today: string, template: HarmTemplate, overdue: boolean): { at: string } {
  const period = template.reviewPeriodDays;
  const daysAgo = overdue ? period + 5 + Math.floor(rng() * period) : 2 + Math.floor(rng() * (period - 20));
  const hh = String(8 + Math.floor(rng() * 10)).padStart(2, '0');
  const mm = String(Math.floor(rng() * 60)).padStart(2, '0');
  return { at: `${addDays(today, -daysAgo)}T${hh}:${mm}:00.000Z` };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86400000);

/** Answers to the template's criteria that score in the given band: drawn around the band's middle. */
export function answersFor(template: HarmTemplate, band: string, rng: () => number): Record<string, number> {
  const sorted = [...template.bands].sort((a, b) => b.minScore - a.minScore);
  const i = sorted.findIndex((b) => b.band === band);
  if (i < 0) throw new Error(`Template ${template.version} has no band ${band}`);
  const lo = sorted[i]!.minScore;
  const hi = i === 0 ? 100 : sorted[i - 1]!.minScore;
  const centre = (lo + hi) / 200;
  for (let tries = 0; tries < 500; tries++) {
    const answers = Object.fromEntries(template.criteria.map((c) => [c.id, Math.max(0, Math.min(c.max, Math.round(centre * c.max + (rng() - 0.5) * 2)))]));
    if (scoreOcg(template, answers).band === band) return answers;
  }
  throw new Error(`No answers found for band ${band} of template ${template.version}`);
}
