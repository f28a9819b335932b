import { Arg, Ctx as C, Int, Query, Resolver } from 'type-graphql';
import { readAuditAs } from '../audit/read.js';
import * as codes from '../domain/codes.js';
import { invalid } from '../domain/errors.js';
import { ENTITY_TYPES, LINK_TYPES } from '../domain/model.js';
import { requireViewer, type Ctx } from './context.js';
import { AuditEntry, CodeSet } from './types.js';

const asSet = (name: string, v: Record<string, string> | readonly string[]): CodeSet => ({
  name,
  values: Array.isArray(v) ? v.map((c) => ({ code: c, meaning: c })) : Object.entries(v).map(([code, meaning]) => ({ code, meaning })),
});

@Resolver()
export class AdminResolver {
  @Query(() => [CodeSet], { description: 'The value sets in force (grading, handling, classifications, types): one source for forms and legends' })
  codes(@C() ctx: Ctx): CodeSet[] {
    requireViewer(ctx);
    return [
      asSet('sourceEvaluation', codes.SOURCE_EVALUATION),
      asSet('intelAssessment', codes.INTEL_ASSESSMENT),
      asSet('handling', codes.HANDLING),
      asSet('handlingConditions', codes.HANDLING_CONDITIONS),
      asSet('classification', codes.CLASSIFICATIONS),
      asSet('sourceType', codes.SOURCE_TYPES),
      asSet('ocgRole', codes.OCG_ROLES),
      asSet('crimeType', codes.CRIME_TYPES),
      asSet('entityType', Object.fromEntries(Object.entries(ENTITY_TYPES).map(([k, v]) => [k, v.title]))),
      asSet('linkType', Object.fromEntries(Object.entries(LINK_TYPES).map(([k, v]) => [k, v.title]))),
    ];
  }

  @Query(() => [AuditEntry], { description: 'The audit trail, newest first (managers and administrators), as the reader may know it: record ids of hidden records withheld, restricted ones by their stub id' })
  async auditTrail(
    @Arg('actor', () => String, { nullable: true }) actor: string | undefined,
    @Arg('op', () => String, { nullable: true }) op: string | undefined,
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @Arg('recordId', () => String, { nullable: true }) recordId: string | undefined,
    @Arg('beforeSeq', () => Int, { nullable: true }) beforeSeq: number | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<AuditEntry[]> {
    const viewer = requireViewer(ctx, 'readAudit');
    if (limit < 1 || limit > 1000) throw invalid('limit', 'limit must be 1 to 1000');
    // Through the policy for this reader: record ids as they may know them, nothing of hidden records.
    return (await readAuditAs(ctx.services.db, viewer, { actor, op, from, to, recordId, beforeSeq, limit })) as AuditEntry[];
  }
}
