import { Arg, Ctx as C, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DomainError, invalid } from '../domain/errors.js';
import { decide } from '../domain/policy.js';
import { validateMarkings } from '../domain/validate.js';
import {
  callFrequency as callFrequencyOf, coLocation, commonContacts as commonContactsOf, deleteMapping, getMapping, listMappings, saveMapping, writeComms,
  type StoredMapping, type Window,
} from '../graph/comms.js';
import { COMMS_FIELDS, isCommsKind, parseTime, previewComms, readComms, validateMapping, type CommsKind } from '../ingest/comms.js';
import { requireViewer, type Ctx } from './context.js';
import { GraphSlice } from './types.js';

/** Communications data: saved column mappings, imports of call records, ANPR reads and cell sites, and their analyses. */

@ObjectType({ simpleResolvers: true })
export class CommsFieldT {
  @Field(() => String) name!: string;
  @Field(() => Boolean) required!: boolean;
  @Field(() => String) description!: string;
}

@ObjectType({ simpleResolvers: true })
export class ColumnMap {
  @Field(() => String) field!: string;
  @Field(() => String, { description: 'Header name (case and spacing ignored); "A+B" joins two columns with a space' }) column!: string;
}

@InputType()
export class ColumnMapInput {
  @Field(() => String) field!: string;
  @Field(() => String) column!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A saved import specification: which column holds which field and how to read the file' })
export class ImportMapping {
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true, description: 'null: detected from the header line' }) delimiter?: string | null;
  @Field(() => String) dateFormat!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => [ColumnMap]) columns!: ColumnMap[];
  @Field(() => String) updatedBy!: string;
  @Field(() => String) updatedAt!: string;
}

@InputType()
export class ImportMappingInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'CALLS, ANPR or CELL_SITES' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'comma, tab ("\\t"), semicolon or pipe; left out: detected' }) delimiter?: string;
  @Field(() => String, { nullable: true, description: 'ISO (default), DD/MM/YYYY, MM/DD/YYYY, EPOCH_S or EPOCH_MS' }) dateFormat?: string;
  @Field(() => String, { nullable: true, description: 'Zone of times given without an offset: UTC (default) or Europe/London' }) timeZone?: string;
  @Field(() => [ColumnMapInput]) columns!: ColumnMapInput[];
}

@ObjectType({ simpleResolvers: true })
export class CommsPreview {
  @Field(() => String) delimiter!: string;
  @Field(() => [String]) headers!: string[];
  @Field(() => [[String]]) rows!: string[][];
  @Field(() => [ColumnMap], { description: 'A mapping guessed from the header names' }) suggested!: ColumnMap[];
  @Field(() => [String], { description: 'Required fields the guess could not place' }) missing!: string[];
}

@ObjectType({ simpleResolvers: true })
export class CommsImportError {
  @Field(() => Int) line!: number;
  @Field(() => String) reason!: string;
}

@ObjectType({ simpleResolvers: true })
export class CommsImportResult {
  @Field(() => Int, { description: 'Rows read (the header excluded)' }) read!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int, { description: 'Calls or reads stored by this import' }) recordsCreated!: number;
  @Field(() => Int, { description: 'Calls or reads already held (a file imported again)' }) recordsUnchanged!: number;
  @Field(() => Int, { description: 'Rows repeating another row of the file' }) duplicates!: number;
  @Field(() => Int, { description: 'Phones, vehicles, cameras or cell sites created' }) entitiesCreated!: number;
  @Field(() => Int, { description: 'Cell sites or cameras whose details were updated' }) entitiesUpdated!: number;
  @Field(() => Int, { description: 'Aggregate links (CALLS, SEEN_AT, USED_CELL) created or changed' }) linksWritten!: number;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean, { description: 'False when nothing was written (a dry run, or rejected rows without keepGood)' }) written!: boolean;
  @Field(() => [CommsImportError]) errors!: CommsImportError[];
}

@ObjectType({ simpleResolvers: true })
export class CallPairT {
  @Field(() => ID) caller!: string;
  @Field(() => ID) callee!: string;
  @Field(() => Int) calls!: number;
  @Field(() => Int, { description: 'Seconds' }) totalDuration!: number;
  @Field(() => String) firstCall!: string;
  @Field(() => String) lastCall!: string;
}

@ObjectType({ simpleResolvers: true })
export class CallBucket {
  @Field(() => String, { description: 'Day (YYYY-MM-DD) as kept in the UK (Europe/London)' }) start!: string;
  @Field(() => Int) calls!: number;
}

@ObjectType({ simpleResolvers: true })
export class CallFrequency {
  @Field(() => GraphSlice) slice!: GraphSlice;
  @Field(() => [CallPairT]) pairs!: CallPairT[];
  @Field(() => [CallBucket]) buckets!: CallBucket[];
}

@ObjectType({ simpleResolvers: true })
export class ContactCount {
  @Field(() => ID) phoneId!: string;
  @Field(() => Int) calls!: number;
}

@ObjectType({ simpleResolvers: true })
export class CommonContact {
  @Field(() => ID) contactId!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) total!: number;
  @Field(() => [ContactCount]) by!: ContactCount[];
}

@ObjectType({ simpleResolvers: true })
export class CommonContacts {
  @Field(() => GraphSlice) slice!: GraphSlice;
  @Field(() => [CommonContact]) contacts!: CommonContact[];
}

@ObjectType({ simpleResolvers: true })
export class CoLocationEvent {
  @Field(() => ID) aId!: string;
  @Field(() => ID) bId!: string;
  @Field(() => ID, { description: 'Camera or cell site' }) placeId!: string;
  @Field(() => String) aTime!: string;
  @Field(() => String) bTime!: string;
  @Field(() => Int) gapSeconds!: number;
}

@ObjectType({ simpleResolvers: true })
export class CoLocatedPair {
  @Field(() => ID) aId!: string;
  @Field(() => ID) bId!: string;
  @Field(() => String, { description: 'Label of the other vehicle or phone' }) label!: string;
  @Field(() => Int, { description: 'Distinct cameras or cell sites where they met' }) places!: number;
  @Field(() => Int, { description: 'Meetings (pairs of sightings within the window)' }) sightings!: number;
  @Field(() => Boolean, { description: 'The same one was first every time' }) convoy!: boolean;
  @Field(() => ID, { nullable: true }) leaderId?: string | null;
  @Field(() => Float) meanGapSeconds!: number;
}

@ObjectType({ simpleResolvers: true })
export class CoLocation {
  @Field(() => GraphSlice) slice!: GraphSlice;
  @Field(() => [CoLocatedPair]) pairs!: CoLocatedPair[];
  @Field(() => [CoLocationEvent]) events!: CoLocationEvent[];
}

const MAX_TEXT = 50 * 1024 * 1024;

function kindOf(kind: string): CommsKind {
  if (!isCommsKind(kind)) throw invalid('kind', 'kind must be CALLS, ANPR or CELL_SITES');
  return kind;
}

const mappingOut = (m: StoredMapping): ImportMapping => ({
  ...m, columns: Object.entries(m.columns).map(([field, column]) => ({ field, column })),
});

/**
 * A date (YYYY-MM-DD: the whole day as kept in the UK, from midnight in London) or an ISO date-time;
 * `end` takes a date's following midnight, so from and to the same day is that day.
 */
function instant(field: string, v: string | undefined | null, end: boolean): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const fault = () => invalid(field, `${field} must be a date (YYYY-MM-DD) or an ISO date and time`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const start = parseTime(v, 'ISO', 'Europe/London');
    if (start === undefined) throw fault();
    return end ? parseTime(new Date(Date.parse(`${v}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10), 'ISO', 'Europe/London') : start;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) throw fault();
  return t;
}

function windowOf(from?: string | null, to?: string | null): Window {
  const w = { from: instant('from', from, false), to: instant('to', to, true) };
  if (w.from !== undefined && w.to !== undefined && w.from >= w.to) throw invalid('to', 'to must be after from');
  return w;
}

function ids(list: string[], min: number, max: number, field: string): string[] {
  const u = [...new Set(list)];
  if (u.length < min || u.length > max) throw invalid(field, `Give ${min === max ? min : `${min} to ${max}`} ids`);
  return u;
}

@Resolver()
export class CommsResolver {
  @Query(() => [CommsFieldT], { description: 'The fields a file of this kind is read into (CALLS, ANPR, CELL_SITES)' })
  commsFields(@Arg('kind', () => String) kind: string, @C() ctx: Ctx): CommsFieldT[] {
    requireViewer(ctx);
    return COMMS_FIELDS[kindOf(kind)].map(({ name, required, description }) => ({ name, required, description }));
  }

  @Query(() => [ImportMapping], { description: 'Column mappings saved by your agency, by name' })
  async importMappings(@Arg('kind', () => String, { nullable: true }) kind: string | undefined, @C() ctx: Ctx): Promise<ImportMapping[]> {
    const viewer = requireViewer(ctx);
    return (await listMappings(ctx.services.db, viewer.agency, kind ? kindOf(kind) : undefined)).map(mappingOut);
  }

  @Query(() => CommsPreview, { description: 'The first rows of a file as they would be split, the delimiter found, and a mapping guessed from the header' })
  async previewCommsFile(
    @Arg('kind', () => String) kind: string,
    @Arg('text', () => String) text: string,
    @Arg('delimiter', () => String, { nullable: true }) delimiter: string | undefined,
    @C() ctx: Ctx,
  ): Promise<CommsPreview> {
    requireViewer(ctx);
    const d = delimiter ? validateMapping({ name: 'preview', kind: kindOf(kind), delimiter, columns: Object.fromEntries(COMMS_FIELDS[kindOf(kind)].filter((f) => f.required).map((f) => [f.name, 'x'])) }).delimiter : null;
    const p = await previewComms(kindOf(kind), text.slice(0, 1_000_000), d);
    return { ...p, suggested: Object.entries(p.suggested).map(([field, column]) => ({ field, column })) };
  }

  @Mutation(() => ImportMapping, { description: 'Save a column mapping for your agency (replacing one of the same name)' })
  async saveImportMapping(@Arg('input', () => ImportMappingInput) input: ImportMappingInput, @C() ctx: Ctx): Promise<ImportMapping> {
    const viewer = requireViewer(ctx, 'import');
    const m = validateMapping(input);
    ctx.auditDetail = `import mapping saved ${JSON.stringify(m.name)} (${m.kind})`;
    return mappingOut(await saveMapping(ctx.services.db, viewer.agency, viewer.username, m));
  }

  @Mutation(() => Boolean)
  async deleteImportMapping(@Arg('name', () => String) name: string, @C() ctx: Ctx): Promise<boolean> {
    const viewer = requireViewer(ctx, 'import');
    ctx.auditDetail = `import mapping deleted ${JSON.stringify(name)}`;
    return deleteMapping(ctx.services.db, viewer.agency, name);
  }

  @Mutation(() => CommsImportResult, {
    description:
      'Import call records, ANPR reads or a cell-site list through a saved mapping. Every row is checked first; any rejected row means ' +
      'nothing is written unless keepGood. Records are held under the markings given (owned by your agency); importing the same file ' +
      'again changes nothing. Calls and reads are aggregated into CALLS, SEEN_AT and USED_CELL links with counts and time ranges',
  })
  async importComms(
    @Arg('kind', () => String) kind: string,
    @Arg('mapping', () => String, { description: 'Name of a saved mapping of this kind' }) mappingName: string,
    @Arg('text', () => String) text: string,
    @Arg('classification', () => String, { nullable: true }) classification: string | undefined,
    @Arg('compartments', () => [String], { nullable: true }) compartments: string[] | undefined,
    @Arg('handling', () => String, { nullable: true }) handling: string | undefined,
    @Arg('handlingConditions', () => [String], { nullable: true }) handlingConditions: string[] | undefined,
    @Arg('keepGood', () => Boolean, { defaultValue: false }) keepGood: boolean,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @C() ctx: Ctx,
  ): Promise<CommsImportResult> {
    const viewer = requireViewer(ctx, 'import');
    const k = kindOf(kind);
    if (text.length > MAX_TEXT) throw new DomainError('LIMIT_EXCEEDED', 'The file is larger than an upload may be: use npm run import:comms', 'text');
    const mapping = await getMapping(ctx.services.db, viewer.agency, mappingName);
    if (!mapping) throw new DomainError('NOT_FOUND', `Your agency has no saved mapping ${JSON.stringify(mappingName)}`, 'mapping');
    if (mapping.kind !== k) throw invalid('mapping', `The mapping ${JSON.stringify(mappingName)} is for ${mapping.kind} files, not ${k}`);
    const markings = validateMarkings({ classification, compartments, handling, handlingConditions, agency: viewer.agency }, { agency: viewer.agency });
    // Records an importer could not see themselves would be records nobody at the desk could use.
    if (decide(viewer, markings) !== 'full') throw invalid('classification', 'You may only import records at a classification and in compartments you are cleared for');
    const read = await readComms(text, mapping);
    const result: CommsImportResult = {
      read: read.read, accepted: read.rows.length, rejected: read.errors.length, recordsCreated: 0, recordsUnchanged: 0, duplicates: 0,
      entitiesCreated: 0, entitiesUpdated: 0, linksWritten: 0, dryRun, written: false, errors: read.errors.slice(0, 1000),
    };
    if (!dryRun && read.rows.length && (keepGood || !read.errors.length)) {
      const c = await writeComms(ctx.services.db, k, read.rows, { markings, writer: viewer, oneTransaction: true });
      Object.assign(result, {
        recordsCreated: c.recordsCreated, recordsUnchanged: c.recordsUnchanged, duplicates: c.duplicates,
        entitiesCreated: c.entities.created, entitiesUpdated: c.entities.updated, linksWritten: c.links.created + c.links.updated, written: true,
      });
    }
    ctx.auditDetail = `comms import ${k} mapping=${JSON.stringify(mappingName)} read=${result.read} rejected=${result.rejected} created=${result.recordsCreated}${dryRun ? ' dry-run' : ''}`;
    return result;
  }

  @Query(() => CallFrequency, { description: 'Who called whom among and with the given phones in a time window (calls you may see), most calls first, with calls per day' })
  async callFrequency(
    @Arg('phoneIds', () => [ID]) phoneIds: string[],
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @C() ctx: Ctx,
  ): Promise<CallFrequency> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    return callFrequencyOf(ctx.services.db, viewer, ctx.services.agencies, ids(phoneIds, 1, 50, 'phoneIds'), windowOf(from, to), ctx.seen) as Promise<CallFrequency>;
  }

  @Query(() => CommonContacts, { description: 'Phones in contact with at least two of the given phones (both, when two are given)' })
  async commonContacts(
    @Arg('phoneIds', () => [ID]) phoneIds: string[],
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @C() ctx: Ctx,
  ): Promise<CommonContacts> {
    const viewer = requireViewer(ctx);
    await ctx.services.agencies.refresh();
    return commonContactsOf(ctx.services.db, viewer, ctx.services.agencies, ids(phoneIds, 2, 20, 'phoneIds'), windowOf(from, to), ctx.seen) as Promise<CommonContacts>;
  }

  @Query(() => CoLocation, {
    description: 'Vehicles seen at the same ANPR cameras within N minutes of the given vehicle (or of each other, when two are given) at minPlaces cameras or more; convoy when the same one led every time',
  })
  async vehicleCoLocation(
    @Arg('vehicleIds', () => [ID]) vehicleIds: string[],
    @Arg('withinMinutes', () => Int, { defaultValue: 5 }) withinMinutes: number,
    @Arg('minPlaces', () => Int, { defaultValue: 3 }) minPlaces: number,
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @C() ctx: Ctx,
  ): Promise<CoLocation> {
    return this.coLocate(ctx, 'vehicle', vehicleIds, withinMinutes, minPlaces, from, to);
  }

  @Query(() => CoLocation, { description: 'Phones on the same cell sites (from the cell sites of their calls) within N minutes of the given phone (or of each other, when two are given)' })
  async phoneCoLocation(
    @Arg('phoneIds', () => [ID]) phoneIds: string[],
    @Arg('withinMinutes', () => Int, { defaultValue: 10 }) withinMinutes: number,
    @Arg('minPlaces', () => Int, { defaultValue: 2 }) minPlaces: number,
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @C() ctx: Ctx,
  ): Promise<CoLocation> {
    return this.coLocate(ctx, 'phone', phoneIds, withinMinutes, minPlaces, from, to);
  }

  private async coLocate(ctx: Ctx, kind: 'vehicle' | 'phone', list: string[], minutes: number, minPlaces: number, from?: string, to?: string): Promise<CoLocation> {
    const viewer = requireViewer(ctx);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) throw invalid('withinMinutes', 'withinMinutes must be 0 to 1440');
    if (!Number.isInteger(minPlaces) || minPlaces < 1 || minPlaces > 100) throw invalid('minPlaces', 'minPlaces must be 1 to 100');
    await ctx.services.agencies.refresh();
    const field = kind === 'vehicle' ? 'vehicleIds' : 'phoneIds';
    return coLocation(ctx.services.db, viewer, ctx.services.agencies, kind, ids(list, 1, 2, field), minutes, minPlaces, windowOf(from, to), ctx.seen) as Promise<CoLocation>;
  }
}
