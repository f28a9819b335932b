import { NODE_FIELDS, type GraphQLApi } from '../api.js';
import type { GraphNode } from '../workspace/types.js';

/**
 * Working across agencies: disseminations received and sent, requests for information (and
 * deconfliction interests), watches and their alerts, and the counts the toolbar shows.
 * Mirrors of the GraphQL types.
 */
export interface HandlingCondition { code: string; meaning: string }

export interface Dissemination {
  id: string;
  access: 'full' | 'shared';
  originatorAgency: string; originatorName: string; originatorDesk: string;
  recipientAgency: string; recipientAgencyName: string; recipientPerson?: string | null;
  recordIds: string[]; impactId?: string | null; ocgId?: string | null;
  /** Set when the dissemination released an intelligence product's sanitised version. */
  productReleaseId?: string | null;
  sanitisedText: string;
  handling: string; handlingConditions: HandlingCondition[]; handlingNotes?: string | null;
  purpose: string; lawfulBasis: string; sharingAgreement: string; riskAssessment?: string | null;
  authorisedBy: string; authorisedByName: string; authorisedAt: string;
  classification: string;
  acknowledgedAt?: string | null; acknowledgedBy?: string | null; acknowledgedByName?: string | null;
  records: GraphNode[];
}

/** What the sender fills in (the API's DisseminationInput). */
export interface DisseminationInput {
  recipientAgency: string;
  recipientPerson?: string | null;
  reportIds?: string[];
  impactId?: string | null;
  sanitisedText: string;
  handling: string;
  handlingConditions?: string[];
  handlingNotes?: string | null;
  purpose: string;
  lawfulBasis: string;
  sharingAgreement: string;
  riskAssessment?: string | null;
}

export type RequestKind = 'REQUEST' | 'DECONFLICTION';
export type RequestStatus = 'OPEN' | 'ANSWERED' | 'REFUSED';
export type RequestDirection = 'SENT' | 'RECEIVED';

export interface InformationRequestInput {
  kind?: RequestKind;
  references?: string[];
  disseminationId?: string | null;
  impactId?: string | null;
  question: string;
  purpose: string;
  lawfulBasis?: string | null;
}

export interface InformationRequest {
  id: string; kind: RequestKind; status: RequestStatus;
  requesterAgency: string; requesterAgencyName: string; requestedBy: string; requestedByName: string;
  holderAgency: string; holderAgencyName: string; holderContact?: string | null; holderPhone?: string | null; holderEmail?: string | null;
  references: string[]; records: GraphNode[];
  question: string; purpose: string; lawfulBasis?: string | null;
  createdAt: string; answeredAt?: string | null; answeredBy?: string | null; answeredByName?: string | null;
  dissemination?: Dissemination | null; refusalReason?: string | null;
}

export type WatchKind = 'ENTITY' | 'OCG' | 'SEARCH' | 'INVESTIGATION';
export interface Watch { id: string; kind: WatchKind; target: string; label?: string | null; createdAt: string; lastAlertAt?: string | null }

export interface Alert {
  id: string; watchId: string; watchKind: WatchKind; watchLabel?: string | null; target: string;
  firstAt: string; at: string; summary: string;
  added: GraphNode[]; changed: GraphNode[]; removed: string[]; read: boolean;
}

export interface InboxCounts { unacknowledged: number; openRequests: number; unreadAlerts: number }

export type { GroupedSearch, StubGroup } from '../workspace/types.js';

const DISSEMINATION = `id access originatorAgency originatorName originatorDesk recipientAgency recipientAgencyName recipientPerson
  recordIds impactId ocgId productReleaseId sanitisedText handling handlingConditions{ code meaning } handlingNotes purpose lawfulBasis sharingAgreement
  riskAssessment authorisedBy authorisedByName authorisedAt classification acknowledgedAt acknowledgedBy acknowledgedByName
  records{ ${NODE_FIELDS} }`;
const REQUEST = `id kind status requesterAgency requesterAgencyName requestedBy requestedByName holderAgency holderAgencyName
  holderContact holderPhone holderEmail references records{ ${NODE_FIELDS} } question purpose lawfulBasis createdAt answeredAt
  answeredBy answeredByName refusalReason dissemination{ ${DISSEMINATION} }`;
const WATCH = 'id kind target label createdAt lastAlertAt';
const ALERT = `id watchId watchKind watchLabel target firstAt at summary added{ ${NODE_FIELDS} } changed{ ${NODE_FIELDS} } removed read`;

export class InboxApi {
  constructor(private readonly api: Pick<GraphQLApi, 'request'>) {}

  async counts(): Promise<InboxCounts> {
    return (await this.api.request<{ inboxCounts: InboxCounts }>('query InboxCounts{ inboxCounts{ unacknowledged openRequests unreadAlerts } }')).inboxCounts;
  }

  async received(limit = 100): Promise<Dissemination[]> {
    const q = `query Received($l:Int!){ disseminationsReceived(limit:$l){ ${DISSEMINATION} } }`;
    return (await this.api.request<{ disseminationsReceived: Dissemination[] }>(q, { l: limit })).disseminationsReceived;
  }

  async sent(limit = 100): Promise<Dissemination[]> {
    const q = `query Sent($l:Int!){ disseminationsSent(limit:$l){ ${DISSEMINATION} } }`;
    return (await this.api.request<{ disseminationsSent: Dissemination[] }>(q, { l: limit })).disseminationsSent;
  }

  async acknowledge(id: string): Promise<Dissemination> {
    const q = `mutation Ack($id:ID!){ acknowledgeDissemination(id:$id){ ${DISSEMINATION} } }`;
    return (await this.api.request<{ acknowledgeDissemination: Dissemination }>(q, { id })).acknowledgeDissemination;
  }

  async requests(direction: RequestDirection, status?: RequestStatus): Promise<InformationRequest[]> {
    const q = `query Requests($d:RequestDirection!,$s:RequestStatus){ informationRequests(direction:$d, status:$s){ ${REQUEST} } }`;
    return (await this.api.request<{ informationRequests: InformationRequest[] }>(q, { d: direction, s: status ?? null })).informationRequests;
  }

  async requestInformation(input: InformationRequestInput): Promise<InformationRequest> {
    const q = `mutation Ask($i:InformationRequestInput!){ requestInformation(input:$i){ ${REQUEST} } }`;
    return (await this.api.request<{ requestInformation: InformationRequest }>(q, { i: input })).requestInformation;
  }

  async answer(id: string, dissemination: DisseminationInput): Promise<InformationRequest> {
    const q = `mutation Answer($id:ID!,$d:DisseminationInput!){ answerInformationRequest(id:$id, dissemination:$d){ ${REQUEST} } }`;
    return (await this.api.request<{ answerInformationRequest: InformationRequest }>(q, { id, d: dissemination })).answerInformationRequest;
  }

  async refuse(id: string, reason: string): Promise<InformationRequest> {
    const q = `mutation Refuse($id:ID!,$r:String!){ refuseInformationRequest(id:$id, reason:$r){ ${REQUEST} } }`;
    return (await this.api.request<{ refuseInformationRequest: InformationRequest }>(q, { id, r: reason })).refuseInformationRequest;
  }

  async watches(): Promise<Watch[]> {
    return (await this.api.request<{ watches: Watch[] }>(`query Watches{ watches{ ${WATCH} } }`)).watches;
  }

  async watch(kind: WatchKind, target: string, label?: string): Promise<Watch> {
    const q = `mutation Watch($k:WatchKind!,$t:String!,$l:String){ watch(kind:$k, target:$t, label:$l){ ${WATCH} } }`;
    return (await this.api.request<{ watch: Watch }>(q, { k: kind, t: target, l: label ?? null })).watch;
  }

  async unwatch(id: string): Promise<boolean> {
    return (await this.api.request<{ unwatch: boolean }>('mutation Unwatch($id:ID!){ unwatch(id:$id) }', { id })).unwatch;
  }

  async alerts(opts: { limit?: number; unreadOnly?: boolean } = {}): Promise<Alert[]> {
    const q = `query Alerts($l:Int!,$u:Boolean!){ alerts(limit:$l, unreadOnly:$u){ ${ALERT} } }`;
    return (await this.api.request<{ alerts: Alert[] }>(q, { l: opts.limit ?? 50, u: opts.unreadOnly ?? false })).alerts;
  }

  /** Marks these alerts read (all of the viewer's when none are named). */
  async markAlertsRead(ids?: string[]): Promise<number> {
    return (await this.api.request<{ markAlertsRead: number }>('mutation Read($ids:[ID!]){ markAlertsRead(ids:$ids) }', { ids: ids ?? null })).markAlertsRead;
  }

  /** IntelligenceReports linked to these records (what a holder may disseminate in answer to a request about them). */
  async linkedReports(ids: string[]): Promise<GraphNode[]> {
    if (!ids.length) return [];
    const q = `query Linked($ids:[ID!]!){ expand(ids:$ids, hops:1, limit:200, filter:{ entityTypes: ["IntelligenceReport"] }){ nodes{ ${NODE_FIELDS} } } }`;
    const nodes = (await this.api.request<{ expand: { nodes: GraphNode[] } }>(q, { ids })).expand.nodes;
    return nodes.filter((n) => n.type === 'IntelligenceReport' && !n.restricted && !ids.includes(n.id));
  }
}
