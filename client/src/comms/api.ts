import { EDGE_FIELDS, NODE_FIELDS, type GraphQLApi } from '../api.js';
import type { GraphSlice } from '../workspace/types.js';

/**
 * The communications-data part of the API: import of call records, ANPR reads and cell-site lists
 * through saved column mappings, and the analyses over them. Mirrors of the GraphQL types.
 */
export type CommsKind = 'CALLS' | 'ANPR' | 'CELL_SITES';
export const COMMS_KINDS: { kind: CommsKind; title: string }[] = [
  { kind: 'CALLS', title: 'Call data records' },
  { kind: 'ANPR', title: 'ANPR reads' },
  { kind: 'CELL_SITES', title: 'Cell-site list' },
];

export interface CommsField { name: string; required: boolean; description: string }
export interface ColumnMap { field: string; column: string }
export interface ImportMapping {
  name: string; kind: CommsKind; delimiter: string | null; dateFormat: string; timeZone: string; columns: ColumnMap[];
  updatedBy?: string; updatedAt?: string;
}
export type ImportMappingInput = Omit<ImportMapping, 'updatedBy' | 'updatedAt'>;
export interface CommsPreview { delimiter: string; headers: string[]; rows: string[][]; suggested: ColumnMap[]; missing: string[] }
export interface CommsImportResult {
  read: number; accepted: number; rejected: number; recordsCreated: number; recordsUnchanged: number; duplicates: number;
  entitiesCreated: number; entitiesUpdated: number; linksWritten: number; dryRun: boolean; written: boolean; errors: { line: number; reason: string }[];
}

export interface CallPair { caller: string; callee: string; calls: number; totalDuration: number; firstCall: string; lastCall: string }
/** `buckets`: calls per day (`start` a UTC day, YYYY-MM-DD). */
export interface CallFrequency { slice: GraphSlice; pairs: CallPair[]; buckets: { start: string; calls: number }[] }
export interface CommonContact { contactId: string; label: string; total: number; by: { phoneId: string; calls: number }[] }
export interface CommonContacts { slice: GraphSlice; contacts: CommonContact[] }
export interface CoLocatedPair { aId: string; bId: string; label: string; places: number; sightings: number; convoy: boolean; leaderId: string | null; meanGapSeconds: number }
export interface CoLocationEvent { aId: string; bId: string; placeId: string; aTime: string; bTime: string; gapSeconds: number }
export interface CoLocation { slice: GraphSlice; pairs: CoLocatedPair[]; events: CoLocationEvent[] }

/** A time window: ISO dates (YYYY-MM-DD; `to` takes in its whole day), either end optional. */
export interface Window { from?: string; to?: string }

const SLICE = `slice{ nodes{ ${NODE_FIELDS} } edges{ ${EDGE_FIELDS} } truncated omitted }`;
const MAPPING = 'name kind delimiter dateFormat timeZone columns{ field column } updatedBy updatedAt';
const COLOCATION = `${SLICE} pairs{ aId bId label places sightings convoy leaderId meanGapSeconds } events{ aId bId placeId aTime bTime gapSeconds }`;

const windowVars = (w: Window) => ({ from: w.from || null, to: w.to || null });

export class CommsApi {
  constructor(private readonly api: Pick<GraphQLApi, 'request'>) {}

  async fields(kind: CommsKind): Promise<CommsField[]> {
    const q = 'query($k:String!){ commsFields(kind:$k){ name required description } }';
    return (await this.api.request<{ commsFields: CommsField[] }>(q, { k: kind })).commsFields;
  }

  async mappings(kind: CommsKind): Promise<ImportMapping[]> {
    const q = `query($k:String){ importMappings(kind:$k){ ${MAPPING} } }`;
    return (await this.api.request<{ importMappings: ImportMapping[] }>(q, { k: kind })).importMappings;
  }

  /** The first rows split by the delimiter given (or the one detected), and a mapping guessed from the header. */
  async preview(kind: CommsKind, text: string, delimiter?: string): Promise<CommsPreview> {
    const q = 'query($k:String!,$t:String!,$d:String){ previewCommsFile(kind:$k, text:$t, delimiter:$d){ delimiter headers rows suggested{ field column } missing } }';
    return (await this.api.request<{ previewCommsFile: CommsPreview }>(q, { k: kind, t: text, d: delimiter || null })).previewCommsFile;
  }

  async saveMapping(input: ImportMappingInput): Promise<ImportMapping> {
    const q = `mutation($i:ImportMappingInput!){ saveImportMapping(input:$i){ ${MAPPING} } }`;
    return (await this.api.request<{ saveImportMapping: ImportMapping }>(q, { i: input })).saveImportMapping;
  }

  async importFile(kind: CommsKind, mapping: string, text: string, opts: { dryRun: boolean; keepGood: boolean }): Promise<CommsImportResult> {
    const q = `mutation($k:String!,$m:String!,$t:String!,$dry:Boolean,$keep:Boolean){ importComms(kind:$k, mapping:$m, text:$t, dryRun:$dry, keepGood:$keep){
      read accepted rejected recordsCreated recordsUnchanged duplicates entitiesCreated entitiesUpdated linksWritten dryRun written errors{ line reason } } }`;
    return (await this.api.request<{ importComms: CommsImportResult }>(q, { k: kind, m: mapping, t: text, dry: opts.dryRun, keep: opts.keepGood })).importComms;
  }

  async callFrequency(phoneIds: string[], w: Window): Promise<CallFrequency> {
    const q = `query($ids:[ID!]!,$from:String,$to:String){ callFrequency(phoneIds:$ids, from:$from, to:$to){ ${SLICE} pairs{ caller callee calls totalDuration firstCall lastCall } buckets{ start calls } } }`;
    return (await this.api.request<{ callFrequency: CallFrequency }>(q, { ids: phoneIds, ...windowVars(w) })).callFrequency;
  }

  async commonContacts(phoneIds: string[], w: Window): Promise<CommonContacts> {
    const q = `query($ids:[ID!]!,$from:String,$to:String){ commonContacts(phoneIds:$ids, from:$from, to:$to){ ${SLICE} contacts{ contactId label total by{ phoneId calls } } } }`;
    return (await this.api.request<{ commonContacts: CommonContacts }>(q, { ids: phoneIds, ...windowVars(w) })).commonContacts;
  }

  async vehicleCoLocation(vehicleIds: string[], opts: Window & { withinMinutes: number; minPlaces: number }): Promise<CoLocation> {
    const q = `query($ids:[ID!]!,$n:Int!,$p:Int!,$from:String,$to:String){ vehicleCoLocation(vehicleIds:$ids, withinMinutes:$n, minPlaces:$p, from:$from, to:$to){ ${COLOCATION} } }`;
    return (await this.api.request<{ vehicleCoLocation: CoLocation }>(q, { ids: vehicleIds, n: opts.withinMinutes, p: opts.minPlaces, ...windowVars(opts) })).vehicleCoLocation;
  }

  async phoneCoLocation(phoneIds: string[], opts: Window & { withinMinutes: number; minPlaces: number }): Promise<CoLocation> {
    const q = `query($ids:[ID!]!,$n:Int!,$p:Int!,$from:String,$to:String){ phoneCoLocation(phoneIds:$ids, withinMinutes:$n, minPlaces:$p, from:$from, to:$to){ ${COLOCATION} } }`;
    return (await this.api.request<{ phoneCoLocation: CoLocation }>(q, { ids: phoneIds, n: opts.withinMinutes, p: opts.minPlaces, ...windowVars(opts) })).phoneCoLocation;
  }
}
