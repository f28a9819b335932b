import { EDGE_FIELDS, NODE_FIELDS, type GraphQLApi } from '../api.js';
import type { GraphSlice } from '../workspace/types.js';
import type { DuplicatePair } from './model.js';

/** The entity-resolution part of the API: candidate pairs, merge and un-merge. */

/** The server reads at most this many pairs at once. */
export const MAX_CANDIDATES = 500;
/** Pairs asked for at first, and added by "more". */
export const CANDIDATE_PAGE = 50;
/** Links read around a pair to propose the record kept and count what moves. */
export const NEIGHBOUR_LIMIT = 1000;

export class DuplicatesApi {
  constructor(private readonly api: Pick<GraphQLApi, 'request'>) {}

  /** Candidate pairs of subjects, best first. */
  async candidates(limit: number): Promise<DuplicatePair[]> {
    const q = `query($limit:Int!){ duplicateCandidates(limit:$limit, type:"Subject"){ a{ ${NODE_FIELDS} } b{ ${NODE_FIELDS} } score evidence } }`;
    return (await this.api.request<{ duplicateCandidates: DuplicatePair[] }>(q, { limit })).duplicateCandidates;
  }

  /** The links around both records of a pair (for the record kept by default and the confirmation). */
  async around(ids: string[]): Promise<GraphSlice> {
    const q = `query($ids:[ID!]!,$limit:Int!){ neighbours(ids:$ids, limit:$limit){ nodes{ ${NODE_FIELDS} } edges{ ${EDGE_FIELDS} } truncated omitted } }`;
    return (await this.api.request<{ neighbours: GraphSlice }>(q, { ids, limit: NEIGHBOUR_LIMIT })).neighbours;
  }

  async merge(keepId: string, mergeId: string): Promise<void> {
    await this.api.request('mutation($k:ID!,$m:ID!){ mergeEntities(keepId:$k, mergeId:$m){ id changed } }', { k: keepId, m: mergeId });
  }

  async unmerge(mergedId: string): Promise<void> {
    await this.api.request('mutation($id:ID!){ unmergeEntity(id:$id){ id changed } }', { id: mergedId });
  }
}
