import { Arg, Ctx as C, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { CLASSIFICATIONS, classificationRank } from '../domain/codes.js';
import { DomainError, invalid, notFound } from '../domain/errors.js';
import { assertSanitised, validateDissemination } from '../domain/dissemination.js';
import { can, decide, type Viewer } from '../domain/policy.js';
import {
  PRODUCT_ROLES, PRODUCT_TYPE_TITLES, SECTION_SOURCES, SECTION_SOURCE_NAMES, diffVersions, draftReader, lowerOf, recipientReader,
  renderText, transition, validateTemplate, type Content, type ProductTemplate, type ProductType,
} from '../domain/products.js';
import { taskingRecord } from '../graph/requirements.js';
import { disseminateProductIn } from '../graph/productRelease.js';
import {
  draftContent, lockProduct, originalTexts, parseContent, productFor, productsFor, releaseFor, releaseReaderOf, releasesFor, saveTemplate,
  template, templateVersions, templates, updateProduct, versionOf, versionsOf, type ProductRow, type ReleaseRow,
} from '../graph/products.js';
import { productHtml, productPdf } from '../products/render.js';
import { draftProductAs, history, productActionAs, saveProductAs } from '../products/workflow.js';
import { requireViewer, type Ctx } from './context.js';

/**
 * Intelligence products: templates (data, versioned), drafts generated from the graph as the
 * product's marking allows, the author's edits (each a version), review, a manager's approval, a
 * sanitised version for a named agency (side by side with the original), dissemination through the
 * dissemination flow, filing, printable HTML and PDF, and the link to the tasking decision it informed.
 */

export enum ProductTypeEnum { SUBJECT_PROFILE = 'SUBJECT_PROFILE', PROBLEM_PROFILE = 'PROBLEM_PROFILE', TACTICAL_ASSESSMENT = 'TACTICAL_ASSESSMENT', STRATEGIC_ASSESSMENT = 'STRATEGIC_ASSESSMENT' }
registerEnumType(ProductTypeEnum, { name: 'ProductType' });
export enum ProductStatusEnum { DRAFT = 'DRAFT', REVIEW = 'REVIEW', APPROVED = 'APPROVED', DISSEMINATED = 'DISSEMINATED', FILED = 'FILED' }
registerEnumType(ProductStatusEnum, { name: 'ProductStatus', description: 'draft -> review -> approved (by a manager) -> disseminated or filed' });
export enum DocumentFormatEnum { HTML = 'HTML', PDF = 'PDF' }
registerEnumType(DocumentFormatEnum, { name: 'DocumentFormat' });

@ObjectType('TemplateSection', { simpleResolvers: true })
class TemplateSectionView {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Where its statements come from (see productSectionSources)' }) source!: string;
  @Field(() => String, { nullable: true }) guidance?: string | null;
}

@ObjectType('ProductTemplate', { simpleResolvers: true })
class ProductTemplateView {
  @Field(() => ProductTypeEnum) type!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) title!: string;
  @Field(() => [TemplateSectionView]) sections!: TemplateSectionView[];
  @Field(() => String, { nullable: true }) savedBy?: string | null;
  @Field(() => String, { nullable: true }) savedAt?: string | null;
}

@ObjectType('SectionSource', { simpleResolvers: true })
class SectionSourceView {
  @Field(() => String) name!: string;
  @Field(() => String) title!: string;
  @Field(() => [ProductTypeEnum]) types!: string[];
}

@InputType('TemplateSectionInput')
class TemplateSectionInput {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) source!: string;
  @Field(() => String, { nullable: true }) guidance?: string;
}

@ObjectType('ProductStatement', { simpleResolvers: true })
class StatementView {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => [ID], { description: 'The reports it rests on (see sources)' }) cites!: string[];
  @Field(() => [String], { description: 'Their references and grades, e.g. "S2 1A"' }) citeRefs!: string[];
}

@ObjectType('SnapshotNode', { simpleResolvers: true })
class SnapshotNodeView {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String) type!: string;
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
  @Field(() => Float, { nullable: true }) lat?: number | null;
  @Field(() => Float, { nullable: true }) lon?: number | null;
}

@ObjectType('SnapshotLink', { simpleResolvers: true })
class SnapshotLinkView {
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => String) type!: string;
}

@ObjectType('ProductSnapshot', { simpleResolvers: true, description: 'A chart or map made when the section was drafted, kept with the product' })
class SnapshotView {
  @Field(() => String, { description: 'NETWORK or MAP' }) kind!: string;
  @Field(() => [SnapshotNodeView]) nodes!: SnapshotNodeView[];
  @Field(() => [SnapshotLinkView]) links!: SnapshotLinkView[];
}

@ObjectType('ProductSection', { simpleResolvers: true })
class SectionView {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) source!: string;
  @Field(() => String, { nullable: true }) guidance?: string | null;
  @Field(() => [StatementView]) statements!: StatementView[];
  @Field(() => SnapshotView, { nullable: true }) snapshot?: SnapshotView | null;
}

@ObjectType('ProductSource', { simpleResolvers: true, description: 'A report the product cites, numbered S1, S2... in order of first citation' })
class SourceView {
  @Field(() => String) ref!: string;
  @Field(() => ID) reportId!: string;
  @Field(() => String, { description: '3x5x2 source evaluation and intelligence assessment, e.g. 1A' }) grade!: string;
  @Field(() => String) handling!: string;
  @Field(() => String) classification!: string;
  @Field(() => String) agency!: string;
  @Field(() => String, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true, description: 'The report text (original) or its sanitised text (a sanitised version)' }) summary?: string | null;
}

@ObjectType('ProductEvent', { simpleResolvers: true })
class ProductEventView {
  @Field(() => String) action!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String) by!: string;
  @Field(() => String) byName!: string;
  @Field(() => String) at!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('ProductVersion', { simpleResolvers: true })
class VersionView {
  @Field(() => Int) version!: number;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String) savedBy!: string;
  @Field(() => String) savedByName!: string;
  @Field(() => String) savedAt!: string;
}

@ObjectType('Product', { simpleResolvers: true, description: 'An intelligence product: the version shown, its workflow and its marking' })
class ProductView {
  @Field(() => ID) id!: string;
  @Field(() => ProductTypeEnum) type!: string;
  @Field(() => String) typeTitle!: string;
  @Field(() => String) title!: string;
  @Field(() => ProductStatusEnum) status!: string;
  @Field(() => Int, { description: 'The version shown' }) version!: number;
  @Field(() => Int) latestVersion!: number;
  @Field(() => Int) templateVersion!: number;
  @Field(() => [ID]) subjectIds!: string[];
  @Field(() => String, { nullable: true }) crimeType?: string | null;
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => String, { description: 'Protective marking: at least that of every source it was drafted from' }) classification!: string;
  @Field(() => [String]) compartments!: string[];
  @Field(() => String, { description: 'The most restricted classification among the reports it cites' }) sourceClassification!: string;
  @Field(() => String) handling!: string;
  @Field(() => String) agency!: string;
  @Field(() => String) authorUsername!: string;
  @Field(() => String) authorName!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
  @Field(() => String, { nullable: true }) approvedBy?: string | null;
  @Field(() => String, { nullable: true }) approvedByName?: string | null;
  @Field(() => String, { nullable: true }) approvedAt?: string | null;
  @Field(() => Int, { nullable: true }) approvedVersion?: number | null;
  @Field(() => ID, { nullable: true, description: 'The tasking meeting it informed' }) meetingId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The decision it informed' }) decisionId?: string | null;
  @Field(() => [SectionView]) sections!: SectionView[];
  @Field(() => [SourceView]) sources!: SourceView[];
  @Field(() => [ProductEventView]) history!: ProductEventView[];
  @Field(() => [VersionView]) versions!: VersionView[];
  @Field(() => [ReleaseSummary]) releases!: ReleaseSummary[];
}

@ObjectType('ProductReleaseSummary', { simpleResolvers: true })
class ReleaseSummary {
  @Field(() => ID) id!: string;
  @Field(() => String) recipientAgency!: string;
  @Field(() => String) recipientAgencyName!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) releasedAt!: string;
  @Field(() => String) releasedByName!: string;
  @Field(() => ID) disseminationId!: string;
}

@ObjectType('SanitisedProduct', { simpleResolvers: true, description: 'What a named agency would receive: drafted from what the policy lets that agency know' })
class SanitisedView {
  @Field(() => ID, { nullable: true, description: 'Set once released' }) id?: string | null;
  @Field(() => ID) productId!: string;
  @Field(() => ProductTypeEnum) type!: string;
  @Field(() => String) typeTitle!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) recipientAgency!: string;
  @Field(() => String) recipientAgencyName!: string;
  @Field(() => String) recipientClearance!: string;
  @Field(() => String) classification!: string;
  @Field(() => String) handling!: string;
  @Field(() => [SectionView]) sections!: SectionView[];
  @Field(() => [SourceView]) sources!: SourceView[];
  @Field(() => Int, { description: 'Records the recipient would be shown (shared copies) on release' }) recordCount!: number;
  @Field(() => Int, { nullable: true, description: 'Statements of the original left out (the author\u2019s side only)' }) withheld?: number | null;
  @Field(() => String, { nullable: true }) releasedAt?: string | null;
  @Field(() => String, { nullable: true }) releasedByName?: string | null;
  @Field(() => String, { nullable: true }) originatorAgency?: string | null;
  @Field(() => String, { nullable: true }) originatorName?: string | null;
  @Field(() => ID, { nullable: true }) disseminationId?: string | null;
}

@ObjectType('ProductDiffChange', { simpleResolvers: true })
class DiffChange { @Field(() => String) before!: string; @Field(() => String) after!: string }

@ObjectType('ProductSectionDiff', { simpleResolvers: true })
class SectionDiffView {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => [String]) added!: string[];
  @Field(() => [String]) removed!: string[];
  @Field(() => [DiffChange]) changed!: DiffChange[];
}

@ObjectType('ProductDocument', { simpleResolvers: true })
class DocumentView {
  @Field(() => String) filename!: string;
  @Field(() => String) mimeType!: string;
  @Field(() => String, { description: 'HTML text, or the PDF in base 64' }) content!: string;
  @Field(() => String) classification!: string;
  @Field(() => Int) pages!: number;
}

@ObjectType('AgencyEntry', { simpleResolvers: true, description: 'An agency and its intelligence desk (reference data, as stubs name them)' })
class AgencyEntry {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) desk!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType('DraftProductInput')
class DraftProductInput {
  @Field(() => ProductTypeEnum) type!: ProductType;
  @Field(() => String) title!: string;
  @Field(() => [ID], { nullable: true, description: 'The subject or OCG (subject profile)' }) subjectIds?: string[];
  @Field(() => String, { nullable: true, description: 'The crime type (problem profile)' }) crimeType?: string;
  @Field(() => ID, { nullable: true, description: 'Narrow a problem profile to an area' }) areaId?: string;
  @Field(() => String, { nullable: true, description: 'Protective marking; the draft reads only what is at or below it (default OFFICIAL-SENSITIVE)' }) classification?: string;
  @Field(() => [String], { nullable: true }) compartments?: string[];
  @Field(() => String, { nullable: true, description: 'P or C (default P)' }) handling?: string;
}

@InputType('ProductStatementInput')
class StatementInput {
  @Field(() => ID, { nullable: true, description: 'Keep the id of an existing statement; omit for a new one' }) id?: string;
  @Field(() => String) text!: string;
  @Field(() => [ID], { nullable: true }) cites?: string[];
}

@InputType('ProductSectionInput')
class SectionInput {
  @Field(() => String) key!: string;
  @Field(() => [StatementInput]) statements!: StatementInput[];
}

@InputType('ProductReleaseInput')
class ReleaseInput {
  @Field(() => String) recipientAgency!: string;
  @Field(() => String, { nullable: true, description: 'The clearance the recipient works at (default OFFICIAL-SENSITIVE)' }) recipientClearance?: string;
  @Field(() => String, { nullable: true }) recipientPerson?: string;
  @Field(() => String) handling!: string;
  @Field(() => [String], { nullable: true }) handlingConditions?: string[];
  @Field(() => String, { nullable: true }) handlingNotes?: string;
  @Field(() => String) purpose!: string;
  @Field(() => String) lawfulBasis!: string;
  @Field(() => String) sharingAgreement!: string;
  @Field(() => String, { nullable: true }) riskAssessment?: string;
  @Field(() => [SectionInput], { nullable: true, description: 'Narrative written for the recipient (checked against the originals)' }) narrative?: SectionInput[];
}


function sectionViews(c: Content): SectionView[] {
  const refs = new Map(c.sources.map((x) => [x.reportId, `${x.ref} ${x.grade}`]));
  return c.sections.map((s) => ({
    key: s.key, title: s.title, source: s.source, guidance: s.guidance, snapshot: s.snapshot,
    statements: s.statements.map((st) => ({ ...st, citeRefs: st.cites.map((x) => refs.get(x)).filter((x): x is string => !!x) })),
  }));
}

const sourceClassification = (c: Content) => c.sources.reduce((best, s) => (classificationRank(s.classification) > classificationRank(best) ? s.classification : best), CLASSIFICATIONS[0] as string);

async function productView(ctx: Ctx, viewer: Viewer, p: ProductRow, version?: number | null): Promise<ProductView> {
  const { db, agencies } = ctx.services;
  const v = await versionOf(db, p.id, version ?? p.version);
  const content = parseContent(v);
  const versions = await versionsOf(db, p.id);
  const releases = await releasesFor(db, viewer, { productId: p.id, direction: 'sent', limit: 100 });
  await agencies.refresh();
  ctx.seen.add(p.id);
  for (const s of content.sources) ctx.seen.add(s.reportId);
  return {
    id: p.id, type: p.type, typeTitle: PRODUCT_TYPE_TITLES[p.type], title: v.title, status: p.status, version: v.version, latestVersion: p.version,
    templateVersion: p.templateVersion, subjectIds: p.subjectIds, crimeType: p.crimeType, areaId: p.areaId,
    classification: p.classification, compartments: p.compartments, sourceClassification: sourceClassification(content), handling: p.handling,
    agency: p.agency, authorUsername: p.authorUsername, authorName: p.authorName, createdAt: p.createdAt, updatedAt: p.updatedAt,
    approvedBy: p.approvedBy, approvedByName: p.approvedByName, approvedAt: p.approvedAt, approvedVersion: p.approvedVersion,
    meetingId: p.meetingId, decisionId: p.decisionId,
    sections: sectionViews(content), sources: content.sources, history: history(p),
    versions: versions.map((x) => ({ version: x.version, title: x.title, note: x.note, savedBy: x.savedBy, savedByName: x.savedByName, savedAt: x.savedAt })),
    releases: releases.map((r) => ({ id: r.id, recipientAgency: r.recipientAgency, recipientAgencyName: agencies.desk(r.recipientAgency).name, version: r.version, releasedAt: r.releasedAt, releasedByName: r.releasedByName, disseminationId: r.disseminationId })),
  };
}

async function releaseView(ctx: Ctx, viewer: Viewer, r: ReleaseRow): Promise<SanitisedView> {
  const { agencies } = ctx.services;
  await agencies.refresh();
  const content = parseContent(r);
  ctx.seen.add(r.id);
  return {
    id: r.id, productId: r.productId, type: r.type, typeTitle: PRODUCT_TYPE_TITLES[r.type], title: r.title, version: r.version,
    recipientAgency: r.recipientAgency, recipientAgencyName: agencies.desk(r.recipientAgency).name, recipientClearance: r.recipientClearance,
    classification: r.classification, handling: r.handling, sections: sectionViews(content), sources: content.sources,
    recordCount: r.recordIds.length, withheld: null, releasedAt: r.releasedAt, releasedByName: r.releasedByName,
    originatorAgency: r.agency, originatorName: agencies.desk(r.agency).name, disseminationId: r.disseminationId,
  };
}

const checkLimit = (limit: number) => { if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalid('limit', 'limit must be 1 to 500'); };

function requireRole(viewer: Viewer, roles: readonly string[], what: string): void {
  if (!roles.includes(viewer.role)) throw new DomainError('FORBIDDEN', `Your role (${viewer.role}) does not ${what}`);
}

/** The sanitised version of a product for an agency, drafted now from what that agency may know. */
async function sanitised(ctx: Ctx, viewer: Viewer, p: ProductRow, recipientAgency: string, recipientClearance: string | undefined) {
  const { db, agencies } = ctx.services;
  await agencies.refresh();
  if (!agencies.has(recipientAgency)) await agencies.refresh(true);
  if (!agencies.has(recipientAgency)) throw notFound('Agency', recipientAgency, 'recipientAgency');
  if (recipientAgency === p.agency) throw invalid('recipientAgency', 'A sanitised version is for another agency');
  const clearance = recipientClearance ?? 'OFFICIAL-SENSITIVE';
  if (!(CLASSIFICATIONS as readonly string[]).includes(clearance) || clearance === 'TOP SECRET') throw invalid('recipientClearance', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET');
  const author = draftReader(viewer, p);
  const recipient = recipientReader(recipientAgency, lowerOf(clearance, p.classification));
  const tpl = await template(db, p.agency, p.type, p.templateVersion);
  const drafted = await draftContent(db, releaseReaderOf(author, recipient), { type: p.type, subjectIds: p.subjectIds, crimeType: p.crimeType, areaId: p.areaId, today: p.createdAt.slice(0, 10) }, tpl);
  const original = parseContent(await versionOf(db, p.id, p.version));
  // Narrative sections are the author's words: never carried over; the author writes them for the recipient.
  for (const s of drafted.sections) if (s.source === 'NARRATIVE') s.statements = [];
  const count = (c: Content) => c.sections.reduce((n, s) => n + s.statements.length, 0);
  return { drafted, clearance: recipient.clearance, withheld: Math.max(0, count(original) - count(drafted)), tpl };
}

@Resolver()
export class ProductResolver {
  @Query(() => [ProductTemplateView], { description: 'Your agency\u2019s latest template of each product type' })
  async productTemplates(@C() ctx: Ctx): Promise<ProductTemplate[]> {
    const viewer = requireViewer(ctx);
    return templates(ctx.services.db, viewer.agency);
  }

  @Query(() => [ProductTemplateView], { description: 'Every version of one type\u2019s template, oldest first' })
  async productTemplateVersions(@Arg('type', () => ProductTypeEnum) type: ProductType, @C() ctx: Ctx): Promise<ProductTemplate[]> {
    const viewer = requireViewer(ctx);
    return templateVersions(ctx.services.db, viewer.agency, type);
  }

  @Query(() => [AgencyEntry], { description: 'Every agency and its desk, by name: the recipients a product can be released to' })
  async agencyDirectory(@C() ctx: Ctx): Promise<AgencyEntry[]> {
    requireViewer(ctx);
    await ctx.services.agencies.refresh(true);
    return ctx.services.agencies.all()
      .map((a) => ({ id: a.id, name: a.name, desk: a.desk, phone: a.phone ?? null, email: a.email ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  @Query(() => [SectionSourceView], { description: 'What a template section can be filled from' })
  productSectionSources(@C() ctx: Ctx): SectionSourceView[] {
    requireViewer(ctx);
    return SECTION_SOURCE_NAMES.map((name) => ({ name, title: SECTION_SOURCES[name].title, types: [...SECTION_SOURCES[name].types] }));
  }

  @Mutation(() => ProductTemplateView, { description: 'Save a new version of your agency\u2019s template for a product type (principal analysts)' })
  async saveProductTemplate(
    @Arg('type', () => ProductTypeEnum) type: ProductType,
    @Arg('title', () => String) title: string,
    @Arg('sections', () => [TemplateSectionInput]) sections: TemplateSectionInput[],
    @C() ctx: Ctx,
  ): Promise<ProductTemplate> {
    const viewer = requireViewer(ctx);
    requireRole(viewer, PRODUCT_ROLES.templates, 'edit product templates (principal analysts do)');
    const t = validateTemplate(type, title, sections);
    return saveTemplate(ctx.services.db, viewer.agency, type, t.title, t.sections, viewer.username, new Date().toISOString());
  }

  @Query(() => [ProductView], { description: 'Products of your agency you are cleared to read, most recently changed first' })
  async products(
    @Arg('status', () => ProductStatusEnum, { nullable: true }) status: string | undefined,
    @Arg('type', () => ProductTypeEnum, { nullable: true }) type: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @C() ctx: Ctx,
  ): Promise<ProductView[]> {
    const viewer = requireViewer(ctx);
    checkLimit(limit);
    const rows = await productsFor(ctx.services.db, viewer, { status, type, limit });
    const out: ProductView[] = [];
    for (const p of rows) out.push(await productView(ctx, viewer, p));
    return out;
  }

  @Query(() => ProductView, { description: 'One product, at its latest version or the one asked for' })
  async product(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | undefined, @C() ctx: Ctx): Promise<ProductView> {
    const viewer = requireViewer(ctx);
    return productView(ctx, viewer, await productFor(ctx.services.db, viewer, id), version);
  }

  @Query(() => [SectionDiffView], { description: 'What changed between two versions, section by section' })
  async productDiff(@Arg('id', () => ID) id: string, @Arg('from', () => Int) from: number, @Arg('to', () => Int) to: number, @C() ctx: Ctx): Promise<SectionDiffView[]> {
    const viewer = requireViewer(ctx);
    const p = await productFor(ctx.services.db, viewer, id);
    ctx.seen.add(p.id);
    const a = parseContent(await versionOf(ctx.services.db, p.id, from));
    const b = parseContent(await versionOf(ctx.services.db, p.id, to));
    return diffVersions(a.sections, b.sections);
  }

  @Mutation(() => ProductView, { description: 'Draft a product from the graph: every section filled from what the product\u2019s marking lets it read' })
  async draftProduct(@Arg('input', () => DraftProductInput) input: DraftProductInput, @C() ctx: Ctx): Promise<ProductView> {
    const viewer = requireViewer(ctx);
    const row = await draftProductAs(ctx.services.db, ctx.viewer!, input, new Date().toISOString());
    return productView(ctx, viewer, row);
  }

  @Mutation(() => ProductView, { description: 'Save the author\u2019s edits as a new version (drafts only; give the version you edited)' })
  async saveProduct(
    @Arg('id', () => ID) id: string,
    @Arg('baseVersion', () => Int, { description: 'The version the edit was made on: a newer one refuses the save' }) baseVersion: number,
    @Arg('sections', () => [SectionInput], { nullable: true }) sections: SectionInput[] | undefined,
    @Arg('title', () => String, { nullable: true }) title: string | undefined,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @C() ctx: Ctx,
  ): Promise<ProductView> {
    const viewer = requireViewer(ctx);
    const p = await saveProductAs(ctx.services.db, ctx.viewer!, id, baseVersion, { sections, title, note }, new Date().toISOString());
    return productView(ctx, viewer, p);
  }

  @Mutation(() => ProductView, { description: 'Move a product through its workflow: SUBMIT (author), RETURN or REOPEN (author or manager), APPROVE (a manager, not the author), FILE' })
  async productAction(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => String) action: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @C() ctx: Ctx,
  ): Promise<ProductView> {
    const viewer = requireViewer(ctx);
    const p = await productActionAs(ctx.services.db, ctx.viewer!, id, action, comment, new Date().toISOString());
    return productView(ctx, viewer, p);
  }

  @Mutation(() => ProductView, { description: 'Record the tasking meeting (and decision) the product informed' })
  async linkProductToDecision(
    @Arg('id', () => ID) id: string,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('decisionId', () => ID, { nullable: true }) decisionId: string | undefined,
    @C() ctx: Ctx,
  ): Promise<ProductView> {
    const viewer = requireViewer(ctx);
    const { db } = ctx.services;
    const meeting = await taskingRecord(db, 'Meeting', meetingId);
    if (!meeting || !['full', 'shared'].includes(decide(viewer, meeting as never))) throw notFound('Meeting', meetingId, 'meetingId');
    if (decisionId) {
      const d = await taskingRecord(db, 'Decision', decisionId);
      if (!d || d.meetingId !== meetingId || !['full', 'shared'].includes(decide(viewer, d as never))) throw notFound('Decision', decisionId, 'decisionId');
    }
    const now = new Date().toISOString();
    const p = await db.writeTx(async (tx) => {
      const p = await lockProduct(tx, viewer, id);
      if (p.authorId !== viewer.userId && !PRODUCT_ROLES.approve.includes(viewer.role)) throw new DomainError('FORBIDDEN', 'The author or a manager links a product to a decision');
      const h = history(p);
      h.push({ action: 'LINK', from: p.status, to: p.status, by: viewer.username, byName: ctx.viewer!.displayName, at: now, comment: `Informed ${meeting.title ?? meetingId}${decisionId ? ` (decision ${decisionId})` : ''}`, version: p.version });
      const patch = { meetingId, decisionId: decisionId ?? null, updatedAt: now, history: JSON.stringify(h) };
      await updateProduct(tx, p.id, patch);
      return { ...p, ...patch };
    });
    return productView(ctx, viewer, p);
  }

  @Query(() => SanitisedView, { description: 'The sanitised version of a product for an agency (side by side with the original before release)' })
  async productSanitised(
    @Arg('id', () => ID) id: string,
    @Arg('recipientAgency', () => String) recipientAgency: string,
    @Arg('recipientClearance', () => String, { nullable: true }) recipientClearance: string | undefined,
    @C() ctx: Ctx,
  ): Promise<SanitisedView> {
    const viewer = requireViewer(ctx, 'disseminate');
    const p = await productFor(ctx.services.db, viewer, id);
    ctx.seen.add(p.id);
    const s = await sanitised(ctx, viewer, p, recipientAgency, recipientClearance);
    return {
      id: null, productId: p.id, type: p.type, typeTitle: PRODUCT_TYPE_TITLES[p.type], title: p.title, version: p.version,
      recipientAgency, recipientAgencyName: ctx.services.agencies.desk(recipientAgency).name, recipientClearance: s.clearance,
      classification: s.clearance, handling: p.handling, sections: sectionViews(s.drafted), sources: s.drafted.sources,
      recordCount: s.drafted.entityIds.length + s.drafted.linkIds.length, withheld: s.withheld,
    };
  }

  @Mutation(() => SanitisedView, { description: 'Disseminate an approved product\u2019s sanitised version to an agency, through the dissemination flow' })
  async disseminateProduct(@Arg('id', () => ID) id: string, @Arg('input', () => ReleaseInput) input: ReleaseInput, @C() ctx: Ctx): Promise<SanitisedView> {
    const viewer = requireViewer(ctx, 'disseminate');
    const { db } = ctx.services;
    const p0 = await productFor(db, viewer, id);
    if (p0.status !== 'APPROVED' && p0.status !== 'DISSEMINATED') transition(p0.status, 'DISSEMINATE', { isAuthor: false, role: viewer.role });
    const s = await sanitised(ctx, viewer, p0, input.recipientAgency, input.recipientClearance);
    // The author's words for the recipient, checked like any sanitised text.
    const originals = await originalTexts(db, [...s.drafted.sources.map((x) => x.reportId), ...s.drafted.entityIds]);
    for (const n of input.narrative ?? []) {
      const sec = s.drafted.sections.find((x) => x.key === n.key && x.source === 'NARRATIVE');
      if (!sec) throw invalid('narrative', `${JSON.stringify(n.key)} is not a narrative section of this product`);
      sec.statements = n.statements.map((st, i) => ({ id: `${sec.key}-r${i + 1}`, text: st.text.trim(), cites: [] })).filter((st) => st.text);
      for (const st of sec.statements) assertSanitised(st.text, originals);
    }
    const content: Content = { sections: s.drafted.sections, sources: s.drafted.sources };
    const text = renderText({ title: p0.title, typeTitle: PRODUCT_TYPE_TITLES[p0.type], classification: s.clearance, handling: input.handling, sections: content.sections, sources: content.sources });
    const fields = validateDissemination({ ...input, reportIds: [], impactId: null, sanitisedText: text }, viewer.agency, { product: true });
    const now = new Date().toISOString();
    const release = await disseminateProductIn(db, viewer as Viewer & { displayName: string }, {
      productId: p0.id, expectVersion: p0.version, fields, content, clearance: s.clearance, entityIds: s.drafted.entityIds, linkIds: s.drafted.linkIds, others: s.drafted.others, now,
    });
    return releaseView(ctx, viewer, release);
  }

  @Query(() => [SanitisedView], { description: 'Products other agencies disseminated to yours (their sanitised versions)' })
  async productsReceived(@Arg('limit', () => Int, { defaultValue: 100 }) limit: number, @C() ctx: Ctx): Promise<SanitisedView[]> {
    const viewer = requireViewer(ctx);
    checkLimit(limit);
    const rows = await releasesFor(ctx.services.db, viewer, { direction: 'received', limit });
    const out: SanitisedView[] = [];
    for (const r of rows) out.push(await releaseView(ctx, viewer, r));
    return out;
  }

  @Query(() => SanitisedView, { description: 'One released version, as sent (the originator) or received (the recipient)' })
  async productRelease(@Arg('id', () => ID) id: string, @C() ctx: Ctx): Promise<SanitisedView> {
    const viewer = requireViewer(ctx);
    return releaseView(ctx, viewer, await releaseFor(ctx.services.db, viewer, id));
  }

  @Query(() => DocumentView, { description: 'A product (or a release) as a printable document, its marking in header and footer; audited as an export' })
  async productDocument(
    @Arg('id', () => ID, { description: 'A product id, or a release id' }) id: string,
    @Arg('format', () => DocumentFormatEnum, { defaultValue: DocumentFormatEnum.HTML }) format: DocumentFormatEnum,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @C() ctx: Ctx,
  ): Promise<DocumentView> {
    const viewer = requireViewer(ctx);
    const { db, agencies } = ctx.services;
    let doc: Parameters<typeof productHtml>[0];
    if (id.startsWith('REL-')) {
      const r = await releaseFor(db, viewer, id);
      const v = await releaseView(ctx, viewer, r);
      doc = { ...v, content: parseContent(r), author: v.releasedByName ?? '', date: r.releasedAt, status: 'DISSEMINATED', agencyName: v.originatorName ?? '', conditions: [] };
    } else {
      if (!can(viewer, 'export') && !can(viewer, 'disseminate')) throw new DomainError('FORBIDDEN', `Your role (${viewer.role}) does not allow export`);
      const p = await productFor(db, viewer, id);
      const v = await versionOf(db, p.id, version ?? p.version);
      await agencies.refresh();
      doc = {
        title: v.title, typeTitle: PRODUCT_TYPE_TITLES[p.type], classification: p.classification + (p.compartments.length ? ` [${p.compartments.join(', ')}]` : ''),
        handling: p.handling, content: parseContent(v), author: p.authorName, date: v.savedAt, status: p.status, version: v.version, agencyName: agencies.desk(p.agency).name,
        conditions: [],
      };
      ctx.seen.add(p.id);
      for (const s of doc.content.sources) ctx.seen.add(s.reportId);
    }
    // What it contained is the record ids the event lists (shown to each trail reader as that reader may know them).
    ctx.auditDetail = `export ${format} of ${id}`;
    const safe = doc.title.replace(/[^A-Za-z0-9 _-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'product';
    if (format === DocumentFormatEnum.PDF) {
      const pdf = await productPdf(doc);
      return { filename: `${safe}.pdf`, mimeType: 'application/pdf', content: pdf.buffer.toString('base64'), classification: doc.classification, pages: pdf.pages };
    }
    return { filename: `${safe}.html`, mimeType: 'text/html', content: productHtml(doc), classification: doc.classification, pages: 0 };
  }
}
