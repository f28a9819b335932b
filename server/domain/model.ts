import * as C from './codes.js';

/**
 * The graph model as data: every entity and link type, its properties and their kinds.
 * Cypher labels and relationship types are only ever taken from these allow-lists.
 */
export type PropKind = 'string' | 'text' | 'date' | 'datetime' | 'int' | 'float' | 'bool' | 'enum' | 'enumList' | 'stringList';

export interface PropDef {
  kind: PropKind;
  required?: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
  /** Text longer than this is refused (default 200 for string, 20000 for text). */
  maxLength?: number;
  /** Dates that may lie in the future (review dates, due dates). */
  future?: boolean;
  /** Hidden from viewers who only see a disseminated (sanitised) copy. */
  sensitive?: boolean;
}

export interface EntityTypeDef {
  title: string;
  /** Property used as the display label when `label` is not given. */
  labelFrom?: string;
  props: Record<string, PropDef>;
}

const str = (extra: Partial<PropDef> = {}): PropDef => ({ kind: 'string', ...extra });
const en = (values: readonly string[], extra: Partial<PropDef> = {}): PropDef => ({ kind: 'enum', values, ...extra });
const date = (extra: Partial<PropDef> = {}): PropDef => ({ kind: 'date', ...extra });

export const ENTITY_TYPES = {
  Subject: {
    title: 'Subject',
    props: {
      forename: str(), surname: str(), aliases: { kind: 'stringList' }, dob: date(),
      gender: en(['MALE', 'FEMALE', 'OTHER', 'UNKNOWN']), pncId: str({ sensitive: true }),
      nationality: str(), notes: { kind: 'text', sensitive: true },
    },
  },
  OCG: {
    title: 'Organised crime group',
    props: {
      reference: str(), status: en(C.OCG_STATUS), crimeTypes: { kind: 'enumList', values: C.CRIME_TYPES },
      leadAgency: str(), leadArea: str(), notes: { kind: 'text', sensitive: true },
    },
  },
  Location: {
    title: 'Location',
    props: {
      address: str(), postcode: str(), lat: { kind: 'float', min: -90, max: 90 }, lon: { kind: 'float', min: -180, max: 180 },
      kind: en(['RESIDENTIAL', 'COMMERCIAL', 'PRISON', 'PUBLIC', 'OTHER']),
    },
  },
  Area: {
    title: 'Area',
    props: { kind: en(C.AREA_KINDS), code: str(), boundary: { kind: 'text', maxLength: 200000 } },
  },
  Agency: {
    title: 'Agency',
    props: { kind: en(C.AGENCY_KINDS), code: str(), desk: str(), deskPhone: str(), deskEmail: str() },
  },
  Vehicle: {
    title: 'Vehicle',
    labelFrom: 'vrm',
    props: { vrm: str({ required: true, maxLength: 10 }), make: str(), model: str(), colour: str() },
  },
  Phone: {
    title: 'Phone',
    labelFrom: 'number',
    props: { number: str({ required: true, maxLength: 20 }), imei: str({ maxLength: 20 }) },
  },
  Camera: {
    title: 'ANPR camera',
    labelFrom: 'cameraId',
    props: {
      cameraId: str({ required: true, maxLength: 40 }), lat: { kind: 'float', min: -90, max: 90 }, lon: { kind: 'float', min: -180, max: 180 },
      road: str(), direction: str({ maxLength: 20 }),
    },
  },
  CellSite: {
    title: 'Cell site',
    labelFrom: 'cellId',
    props: {
      cellId: str({ required: true, maxLength: 40 }), name: str(), lat: { kind: 'float', min: -90, max: 90 }, lon: { kind: 'float', min: -180, max: 180 },
      azimuth: { kind: 'int', min: 0, max: 360 }, operator: str(),
    },
  },
  Source: {
    title: 'Source',
    props: { reference: str({ required: true }), sourceType: en(C.SOURCE_TYPES, { required: true }), system: str(), agreement: str() },
  },
  IntelligenceReport: {
    title: 'Intelligence report',
    props: {
      text: { kind: 'text', required: true, sensitive: true },
      sanitisedText: { kind: 'text' },
      sourceEvaluation: en(Object.keys(C.SOURCE_EVALUATION), { required: true }),
      intelAssessment: en(Object.keys(C.INTEL_ASSESSMENT), { required: true }),
      legacyGrade: str({ maxLength: 20 }),
      recordedAt: { kind: 'datetime' },
      eventDate: date(),
      originatingArea: str(),
      sourceId: str({ sensitive: true }),
      howObtained: en(C.HOW_OBTAINED),
      purpose: en(C.POLICING_PURPOSES),
      reviewDate: date({ future: true }),
    },
  },
  Event: {
    title: 'Event',
    props: { eventType: str(), date: date(), description: { kind: 'text', sensitive: true } },
  },
  Priority: {
    title: 'Control strategy priority',
    props: { owner: str(), description: { kind: 'text' }, rank: { kind: 'int', min: 1, max: 100 } },
  },
  IntelligenceRequirement: {
    title: 'Intelligence requirement',
    props: { kind: en(C.REQUIREMENT_KINDS, { required: true }), description: { kind: 'text' }, reviewDate: date({ future: true }), owner: str() },
  },
  Question: {
    title: 'Requirement question',
    props: { text: { kind: 'text', required: true }, reviewPeriodDays: { kind: 'int', min: 1, max: 3650 } },
  },
  CollectionPlan: {
    title: 'Collection plan',
    props: { owner: str(), description: { kind: 'text' } },
  },
} as const satisfies Record<string, EntityTypeDef>;

export type EntityType = keyof typeof ENTITY_TYPES;
export const ENTITY_TYPE_NAMES = Object.keys(ENTITY_TYPES) as EntityType[];
export const isEntityType = (t: string): t is EntityType => Object.hasOwn(ENTITY_TYPES, t);

export interface LinkTypeDef {
  title: string;
  from: readonly EntityType[] | '*';
  to: readonly EntityType[] | '*';
  /**
   * Whether the order of the ends means something (a caller and a callee, a member and its group).
   * An undirected link is stored once, its ends in canonical order (see `linkEnds`), so the same
   * association given as A->B and B->A is one link.
   */
  directed: boolean;
  props: Record<string, PropDef>;
}

const period = { from: date(), to: date({ future: true }) };
/**
 * Counts and totals where the evidence has them: number of calls, meetings or sightings, their total
 * duration in seconds, and the first and last time seen. `count` is the weight of weighted analysis.
 */
const evidence = {
  count: { kind: 'int', min: 0, max: 1e9 },
  totalDuration: { kind: 'int', min: 0, max: 1e12 },
  firstSeen: { kind: 'datetime' },
  lastSeen: { kind: 'datetime' },
} as const satisfies Record<string, PropDef>;

export const LINK_TYPES = {
  MEMBER_OF: { title: 'Member of', from: ['Subject'], to: ['OCG'], directed: true, props: { role: en(C.OCG_ROLES, { required: true }), ...period } },
  ASSOCIATE_OF: { title: 'Associate of', from: ['Subject'], to: ['Subject'], directed: false, props: { kind: en(C.ASSOCIATION_KINDS), ...period, ...evidence } },
  LIVES_AT: { title: 'Lives at', from: ['Subject'], to: ['Location'], directed: true, props: { ...period } },
  FREQUENTS: { title: 'Frequents', from: ['Subject', 'OCG'], to: ['Location'], directed: true, props: { ...period } },
  USES_VEHICLE: { title: 'Uses vehicle', from: ['Subject', 'OCG'], to: ['Vehicle'], directed: true, props: { ...period } },
  USES_PHONE: { title: 'Uses phone', from: ['Subject'], to: ['Phone'], directed: true, props: { ...period } },
  CALLS: { title: 'Calls', from: ['Phone'], to: ['Phone'], directed: true, props: { ...evidence, ...period } },
  SEEN_AT: { title: 'Seen at', from: ['Vehicle'], to: ['Camera'], directed: true, props: { ...evidence } },
  USED_CELL: { title: 'Used cell site', from: ['Phone'], to: ['CellSite'], directed: true, props: { ...evidence } },
  LOCATED_IN: { title: 'Located in', from: ['Location', 'Event'], to: ['Area'], directed: true, props: {} },
  PART_OF: { title: 'Part of', from: ['Area'], to: ['Area'], directed: true, props: {} },
  RESPONSIBLE_FOR: { title: 'Responsible for', from: ['Agency'], to: ['Area'], directed: true, props: {} },
  OPERATES_IN: { title: 'Operates in', from: ['OCG'], to: ['Area'], directed: true, props: { ...period } },
  INVOLVED_IN: { title: 'Involved in', from: ['Subject', 'OCG', 'Vehicle', 'Phone'], to: ['Event'], directed: true, props: {} },
  MENTIONS: { title: 'Mentions', from: ['IntelligenceReport'], to: '*', directed: true, props: {} },
  FROM_SOURCE: { title: 'From source', from: ['IntelligenceReport'], to: ['Source'], directed: true, props: {} },
  ORIGINATED_BY: { title: 'Originated by', from: ['IntelligenceReport'], to: ['Agency'], directed: true, props: {} },
  SUPPORTS: { title: 'Priority', from: ['IntelligenceRequirement'], to: ['Priority'], directed: true, props: {} },
  ASKS: { title: 'Asks', from: ['IntelligenceRequirement'], to: ['Question'], directed: true, props: {} },
  CONCERNS: { title: 'Concerns', from: ['Question'], to: ['Subject', 'OCG', 'Location', 'Area'], directed: true, props: {} },
  ANSWERS: { title: 'Answers', from: ['IntelligenceReport'], to: ['Question'], directed: true, props: {} },
  PLANS_FOR: { title: 'Plans for', from: ['CollectionPlan'], to: ['IntelligenceRequirement'], directed: true, props: {} },
} as const satisfies Record<string, LinkTypeDef>;

export type LinkType = keyof typeof LINK_TYPES;
export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as LinkType[];
export const isLinkType = (t: string): t is LinkType => Object.hasOwn(LINK_TYPES, t);

/** Properties every record carries for the access policy. */
export const MARKING_KEYS = ['classification', 'agency', 'compartments', 'handling', 'handlingConditions', 'handlingNotes', 'nfd', 'nfdJustification', 'nfdApprover', 'disseminatedTo'] as const;
/** Properties the platform manages; imports and mutations cannot set them directly. */
export const SYSTEM_KEYS = ['id', 'type', 'label', 'createdAt', 'updatedAt', 'archived', 'reportIds', 'reportMarks', 'strength', 'mergedInto', 'search', 'phonetic'] as const;

export function propDefs(kind: 'entity' | 'link', type: string): Record<string, PropDef> {
  if (kind === 'entity') return (ENTITY_TYPES as Record<string, EntityTypeDef>)[type]?.props ?? {};
  return (LINK_TYPES as Record<string, LinkTypeDef>)[type]?.props ?? {};
}

export const isDirected = (type: string): boolean => (LINK_TYPES as Record<string, LinkTypeDef>)[type]?.directed ?? true;

/**
 * The ends of a link as stored: as given for a directed type, in code-unit order for an undirected
 * one, so A->B and B->A of an undirected type have the same id and are the same link.
 */
export function linkEnds(type: string, source: string, target: string): { source: string; target: string } {
  return !isDirected(type) && target < source ? { source: target, target: source } : { source, target };
}

export function linkAllowed(type: LinkType, fromType: string, toType: string): boolean {
  const def = LINK_TYPES[type] as LinkTypeDef;
  const ok = (side: readonly string[] | '*', t: string) => side === '*' || side.includes(t);
  return ok(def.from, fromType) && ok(def.to, toType);
}
