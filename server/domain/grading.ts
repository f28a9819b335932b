import { HANDLING_CONDITIONS, INTEL_ASSESSMENT, SOURCE_EVALUATION } from './codes.js';
import { invalid } from './errors.js';

export type SourceEvaluation = keyof typeof SOURCE_EVALUATION;
export type IntelAssessment = keyof typeof INTEL_ASSESSMENT;
export interface Grade {
  sourceEvaluation: SourceEvaluation;
  intelAssessment: IntelAssessment;
}

export const isSourceEvaluation = (s: unknown): s is SourceEvaluation => typeof s === 'string' && Object.hasOwn(SOURCE_EVALUATION, s);
export const isIntelAssessment = (s: unknown): s is IntelAssessment => typeof s === 'string' && Object.hasOwn(INTEL_ASSESSMENT, s);

/** Validates a 3x5x2 grading; a C handling code must carry written conditions. */
export function validateGrading(g: {
  sourceEvaluation?: unknown;
  intelAssessment?: unknown;
  handling?: unknown;
  handlingConditions?: unknown;
  handlingNotes?: unknown;
}): void {
  if (g.sourceEvaluation !== undefined && !isSourceEvaluation(g.sourceEvaluation)) {
    throw invalid('sourceEvaluation', `Source evaluation must be 1, 2 or 3 (3x5x2), not ${JSON.stringify(g.sourceEvaluation)}`);
  }
  if (g.intelAssessment !== undefined && !isIntelAssessment(g.intelAssessment)) {
    throw invalid('intelAssessment', `Intelligence assessment must be A, B, C, D or E (3x5x2), not ${JSON.stringify(g.intelAssessment)}`);
  }
  validateHandling(g.handling, g.handlingConditions, g.handlingNotes);
}

export function validateHandling(handling: unknown, conditions: unknown, notes: unknown): void {
  if (handling === undefined || handling === null) return;
  if (handling !== 'P' && handling !== 'C') throw invalid('handling', `Handling code must be P or C, not ${JSON.stringify(handling)}`);
  const list = Array.isArray(conditions) ? conditions : [];
  for (const c of list) {
    if (!Object.hasOwn(HANDLING_CONDITIONS, c)) throw invalid('handlingConditions', `Unknown handling condition ${JSON.stringify(c)}`);
  }
  const hasText = typeof notes === 'string' && notes.trim().length > 0;
  if (handling === 'C' && list.length === 0 && !hasText) {
    throw invalid('handlingConditions', 'Handling code C needs its conditions written down (condition codes or text)');
  }
}

const SOURCE_WEIGHT: Record<SourceEvaluation, number> = { '1': 1, '2': 0.6, '3': 0.2 };
const ASSESSMENT_WEIGHT: Record<IntelAssessment, number> = { A: 1, B: 0.8, C: 0.55, D: 0.3, E: 0 };

/**
 * Strength of one report's support, 0..1: 1A = 1, 3E = 0. The one definition of evidence strength,
 * used for path filters, edge widths and gap analysis.
 */
export function gradeStrength(g: Grade): number {
  return SOURCE_WEIGHT[g.sourceEvaluation] * ASSESSMENT_WEIGHT[g.intelAssessment];
}

/**
 * Strength of a link from its supporting reports. Reports from the same source do not corroborate
 * each other (the best one counts); independent sources combine as 1 - Π(1 - s), so corroboration
 * raises strength but never above 1.
 */
export function linkStrength(reports: readonly (Grade & { sourceId?: string | null })[]): number {
  const bestPerSource = new Map<string, number>();
  reports.forEach((r, i) => {
    const key = r.sourceId ?? `unknown-${i}`;
    bestPerSource.set(key, Math.max(bestPerSource.get(key) ?? 0, gradeStrength(r)));
  });
  let miss = 1;
  for (const s of bestPerSource.values()) miss *= 1 - s;
  return Math.round((1 - miss) * 1e6) / 1e6;
}

/** "Only links resting on at least 2/B" → the strength threshold of that grade. */
export function minimumStrength(minGrade: string | undefined | null): number {
  if (!minGrade) return 0;
  const m = /^([123])([A-E])$/.exec(minGrade.trim().toUpperCase());
  if (!m) throw invalid('minGrade', `Minimum grade must look like 2B (source 1-3, assessment A-E), not ${JSON.stringify(minGrade)}`);
  return gradeStrength({ sourceEvaluation: m[1] as SourceEvaluation, intelAssessment: m[2] as IntelAssessment });
}

export interface MappedGrade extends Grade {
  handling: 'P' | 'C';
  handlingConditions: string[];
  original: string;
  scheme: 'NIM_5x5x5' | 'ADMIRALTY' | 'EUROPOL_4x4';
  lossy: true;
}

/**
 * Legacy and partner gradings mapped to 3x5x2. The mapping is lossy by nature: the original code is
 * kept beside the mapped one and callers must store both. Tables follow APP guidance where it exists
 * and otherwise map to the more cautious code.
 */
export const LEGACY_MAPS = {
  NIM_5x5x5: {
    source: { A: '1', B: '1', C: '2', D: '3', E: '2' },
    intel: { '1': 'A', '2': 'A', '3': 'B', '4': 'D', '5': 'E' },
    handling: { '1': ['P', []], '2': ['C', ['C3']], '3': ['C', ['C4']], '4': ['C', ['C1']], '5': ['C', ['C1', 'C4']] },
  },
  ADMIRALTY: {
    source: { A: '1', B: '1', C: '2', D: '3', E: '3', F: '2' },
    intel: { '1': 'A', '2': 'B', '3': 'C', '4': 'D', '5': 'E', '6': 'D' },
  },
  EUROPOL_4x4: {
    source: { A: '1', B: '1', C: '3', X: '2' },
    intel: { '1': 'A', '2': 'A', '3': 'B', '4': 'D' },
  },
} as const;

export function mapLegacyGrade(scheme: MappedGrade['scheme'], code: string): MappedGrade {
  const c = code.trim().toUpperCase().replace(/[\s/-]/g, '');
  const table = LEGACY_MAPS[scheme] as {
    source: Record<string, string>; intel: Record<string, string>; handling?: Record<string, readonly [string, readonly string[]]>;
  };
  const want = table.handling ? 3 : 2;
  if (c.length !== want) throw invalid('legacyGrade', `A ${scheme} grade has ${want} characters, not ${JSON.stringify(code)}`);
  const se = table.source[c[0]!];
  const ia = table.intel[c[1]!];
  if (!se || !ia) throw invalid('legacyGrade', `${JSON.stringify(code)} is not a valid ${scheme} grade`);
  const [handling, conditions] = table.handling ? (table.handling[c[2]!] ?? [undefined, []]) : ['C', ['C4']];
  if (!handling) throw invalid('legacyGrade', `${JSON.stringify(code)} has an invalid ${scheme} handling code`);
  return {
    sourceEvaluation: se as SourceEvaluation, intelAssessment: ia as IntelAssessment,
    handling: handling as 'P' | 'C', handlingConditions: [...conditions], original: code, scheme, lossy: true,
  };
}

/** The grading fields of a report, as stored. */
const GRADING_PROPS = ['sourceEvaluation', 'intelAssessment', 'legacyGrade'] as const;

/** Whether an update changes a report's 3x5x2 grading (its evaluation, assessment, legacy grade or handling code). */
export function gradingChanged(
  before: { props: Record<string, unknown>; markings: { handling?: string; handlingConditions?: string[] } },
  after: { props: Record<string, unknown>; markings: { handling?: string; handlingConditions?: string[] } },
): boolean {
  if (GRADING_PROPS.some((k) => (before.props[k] ?? null) !== (after.props[k] ?? null))) return true;
  if ((before.markings.handling ?? 'P') !== (after.markings.handling ?? 'P')) return true;
  return JSON.stringify([...(before.markings.handlingConditions ?? [])].sort()) !== JSON.stringify([...(after.markings.handlingConditions ?? [])].sort());
}
