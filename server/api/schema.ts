import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AdminResolver } from './admin.js';
import { CommsResolver } from './comms.js';
import { AnalysisResolver } from './analysis.js';
import { AuthResolver } from './auth.js';
import { ChartResolver } from './charts.js';
import { EntityResolver } from './entities.js';
import { ExportResolver } from './exports.js';
import { ImportResolver } from './importing.js';
import { InvestigationResolver } from './investigations.js';
import { DisseminationResolver, OcgResolver } from './ocg.js';
import { InboxResolver } from './inbox.js';
import { ProductResolver } from './products.js';
import { RequirementResolver, TaskingResolver } from './requirements.js';

/** Resolver classes are listed here; feature modules add theirs. */
export const RESOLVERS = [AuthResolver, CommsResolver, EntityResolver, ImportResolver, ChartResolver, AdminResolver, AnalysisResolver, OcgResolver, DisseminationResolver, RequirementResolver, TaskingResolver, InvestigationResolver, InboxResolver, ProductResolver, ExportResolver] as const;

export async function buildApiSchema(extra: readonly Function[] = []): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS, ...extra] as unknown as [Function, ...Function[]],
    validate: false,
    emitSchemaFile: false,
  });
}
