import { Arg, Ctx as C, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { invalid } from '../domain/errors.js';
import { importGraph } from '../ingest/importer.js';
import { requireViewer, type Ctx } from './context.js';

@ObjectType({ simpleResolvers: true })
export class ImportRejection {
  @Field(() => String) file!: string;
  @Field(() => Int) line!: number;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class ImportResult {
  @Field(() => Int) read!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => Boolean, { description: 'False when nothing was written (a dry run, or rejected rows without keepGood)' }) written!: boolean;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => [ImportRejection]) errors!: ImportRejection[];
}

/**
 * Uploads from the client: the same importer as `npm run import`, limited by the request size and
 * by the writer's ownership (see ImportOptions.writer): an upload can add to and change only what
 * the uploader's agency owns and the uploader sees in full. An upload is written in one
 * transaction, its ownership checked in it, so it lands whole or not at all.
 */
@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      'Import nodes and edges (CSV text, or JSON text). Rows without an agency are owned by yours; rows for another agency, ' +
      'records you do not see in full, and links touching them are rejected by line',
  })
  async importGraph(
    @Arg('nodesCsv', () => String, { nullable: true }) nodesCsv: string | undefined,
    @Arg('edgesCsv', () => String, { nullable: true }) edgesCsv: string | undefined,
    @Arg('json', () => String, { nullable: true }) json: string | undefined,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg('keepGood', () => Boolean, { defaultValue: false }) keepGood: boolean,
    @C() ctx: Ctx,
  ): Promise<ImportResult> {
    const viewer = requireViewer(ctx, 'import');
    if (!nodesCsv && !edgesCsv && !json) throw invalid('nodesCsv', 'Give nodes and/or edges as CSV, or a JSON document');
    const s = await importGraph(
      ctx.services.db,
      { nodes: nodesCsv || undefined, edges: edgesCsv || undefined, json: json || undefined, names: { nodes: 'nodes', edges: 'edges', json: 'json' } },
      { dryRun, keepGood, defaultAgency: viewer.agency, writer: viewer, oneTransaction: true },
    );
    ctx.auditDetail = `import read=${s.read} created=${s.created} updated=${s.updated} rejected=${s.rejected}${dryRun ? ' dry-run' : ''}`;
    return { ...s, errors: s.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })) };
  }
}
