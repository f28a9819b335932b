import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AdminResolver } from './admin.js';
import { AuthResolver } from './auth.js';
import { EntityResolver } from './entities.js';

/** Resolver classes are listed here; feature modules add theirs. */
export const RESOLVERS = [AuthResolver, EntityResolver, AdminResolver] as const;

export async function buildApiSchema(extra: readonly Function[] = []): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS, ...extra] as unknown as [Function, ...Function[]],
    validate: false,
    emitSchemaFile: false,
  });
}
