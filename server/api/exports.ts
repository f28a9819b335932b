import { randomUUID } from 'node:crypto';
import { Arg, Ctx as C, Field, ID, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { invalid } from '../domain/errors.js';
import { decideExport, markingLabel } from '../domain/exportPolicy.js';
import { exportContents } from '../graph/exports.js';
import { cleanText } from '../audit/trail.js';
import { requireViewer, type Ctx } from './context.js';

export enum ExportFormatEnum { PNG = 'PNG', SVG = 'SVG', PDF = 'PDF', GRAPHML = 'GRAPHML', CSV = 'CSV' }
registerEnumType(ExportFormatEnum, { name: 'ExportFormat', description: 'A chart export: picture, vector drawing, PDF, GraphML or CSV' });

/** The most a chart holds (the client's own bound on drawn elements is well below). */
export const EXPORT_MAX = { entities: 20_000, links: 80_000 };

@ObjectType({ simpleResolvers: true, description: 'Whether a chart may leave the system, and the marking every copy must carry' })
export class ChartExport {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'Printed on the file and kept in the audit (null when refused)' }) exportId!: string | null;
  @Field(() => String, { description: 'The most restricted classification shown' }) classification!: string;
  @Field(() => [String], { description: 'Every compartment a record shown is in' }) compartments!: string[];
  @Field(() => String, { description: 'The marking to print: classification and compartments' }) marking!: string;
  @Field(() => String, { description: 'P, or C when any record shown has conditions' }) handling!: string;
  @Field(() => [String]) conditions!: string[];
  @Field(() => [String], { description: 'Lines every copy carries: conditions in words, the consent relied on' }) warnings!: string[];
  @Field(() => String, { nullable: true }) refusal!: string | null;
  @Field(() => [ID], { description: 'Records (shown to you) that stop the export' }) blockers!: string[];
  @Field(() => Boolean, { description: 'Refused only for want of the originator’s consent reference (C1)' }) needsConsent!: boolean;
  @Field(() => Int) entityCount!: number;
  @Field(() => Int) linkCount!: number;
  @Field(() => Int, { description: 'Restricted stubs on the chart (exported as what they say)' }) stubCount!: number;
}

/**
 * Chart exports: decided before the file is made, on the records the chart holds as the exporter is
 * shown them (domain/exportPolicy), and audited with what the file contains: the records' ids (shown
 * to each reader of the trail as that reader may know them), the format and the decision.
 */
@Resolver()
export class ExportResolver {
  @Mutation(() => ChartExport, { description: 'Ask to export a chart: the marking it must carry, or why it may not leave the system; audited with its contents' })
  async chartExport(
    @Arg('format', () => ExportFormatEnum) format: ExportFormatEnum,
    @Arg('entityIds', () => [ID]) entityIds: string[],
    @Arg('linkIds', () => [ID], { defaultValue: [] }) linkIds: string[],
    @Arg('label', () => String, { nullable: true, description: 'The chart’s title as printed' }) label: string | undefined,
    @Arg('consentReference', () => String, { nullable: true, description: 'The originator’s consent, where a record is handled C1' }) consentReference: string | undefined,
    @C() ctx: Ctx,
  ): Promise<ChartExport> {
    const viewer = requireViewer(ctx, 'export');
    if (!entityIds.length) throw invalid('entityIds', 'Nothing to export: the chart is empty');
    if (entityIds.length > EXPORT_MAX.entities) throw invalid('entityIds', `A chart export holds at most ${EXPORT_MAX.entities} entities`);
    if (linkIds.length > EXPORT_MAX.links) throw invalid('linkIds', `A chart export holds at most ${EXPORT_MAX.links} links`);
    if (label !== undefined && label !== null && label.length > 200) throw invalid('label', 'A title is at most 200 characters');
    const contents = await exportContents(ctx.services.db, viewer, entityIds, linkIds);
    const d = decideExport(contents.items, { unavailable: contents.unavailable, consentReference });
    const exportId = d.allowed ? `EXP-${randomUUID()}` : null;
    // What it contained: the ids of the records shown (the event's result ids), and the decision.
    if (d.allowed) for (const it of contents.items) ctx.seen.add(it.id);
    const title = cleanText(label ?? '', 200);
    ctx.auditDetail = d.allowed
      ? `export ${format} ${exportId} "${title}": ${contents.entities} entities, ${contents.links} links, ${contents.stubs} stubs; marked ${markingLabel(d.classification, d.compartments)}, handling ${d.handling}${d.conditions.length ? ` (${d.conditions.join(', ')})` : ''}${d.warnings.length ? `; ${d.warnings.join('; ')}` : ''}`
      : `export ${format} refused "${title}": ${d.refusal}`;
    return {
      allowed: d.allowed, exportId, classification: d.classification, compartments: d.compartments, marking: markingLabel(d.classification, d.compartments),
      handling: d.handling, conditions: d.conditions, warnings: d.warnings, refusal: d.refusal, blockers: d.blockers, needsConsent: d.needsConsent,
      entityCount: contents.entities, linkCount: contents.links, stubCount: contents.stubs,
    };
  }
}
