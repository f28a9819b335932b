import 'reflect-metadata';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Output and input shapes shared by the resolvers. Bulk payload types are simple (no per-field middleware). */
export const JSONObject = GraphQLJSONObject;

export enum AccessLevel { full = 'full', shared = 'shared', stub = 'stub' }
registerEnumType(AccessLevel, { name: 'AccessLevel', description: 'full: as held; shared: a disseminated (sanitised) copy; stub: existence and owner only' });

@ObjectType({ simpleResolvers: true })
export class Markings {
  @Field(() => String) classification!: string;
  @Field(() => String) handling!: string;
  @Field(() => [String]) handlingConditions!: string[];
  @Field(() => String, { nullable: true }) handlingNotes?: string;
  @Field(() => String) agency!: string;
  @Field(() => [String]) compartments!: string[];
  @Field(() => Boolean) nfd!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'An entity as the viewer may see it: full, a shared copy, or a restricted stub' })
export class GraphNode {
  @Field(() => ID) id!: string;
  @Field(() => String) type!: string;
  @Field(() => String) label!: string;
  @Field(() => Boolean) restricted!: boolean;
  @Field(() => AccessLevel) access!: string;
  @Field(() => String, { nullable: true, description: 'For a stub: who holds the intelligence' }) heldBy?: string;
  @Field(() => String, { nullable: true, description: 'For a stub: whom to contact (the holding desk)' }) contact?: string;
  @Field(() => String, { nullable: true, description: 'For a stub: its reference for you to quote to the holder (the same every time you meet it; nobody else is given it)' }) reference?: string;
  @Field(() => String, { nullable: true, description: 'For a stub: the holding desk\u2019s telephone' }) contactPhone?: string;
  @Field(() => String, { nullable: true, description: 'For a stub: the holding desk\u2019s e-mail' }) contactEmail?: string;
  @Field(() => JSONObject) props!: Record<string, unknown>;
  @Field(() => Markings, { nullable: true }) markings?: Markings;
  @Field(() => Boolean, { nullable: true }) archived?: boolean;
}

@ObjectType({ simpleResolvers: true })
export class GraphEdge {
  @Field(() => ID) id!: string;
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => String) type!: string;
  @Field(() => Boolean) restricted!: boolean;
  @Field(() => Float, { nullable: true, description: 'Evidence strength 0..1 from the supporting reports (see gradeStrength)' }) strength?: number | null;
  @Field(() => Int) reportCount!: number;
  @Field(() => JSONObject) props!: Record<string, unknown>;
  @Field(() => Markings, { nullable: true }) markings?: Markings;
}

@ObjectType({ simpleResolvers: true })
export class GraphSlice {
  @Field(() => [GraphNode]) nodes!: GraphNode[];
  @Field(() => [GraphEdge]) edges!: GraphEdge[];
  @Field(() => Boolean) truncated!: boolean;
  @Field(() => Int, { description: 'Elements left out by a cap (never counts what the viewer may not know exists)' }) omitted!: number;
}

@ObjectType({ simpleResolvers: true })
export class EntityPage {
  @Field(() => [GraphNode]) items!: GraphNode[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string;
}

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => GraphNode) entity!: GraphNode;
  @Field(() => Float) score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Stubs one agency holds that a search named exactly: who to call, and the references to quote' })
export class StubGroup {
  @Field(() => String) heldBy!: string;
  @Field(() => String) contact!: string;
  @Field(() => String, { nullable: true }) contactPhone?: string;
  @Field(() => String, { nullable: true }) contactEmail?: string;
  @Field(() => Int) count!: number;
  @Field(() => [GraphNode]) stubs!: GraphNode[];
}

@ObjectType({ simpleResolvers: true })
export class GroupedSearch {
  @Field(() => [SearchHit], { description: 'What you may see, ranked' }) hits!: SearchHit[];
  @Field(() => [StubGroup], { description: 'Records held by others that the text names exactly, one group per holder' }) heldElsewhere!: StubGroup[];
}

@ObjectType({ simpleResolvers: true })
export class SupportingReport {
  @Field(() => GraphNode) report!: GraphNode;
  @Field(() => String, { nullable: true }) grade?: string;
  @Field(() => Float, { nullable: true }) strength?: number;
}

@ObjectType()
export class LinkDetail {
  @Field(() => GraphEdge) link!: GraphEdge;
  @Field(() => GraphNode) sourceNode!: GraphNode;
  @Field(() => GraphNode) targetNode!: GraphNode;
  @Field(() => [SupportingReport], { description: 'Why linked: supporting reports, strongest first' }) reports!: SupportingReport[];
  @Field(() => Int, { description: 'Supporting reports the viewer may not see in full' }) withheldReports!: number;
}

@ObjectType()
export class ViewerInfo {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) role!: string;
  @Field(() => String) clearance!: string;
  @Field(() => String) agency!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => [String]) compartments!: string[];
  @Field(() => [String]) permissions!: string[];
}

@ObjectType()
export class SessionInfo {
  @Field(() => String, { description: 'Bearer token for API clients (browsers also get an HttpOnly cookie)' }) token!: string;
  @Field(() => String) expiresAt!: string;
  @Field(() => ViewerInfo) viewer!: ViewerInfo;
}

@ObjectType()
export class WriteResult {
  @Field(() => ID) id!: string;
  @Field(() => Boolean) created!: boolean;
  @Field(() => Boolean) changed!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class CodeValue {
  @Field(() => String) code!: string;
  @Field(() => String) meaning!: string;
}

@ObjectType({ simpleResolvers: true })
export class CodeSet {
  @Field(() => String) name!: string;
  @Field(() => [CodeValue]) values!: CodeValue[];
}

@ObjectType({ simpleResolvers: true })
export class AuditEntry {
  @Field(() => Int) seq!: number;
  @Field(() => String) at!: string;
  @Field(() => String) actor!: string;
  @Field(() => String) agency!: string;
  @Field(() => String) op!: string;
  @Field(() => String) outcome!: string;
  @Field(() => String) args!: string;
  @Field(() => [String]) resultIds!: string[];
  @Field(() => String) detail!: string;
  @Field(() => String) hash!: string;
}

@InputType()
export class MarkingsInput {
  @Field(() => String, { nullable: true }) classification?: string;
  @Field(() => String, { nullable: true, description: 'Owning agency; defaults to the signed-in user\u2019s' }) agency?: string;
  @Field(() => [String], { nullable: true }) compartments?: string[];
  @Field(() => String, { nullable: true }) handling?: string;
  @Field(() => [String], { nullable: true }) handlingConditions?: string[];
  @Field(() => String, { nullable: true }) handlingNotes?: string;
  @Field(() => Boolean, { nullable: true }) nfd?: boolean;
  @Field(() => String, { nullable: true }) nfdJustification?: string;
  @Field(() => String, { nullable: true }) nfdApprover?: string;
}

@InputType()
export class EntityInput {
  @Field(() => ID, { nullable: true, description: 'External id; generated when absent' }) id?: string;
  @Field(() => String) type!: string;
  @Field(() => String, { nullable: true }) label?: string;
  @Field(() => JSONObject, { nullable: true }) props?: Record<string, unknown>;
  @Field(() => MarkingsInput, { nullable: true }) markings?: MarkingsInput;
}

@InputType()
export class EntityPatch {
  @Field(() => String, { nullable: true }) label?: string;
  @Field(() => JSONObject, { nullable: true, description: 'Properties to set; null clears one' }) props?: Record<string, unknown>;
  @Field(() => MarkingsInput, { nullable: true }) markings?: MarkingsInput;
}

@InputType()
export class LinkInput {
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => String) type!: string;
  @Field(() => JSONObject, { nullable: true }) props?: Record<string, unknown>;
  @Field(() => [ID], { nullable: true, description: 'Supporting intelligence reports (provenance)' }) reportIds?: string[];
  @Field(() => MarkingsInput, { nullable: true }) markings?: MarkingsInput;
}

@InputType()
export class PropFilter {
  @Field(() => String) prop!: string;
  @Field(() => String, { description: 'EQ, CONTAINS, GTE or LTE' }) op!: 'EQ' | 'CONTAINS' | 'GTE' | 'LTE';
  @Field(() => String) value!: string;
}
