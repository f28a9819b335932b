import type { GraphQLApi } from '../api.js';
import { cleanFilter, type HarmBand, type ImpactFilter, type ImpactMapData, type MatrixRow } from './model.js';

/** The impact queries, over the client's GraphQL helper (same session, same error handling). */
export interface ImpactApi {
  impactMap(filter: ImpactFilter): Promise<ImpactMapData>;
  impactMatrix(filter: ImpactFilter): Promise<MatrixRow[]>;
  harmBands(): Promise<{ bands: HarmBand[] }[]>;
}

type Requester = Pick<GraphQLApi, 'request'>;

export function impactApi(gql: Requester): ImpactApi {
  return {
    async impactMap(filter) {
      const q = `query ImpactMap($f:ImpactFilter){ impactMap(filter:$f){
        areas{ id name kind boundary parentId restricted }
        flows{ impactId fromAreaId toAreaId ocgId ocgName band harm status access } } }`;
      return (await gql.request<{ impactMap: ImpactMapData }>(q, { f: cleanFilter(filter) })).impactMap;
    },
    async impactMatrix(filter) {
      const q = `query ImpactMatrix($f:ImpactFilter){ impactMatrix(filter:$f){
        impactId areaId areaName ocgId ocgName crimeTypes harm band assessedAt reviewDue reviewOverdue status access affectedAgency } }`;
      return (await gql.request<{ impactMatrix: MatrixRow[] }>(q, { f: cleanFilter(filter) })).impactMatrix;
    },
    async harmBands() {
      const q = 'query HarmBands{ harmTemplates{ bands{ band minScore label } } }';
      return (await gql.request<{ harmTemplates: { bands: HarmBand[] }[] }>(q)).harmTemplates;
    },
  };
}
