import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AdminResolver } from './admin.js';
import { AnalysisResolver } from './analysis.js';
import { AuthResolver } from './auth.js';
import { EntityResolver } from './entities.js';
import { InvestigationResolver } from './investigations.js';
import { DisseminationResolver, OcgResolver } from './ocg.js';
import { RequirementResolver, TaskingResolver } from './requirements.js';

/** Resolver classes are listed here; feature modules add theirs. */
export const RESOLVERS = [AuthResolver, EntityResolver, AdminResolver, AnalysisResolver, OcgResolver, DisseminationResolver, RequirementResolver, TaskingResolver, InvestigationResolver] as const;

export async function buildApiSchema(extra: readonly Function[] = []): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS, ...extra] as unknown as [Function, ...Function[]],
    validate: false,
    emitSchemaFile: false,
  });
}
