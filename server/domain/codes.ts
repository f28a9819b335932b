/**
 * The value sets of UK intelligence practice (NIM, APP Intelligence Management), in one place.
 * Version them here; everything else imports from this file.
 */
export const CODES_VERSION = '2026.1';

/** 3x5x2 source evaluation. */
export const SOURCE_EVALUATION = { '1': 'Reliable', '2': 'Untested', '3': 'Not reliable' } as const;
/** 3x5x2 intelligence assessment. */
export const INTEL_ASSESSMENT = {
  A: 'Known directly to the source',
  B: 'Known indirectly to the source but corroborated',
  C: 'Known indirectly to the source',
  D: 'Not known',
  E: 'Suspected to be false or malicious',
} as const;
/** 3x5x2 handling code. C needs written conditions. */
export const HANDLING = {
  P: 'Lawful sharing permitted',
  C: 'Lawful sharing permitted subject to conditions',
} as const;
/** Force sub-codes for C conditions (free text is recorded beside them). */
export const HANDLING_CONDITIONS = {
  C1: 'No onward dissemination without the originator’s consent',
  C2: 'Not to be used as evidence',
  C3: 'UK law enforcement recipients only',
  C4: 'Contact the originator before any action',
  C5: 'Sanitised content only',
} as const;

export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const classificationRank = (c: string): number => {
  const i = (CLASSIFICATIONS as readonly string[]).indexOf(c);
  return i < 0 ? Number.POSITIVE_INFINITY : i; // unknown marking: treat as above everything
};

export const COMPARTMENTS = ['CHIS', 'OP-NIGHTJAR', 'OP-KESTREL', 'FINANCIAL'] as const;

export const SOURCE_TYPES = [
  'CHIS', 'OPEN', 'CLOSED', 'ANPR', 'CCTV', 'COMMS_DATA', 'FORENSIC', 'COMMUNITY', 'PRISON', 'PARTNER',
] as const;
export const OCG_ROLES = ['PRINCIPAL', 'SIGNIFICANT', 'PERIPHERAL', 'UNKNOWN'] as const;
export const OCG_STATUS = ['ACTIVE', 'DORMANT', 'ARCHIVED'] as const;
export const CRIME_TYPES = [
  'DRUGS_SUPPLY', 'FIREARMS', 'MODERN_SLAVERY', 'FRAUD', 'ORGANISED_ACQUISITIVE', 'CHILD_EXPLOITATION',
  'MONEY_LAUNDERING', 'CYBER', 'ORGANISED_IMMIGRATION', 'VIOLENCE',
] as const;
export const AREA_KINDS = ['REGION', 'FORCE', 'BCU'] as const;
export const AGENCY_KINDS = ['POLICE', 'NCA', 'HMRC', 'BORDER_FORCE', 'PRISON', 'LOCAL_AUTHORITY', 'OTHER'] as const;
export const ASSOCIATION_KINDS = ['FAMILY', 'ASSOCIATE', 'BUSINESS', 'ROMANTIC', 'RIVAL', 'PRISON'] as const;
export const HOW_OBTAINED = ['ROUTINE', 'TASKED', 'VOLUNTEERED'] as const;
export const POLICING_PURPOSES = [
  'PROTECTING_LIFE_AND_PROPERTY', 'PRESERVING_ORDER', 'PREVENTING_OFFENCES', 'BRINGING_OFFENDERS_TO_JUSTICE', 'DUTY_IN_LAW',
] as const;
export const REQUIREMENT_KINDS = ['STRATEGIC', 'TACTICAL'] as const;
export const COLLECTION_METHODS = [
  'CHIS_TASKING', 'ANPR', 'OPEN_SOURCE', 'COMMS_DATA', 'PARTNER_REQUEST', 'SURVEILLANCE', 'FINANCIAL', 'PRISON_INTEL',
] as const;
export const TASK_STATUS = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
