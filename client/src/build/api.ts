import { NODE_FIELDS, type GraphQLApi } from '../api.js';
import type { MarkingsInput } from '../../../server/domain/validate.js';
import type { GraphNode } from '../workspace/types.js';
import type { EntityDraft } from './recordForm.js';

/** What a write answered (the API's WriteResult). */
export interface WriteResult { id: string; created: boolean; changed: boolean }

export interface LinkDraft {
  source: string;
  target: string;
  type: string;
  props: Record<string, unknown>;
  reportIds: string[];
  markings: MarkingsInput;
}

/**
 * The write path of hand-built charts: createEntity, updateEntity, createLink with its supporting
 * reports. The server applies the access policy and records the audit; errors keep their field.
 */
export class BuildApi {
  constructor(private readonly api: GraphQLApi) {}

  async createEntity(input: EntityDraft): Promise<WriteResult> {
    const q = 'mutation CreateEntity($input:EntityInput!){ createEntity(input:$input){ id created changed } }';
    return (await this.api.request<{ createEntity: WriteResult }>(q, { input })).createEntity;
  }

  async updateEntity(id: string, patch: { label?: string; props?: Record<string, unknown>; markings?: MarkingsInput }): Promise<WriteResult> {
    const q = 'mutation UpdateEntity($id:ID!,$patch:EntityPatch!){ updateEntity(id:$id, patch:$patch){ id created changed } }';
    return (await this.api.request<{ updateEntity: WriteResult }>(q, { id, patch })).updateEntity;
  }

  async createLink(input: LinkDraft): Promise<WriteResult> {
    const q = 'mutation CreateLink($input:LinkInput!){ createLink(input:$input){ id created changed } }';
    return (await this.api.request<{ createLink: WriteResult }>(q, { input })).createLink;
  }

  /** Adds supporting reports to a link that exists (its other reports stay). */
  async attachProvenance(linkId: string, reportIds: string[]): Promise<WriteResult> {
    const q = 'mutation Attach($id:ID!,$r:[ID!]!){ attachProvenance(linkId:$id, reportIds:$r){ id created changed } }';
    return (await this.api.request<{ attachProvenance: WriteResult }>(q, { id: linkId, r: reportIds })).attachProvenance;
  }

  /** One entity as the viewer is shown it. */
  async entity(id: string): Promise<GraphNode | null> {
    const q = `query Entity($id:ID!){ entity(id:$id){ ${NODE_FIELDS} } }`;
    return (await this.api.request<{ entity: GraphNode | null }>(q, { id })).entity;
  }
}
