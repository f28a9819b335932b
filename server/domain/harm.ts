import { invalid } from './errors.js';

/**
 * OCG harm scoring. A scoring template is data: a version, weighted criteria grouped under the three
 * dimensions of OCG management (harm, likelihood/intent, capability/organisational position) and
 * bands by score threshold. Forces replace the template by defining a new version; scores keep the
 * version they were made with, so a change of template never silently rewrites an old score.
 */
export const HARM_DIMENSIONS = ['HARM', 'LIKELIHOOD', 'CAPABILITY'] as const;
export type HarmDimension = (typeof HARM_DIMENSIONS)[number];

export interface HarmCriterion {
  id: string;
  label: string;
  dimension: HarmDimension;
  /** Relative importance; a criterion's share of the total is weight / sum of weights. */
  weight: number;
  /** Answers are whole numbers 0..max (0: none or not known, max: the worst case). */
  max: number;
}

export interface HarmBand {
  band: string;
  /** Lowest total (0..100) that falls in this band. */
  minScore: number;
  label: string;
}

export interface HarmTemplate {
  version: string;
  title: string;
  criteria: HarmCriterion[];
  /** Highest band first once validated. */
  bands: HarmBand[];
  /** Default time until an assessment must be reviewed. */
  reviewPeriodDays: number;
}

export interface HarmScore {
  templateVersion: string;
  /** Each dimension and the total on a 0..100 scale, one decimal. */
  harm: number;
  likelihood: number;
  capability: number;
  total: number;
  band: string;
  answers: Record<string, number>;
}

/**
 * A local starting template, not the national table: criteria and thresholds are meant to be replaced
 * by the force's own (defineHarmTemplate) and old scores keep this version.
 */
export const DEFAULT_HARM_TEMPLATE: HarmTemplate = {
  version: 'LOCAL-2026.1',
  title: 'Local OCG harm template (default)',
  reviewPeriodDays: 90,
  criteria: [
    { id: 'violence', label: 'Use or threat of serious violence', dimension: 'HARM', weight: 3, max: 4 },
    { id: 'exploitation', label: 'Exploitation of vulnerable people (children, modern slavery)', dimension: 'HARM', weight: 3, max: 4 },
    { id: 'community', label: 'Impact on communities and public confidence', dimension: 'HARM', weight: 2, max: 4 },
    { id: 'financial', label: 'Financial and economic harm', dimension: 'HARM', weight: 1, max: 4 },
    { id: 'intent', label: 'Intent to continue or escalate offending', dimension: 'LIKELIHOOD', weight: 2, max: 4 },
    { id: 'activity', label: 'Current level and recency of activity', dimension: 'LIKELIHOOD', weight: 2, max: 4 },
    { id: 'weapons', label: 'Access to firearms or other weapons', dimension: 'CAPABILITY', weight: 2, max: 4 },
    { id: 'structure', label: 'Organisation, resilience and use of enablers', dimension: 'CAPABILITY', weight: 1, max: 4 },
    { id: 'reach', label: 'Reach across areas and links to other groups', dimension: 'CAPABILITY', weight: 1, max: 4 },
  ],
  bands: [
    { band: 'A', minScore: 70, label: 'Highest harm' },
    { band: 'B', minScore: 50, label: 'High harm' },
    { band: 'C', minScore: 30, label: 'Moderate harm' },
    { band: 'D', minScore: 0, label: 'Lower harm' },
  ],
};

const ID_RE = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const VERSION_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,59}$/;

/** Checks a template given by a user and returns it normalised (bands highest first). */
export function validateTemplate(raw: {
  version?: unknown; title?: unknown; reviewPeriodDays?: unknown;
  criteria?: readonly Partial<Record<keyof HarmCriterion, unknown>>[] | null;
  bands?: readonly Partial<Record<keyof HarmBand, unknown>>[] | null;
}): HarmTemplate {
  const version = String(raw.version ?? '').trim();
  if (!VERSION_RE.test(version)) throw invalid('version', 'A template version is 1-60 letters, digits, ".", "_", ":" or "-"');
  const title = String(raw.title ?? '').trim();
  if (!title || title.length > 200) throw invalid('title', 'A template needs a title of at most 200 characters');
  const reviewPeriodDays = Number(raw.reviewPeriodDays ?? 90);
  if (!Number.isInteger(reviewPeriodDays) || reviewPeriodDays < 1 || reviewPeriodDays > 730) {
    throw invalid('reviewPeriodDays', 'The review period is a whole number of days, 1 to 730');
  }
  const criteria: HarmCriterion[] = [];
  const seen = new Set<string>();
  (raw.criteria ?? []).forEach((c, i) => {
    const id = String(c.id ?? '').trim();
    if (!ID_RE.test(id)) throw invalid(`criteria[${i}].id`, 'A criterion id is 1-40 letters, digits, "_" or "-", starting with a letter');
    if (seen.has(id)) throw invalid(`criteria[${i}].id`, `Criterion ${id} appears twice`);
    seen.add(id);
    const dimension = String(c.dimension ?? '') as HarmDimension;
    if (!HARM_DIMENSIONS.includes(dimension)) throw invalid(`criteria[${i}].dimension`, `Dimension must be one of ${HARM_DIMENSIONS.join(', ')}`);
    const weight = Number(c.weight);
    if (!Number.isFinite(weight) || weight <= 0 || weight > 100) throw invalid(`criteria[${i}].weight`, 'A weight is a number above 0 and at most 100');
    const max = Number(c.max);
    if (!Number.isInteger(max) || max < 1 || max > 10) throw invalid(`criteria[${i}].max`, 'The top answer is a whole number 1 to 10');
    const label = String(c.label ?? '').trim() || id;
    criteria.push({ id, label: label.slice(0, 200), dimension, weight, max });
  });
  if (!criteria.length) throw invalid('criteria', 'A template needs criteria');
  for (const d of HARM_DIMENSIONS) {
    if (!criteria.some((c) => c.dimension === d)) throw invalid('criteria', `A template needs at least one ${d} criterion`);
  }
  const bands: HarmBand[] = [];
  const names = new Set<string>();
  (raw.bands ?? []).forEach((b, i) => {
    const band = String(b.band ?? '').trim();
    if (!/^[A-Za-z0-9+-]{1,10}$/.test(band)) throw invalid(`bands[${i}].band`, 'A band name is 1-10 letters or digits');
    if (names.has(band)) throw invalid(`bands[${i}].band`, `Band ${band} appears twice`);
    names.add(band);
    const minScore = Number(b.minScore);
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 100) throw invalid(`bands[${i}].minScore`, 'A band threshold is a score 0 to 100');
    bands.push({ band, minScore, label: String(b.label ?? '').trim().slice(0, 200) || band });
  });
  if (bands.length < 2) throw invalid('bands', 'A template needs at least two bands');
  bands.sort((a, b) => b.minScore - a.minScore);
  if (new Set(bands.map((b) => b.minScore)).size !== bands.length) throw invalid('bands', 'Two bands share a threshold');
  if (bands[bands.length - 1]!.minScore !== 0) throw invalid('bands', 'The lowest band must start at 0 so every score has a band');
  return { version, title, criteria, bands, reviewPeriodDays };
}

/** The band a total falls in: the highest band whose threshold it reaches. */
export function bandFor(template: HarmTemplate, total: number): string {
  const sorted = [...template.bands].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((b) => total >= b.minScore) ?? sorted[sorted.length - 1]!).band;
}

/** Position of a band, 0 for the highest: for sorting across templates that share band names. */
export function bandRank(template: HarmTemplate, band: string): number {
  const i = [...template.bands].sort((a, b) => b.minScore - a.minScore).findIndex((b) => b.band === band);
  return i < 0 ? template.bands.length : i;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Scores an OCG against a template. Every criterion must be answered with a whole number 0..max.
 * A dimension's score is the weighted mean of its answers scaled to 0..100; the total is the weighted
 * mean over all criteria, so each dimension counts by the weight of its criteria.
 */
export function scoreOcg(template: HarmTemplate, answers: Readonly<Record<string, unknown>>): HarmScore {
  const known = new Set(template.criteria.map((c) => c.id));
  for (const k of Object.keys(answers)) {
    if (!known.has(k)) throw invalid(`answers.${k}`, `Template ${template.version} has no criterion ${JSON.stringify(k)}`);
  }
  const clean: Record<string, number> = {};
  const sums = { HARM: [0, 0], LIKELIHOOD: [0, 0], CAPABILITY: [0, 0] } as Record<HarmDimension, [number, number]>;
  let got = 0;
  let weights = 0;
  for (const c of template.criteria) {
    const raw = answers[c.id];
    if (raw === undefined || raw === null || raw === '') throw invalid(`answers.${c.id}`, `${c.label}: an answer is required (0 if none)`);
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 0 || v > c.max) throw invalid(`answers.${c.id}`, `${c.label}: answer a whole number 0 to ${c.max}`);
    clean[c.id] = v;
    const part = c.weight * (v / c.max);
    sums[c.dimension][0] += part;
    sums[c.dimension][1] += c.weight;
    got += part;
    weights += c.weight;
  }
  const dim = (d: HarmDimension) => round1((sums[d][0] / sums[d][1]) * 100);
  const total = round1((got / weights) * 100);
  return {
    templateVersion: template.version,
    harm: dim('HARM'), likelihood: dim('LIKELIHOOD'), capability: dim('CAPABILITY'),
    total, band: bandFor(template, total), answers: clean,
  };
}

/** Review date: the given one (not in the past) or the template's period after the scoring date. */
export function reviewDue(template: HarmTemplate, scoredOn: string, given?: string | null): string {
  if (given) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(Date.parse(given))) throw invalid('reviewDue', 'A review date is YYYY-MM-DD');
    if (given < scoredOn) throw invalid('reviewDue', 'The review date cannot be before the assessment');
    return given;
  }
  return addDays(scoredOn, template.reviewPeriodDays);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
