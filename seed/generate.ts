import { mapLegacyGrade } from '../server/domain/grading.js';
import type { EntityType, LinkType } from '../server/domain/model.js';
import type { MarkingsInput } from '../server/domain/validate.js';
import { mulberry32 } from '../server/domain/random.js';
import { cellsWithin, FORCE_OUTLINES, polygonJson, REGION_OUTLINES } from './geography.js';

/**
 * Deterministic synthetic intelligence data for demos, tests and benchmarks.
 *
 * The data is built from "clusters" of ~110 entities (a neighbourhood: families, associates,
 * addresses, phones, vehicles, reports and, every other cluster, an OCG). Each cluster draws
 * from its own PRNG stream (seed + cluster number), so any batch can be produced without the
 * ones before it and the same seed always yields byte-identical output. Links only ever point at
 * entities of the same or an earlier batch, so a batch can be written entities-first.
 * Supernodes (a hostel per force, a prison per force, a "deal line" phone) give the degree
 * distribution the long tail real graphs have.
 */

export type SeedSize = 'demo' | 'medium' | 'large' | 'huge';

export interface EntityInput {
  id: string;
  type: EntityType;
  label?: string;
  props: Record<string, unknown>;
  markings: MarkingsInput;
}

export interface LinkInput {
  source: string;
  target: string;
  type: LinkType;
  props: Record<string, unknown>;
  reportIds: string[];
  markings: MarkingsInput;
}

export interface SeedBatch {
  entities: EntityInput[];
  links: LinkInput[];
  /** Clusters generated so far / in total (the static reference data is cluster 0 of the count). */
  progress: { done: number; total: number };
}

export interface SeedOptions {
  size: SeedSize;
  seed?: number;
  /** Approximate rows (entities + links) per batch; default 15,000. */
  batchRows?: number;
  /**
   * Only every `count`-th batch, from `index` (the reference data is shard 0's): shards are made
   * apart (in parallel) and together are the whole data set. Clusters have their own random
   * streams, so a shard's batches are the same as in the whole.
   */
  shard?: { index: number; count: number };
}

/** Clusters per size: ~110 entities and ~260 links each, plus ~150 reference entities. */
/**
 * `evidence`: the share of a cluster's reportable facts left without a report that then get one
 * (the demo shows most links with their graded reports; the larger sizes keep the sparser reporting
 * their load benchmarks were measured on).
 */
export const SEED_PLAN: Record<SeedSize, { clusters: number; sourcesPerKind: number; chisPerForce: number; evidence?: number }> = {
  demo: { clusters: 20, sourcesPerKind: 1, chisPerForce: 2, evidence: 0.75 },
  medium: { clusters: 940, sourcesPerKind: 2, chisPerForce: 6 },
  large: { clusters: 9400, sourcesPerKind: 3, chisPerForce: 12 },
  huge: { clusters: 94000, sourcesPerKind: 3, chisPerForce: 12 },
};

/** "Now" for the synthetic world: every generated past date is on or before this day. */
export const SEED_REFERENCE_DATE = '2025-06-30';

// ---------------------------------------------------------------------------------------------
// Canary records: restricted data whose markers must never reach a viewer without access.

export const CANARY = {
  chisReport: 'CANARY-CHIS-7F3A21',
  ncaSecretReport: 'CANARY-NCA-SECRET-B94C07',
  gmpNfdReport: 'CANARY-GMP-NFD-D15E88',
  kestrelSubject: 'CANARY-KESTREL-SUBJ-3C6A40',
} as const;

/** Every canary marker; the security tests assert none of them leaks. */
export const CANARY_MARKERS: readonly string[] = Object.values(CANARY);

/** Where each canary lives and what should protect it. */
export const CANARY_RECORDS: readonly { marker: string; id: string; type: EntityType; protectedBy: string }[] = [
  { marker: CANARY.chisReport, id: 'RPT-CANARY-CHIS', type: 'IntelligenceReport', protectedBy: 'SECRET, compartment CHIS, AG-WMP, handling C' },
  { marker: CANARY.ncaSecretReport, id: 'RPT-CANARY-NCA', type: 'IntelligenceReport', protectedBy: 'SECRET, AG-NCA' },
  { marker: CANARY.gmpNfdReport, id: 'RPT-CANARY-GMP-NFD', type: 'IntelligenceReport', protectedBy: 'not for dissemination, AG-GMP, OFFICIAL-SENSITIVE' },
  { marker: CANARY.kestrelSubject, id: 'SUB-CANARY-KESTREL', type: 'Subject', protectedBy: 'SECRET, compartment OP-KESTREL, AG-NCA' },
];

// ---------------------------------------------------------------------------------------------
// PRNG

export { mulberry32 };

/** Mixes the seed with a stream number so clusters get independent streams. */
function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (stream + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
  /** A day between two ISO dates, inclusive. */
  date(from: string, to: string): string {
    const a = dayNumber(from);
    return dayText(a + Math.floor(this.next() * (dayNumber(to) - a + 1)));
  }
}

// Days as numbers since 1970 and back (drawing a day, adding days): a bulk seed handles millions
// of dates from a few ranges, and parsing and printing each through Date was a twentieth of
// writing its files.
const dayNumbers = new Map<string, number>();
const dayTexts = new Map<number, string>();
function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) dayNumbers.set(iso, (n = Date.parse(`${iso}T00:00:00Z`) / 86400000));
  return n;
}
function dayText(n: number): string {
  let t = dayTexts.get(n);
  if (t === undefined) dayTexts.set(n, (t = new Date(n * 86400000).toISOString().slice(0, 10)));
  return t;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const addDays = (d: string, days: number) => dayText(dayNumber(d) + days);

// ---------------------------------------------------------------------------------------------
// The world: agencies, areas, places

interface Bcu { id: string; name: string; lat: number; lon: number; pc: readonly [string, number, number] }
interface Force {
  code: string; agency: string; area: string; name: string; areaName: string; region: string;
  vrmTag: string; desk: string; bcus: readonly Bcu[]; streets: readonly string[];
  hostel: { id: string; address: string; postcode: string; lat: number; lon: number; bcu: string };
  prison: { id: string; name: string; address: string; postcode: string; lat: number; lon: number; bcu: string };
}

const FORCES: readonly Force[] = [
  {
    code: 'WMP', agency: 'AG-WMP', area: 'AREA-WMP', name: 'West Midlands Police', areaName: 'West Midlands', region: 'AREA-R-WM', vrmTag: 'B',
    desk: 'Force Intelligence Bureau, Lloyd House',
    bcus: [
      { id: 'AREA-WMP-BHM', name: 'Birmingham', lat: 52.479, lon: -1.898, pc: ['B', 1, 45] },
      { id: 'AREA-WMP-COV', name: 'Coventry', lat: 52.406, lon: -1.512, pc: ['CV', 1, 6] },
      { id: 'AREA-WMP-WLV', name: 'Wolverhampton', lat: 52.586, lon: -2.129, pc: ['WV', 1, 14] },
      { id: 'AREA-WMP-WSL', name: 'Walsall', lat: 52.586, lon: -1.982, pc: ['WS', 1, 10] },
      { id: 'AREA-WMP-SDW', name: 'Sandwell', lat: 52.505, lon: -2.010, pc: ['B', 66, 71] },
    ],
    streets: ['Soho Road', 'Lozells Road', 'Coventry Road', 'Stratford Road', 'Alum Rock Road', 'Ladypool Road', 'Foleshill Road', 'Dudley Road', 'Bilston Road', 'Caldmore Road', 'Hagley Road', 'Kingstanding Road'],
    hostel: { id: 'LOC-HUB-WMP', address: 'Digbeth Lodge hostel, 14 Bradford Street, Birmingham', postcode: 'B12 0NS', lat: 52.4735, lon: -1.8890, bcu: 'AREA-WMP-BHM' },
    prison: { id: 'LOC-PRISON-WMP', name: 'HMP Birmingham', address: 'HMP Birmingham, Winson Green Road, Birmingham', postcode: 'B18 4AS', lat: 52.4906, lon: -1.9288, bcu: 'AREA-WMP-BHM' },
  },
  {
    code: 'GMP', agency: 'AG-GMP', area: 'AREA-GMP', name: 'Greater Manchester Police', areaName: 'Greater Manchester', region: 'AREA-R-NW', vrmTag: 'M',
    desk: 'Force Intelligence Bureau, Central Park',
    bcus: [
      { id: 'AREA-GMP-MCR', name: 'Manchester City', lat: 53.480, lon: -2.242, pc: ['M', 1, 40] },
      { id: 'AREA-GMP-SAL', name: 'Salford', lat: 53.488, lon: -2.291, pc: ['M', 5, 7] },
      { id: 'AREA-GMP-BOL', name: 'Bolton', lat: 53.578, lon: -2.429, pc: ['BL', 1, 7] },
      { id: 'AREA-GMP-OLD', name: 'Oldham', lat: 53.541, lon: -2.118, pc: ['OL', 1, 9] },
      { id: 'AREA-GMP-WIG', name: 'Wigan', lat: 53.545, lon: -2.632, pc: ['WN', 1, 8] },
    ],
    streets: ['Princess Road', 'Moss Lane East', 'Cheetham Hill Road', 'Oldham Road', 'Stockport Road', 'Langworthy Road', 'Derby Street', 'Chorley Road', 'Wilmslow Road', 'Ashton Old Road', 'Rochdale Road'],
    hostel: { id: 'LOC-HUB-GMP', address: 'Ardwick Green House hostel, 3 Ardwick Green North, Manchester', postcode: 'M12 6FZ', lat: 53.4720, lon: -2.2260, bcu: 'AREA-GMP-MCR' },
    prison: { id: 'LOC-PRISON-GMP', name: 'HMP Manchester', address: 'HMP Manchester, 1 Southall Street, Manchester', postcode: 'M60 9AH', lat: 53.4923, lon: -2.2466, bcu: 'AREA-GMP-MCR' },
  },
  {
    code: 'MER', agency: 'AG-MER', area: 'AREA-MER', name: 'Merseyside Police', areaName: 'Merseyside', region: 'AREA-R-NW', vrmTag: 'C',
    desk: 'Force Intelligence Bureau, Rose Hill',
    bcus: [
      { id: 'AREA-MER-LIV', name: 'Liverpool', lat: 53.408, lon: -2.991, pc: ['L', 1, 36] },
      { id: 'AREA-MER-WIR', name: 'Wirral', lat: 53.372, lon: -3.073, pc: ['CH', 41, 63] },
      { id: 'AREA-MER-SEF', name: 'Sefton', lat: 53.486, lon: -3.005, pc: ['L', 20, 38] },
      { id: 'AREA-MER-KNO', name: 'Knowsley', lat: 53.454, lon: -2.852, pc: ['L', 34, 36] },
      { id: 'AREA-MER-STH', name: 'St Helens', lat: 53.456, lon: -2.737, pc: ['WA', 9, 11] },
    ],
    streets: ['Scotland Road', 'County Road', 'Smithdown Road', 'Park Road', 'Lodge Lane', 'Stanley Road', 'Borough Road', 'Muirhead Avenue', 'Prescot Road', 'Utting Avenue', 'Breck Road'],
    hostel: { id: 'LOC-HUB-MER', address: 'Bevington Bush hostel, 22 Limekiln Lane, Liverpool', postcode: 'L5 8SN', lat: 53.4198, lon: -2.9855, bcu: 'AREA-MER-LIV' },
    prison: { id: 'LOC-PRISON-MER', name: 'HMP Liverpool', address: 'HMP Liverpool, 68 Hornby Road, Liverpool', postcode: 'L9 3DF', lat: 53.4571, lon: -2.9706, bcu: 'AREA-MER-LIV' },
  },
  {
    code: 'WYP', agency: 'AG-WYP', area: 'AREA-WYP', name: 'West Yorkshire Police', areaName: 'West Yorkshire', region: 'AREA-R-YH', vrmTag: 'Y',
    desk: 'Force Intelligence Bureau, Carr Gate',
    bcus: [
      { id: 'AREA-WYP-LDS', name: 'Leeds', lat: 53.800, lon: -1.549, pc: ['LS', 1, 29] },
      { id: 'AREA-WYP-BRD', name: 'Bradford', lat: 53.795, lon: -1.759, pc: ['BD', 1, 22] },
      { id: 'AREA-WYP-KIR', name: 'Kirklees', lat: 53.645, lon: -1.785, pc: ['HD', 1, 9] },
      { id: 'AREA-WYP-WAK', name: 'Wakefield', lat: 53.683, lon: -1.497, pc: ['WF', 1, 17] },
      { id: 'AREA-WYP-CAL', name: 'Calderdale', lat: 53.725, lon: -1.863, pc: ['HX', 1, 7] },
    ],
    streets: ['Roundhay Road', 'Harehills Lane', 'Manningham Lane', 'Leeds Road', 'Chapeltown Road', 'Dewsbury Road', 'Beeston Road', 'Great Horton Road', 'Kirkgate', 'Huddersfield Road', 'Town Street'],
    hostel: { id: 'LOC-HUB-WYP', address: 'Regent Street hostel, 40 Regent Street, Leeds', postcode: 'LS2 7QA', lat: 53.8019, lon: -1.5346, bcu: 'AREA-WYP-LDS' },
    prison: { id: 'LOC-PRISON-WYP', name: 'HMP Leeds', address: 'HMP Leeds, 2 Gloucester Terrace, Armley, Leeds', postcode: 'LS12 2TJ', lat: 53.7976, lon: -1.5870, bcu: 'AREA-WYP-LDS' },
  },
];

/** Each force's command units (name and centre) and main roads: where the comms seed places cameras and cell sites. */
export const FORCE_GEOGRAPHY: readonly { code: string; agency: string; bcus: readonly { name: string; lat: number; lon: number }[]; streets: readonly string[] }[] =
  FORCES.map((f) => ({ code: f.code, agency: f.agency, bcus: f.bcus.map(({ name, lat, lon }) => ({ name, lat, lon })), streets: f.streets }));

const REGIONS = [
  { id: 'AREA-R-WM', name: 'West Midlands region', owner: 'AG-WMP' },
  { id: 'AREA-R-NW', name: 'North West region', owner: 'AG-GMP' },
  { id: 'AREA-R-YH', name: 'Yorkshire and the Humber region', owner: 'AG-WYP' },
] as const;

const PARTNERS = [
  { id: 'AG-NCA', name: 'National Crime Agency', kind: 'NCA', code: 'NCA', desk: 'NCA Intelligence Hub, Warrington' },
  { id: 'AG-HMRC', name: 'HM Revenue & Customs', kind: 'HMRC', code: 'HMRC', desk: 'Fraud Investigation Service intelligence, Manchester' },
  { id: 'AG-BF', name: 'Border Force', kind: 'BORDER_FORCE', code: 'BF', desk: 'Border Force intelligence, Manchester Airport' },
  { id: 'AG-HMPPS', name: 'HM Prison and Probation Service', kind: 'PRISON', code: 'HMPPS', desk: 'Prison intelligence, regional counter-corruption unit' },
] as const;

// Names: common UK forenames and surnames, with accents and spelling variants so that fuzzy and
// phonetic search have something to find.
const MALE = [
  'Mohammed', 'Muhammad', 'Mohammad', 'Stephen', 'Steven', 'Jon', 'John', 'Jonathan', 'Sean', 'Shaun', 'Shawn', 'Seán', 'Callum',
  'Calum', 'Kieran', 'Ciaran', 'Connor', 'Conor', 'Liam', 'Jamal', 'Tyrone', 'Darren', 'Wayne', 'Lee', 'Ryan', 'Jack', 'Harry',
  'Oliver', 'José', 'Luis', 'Andrzej', 'Piotr', 'Tomasz', 'Ahmed', 'Ali', 'Imran', 'Bilal', 'Aaron', 'Jordan', 'Reece', 'Rhys',
  'Dean', 'Gareth', 'Dylan', 'Kyle', 'Daniel', 'Michael', 'Mihai', 'Arben', 'Dónal', 'Kwame', 'Tariq', 'Hamza', 'Zain', 'Jake',
];
const FEMALE = [
  'Zoë', 'Zoe', 'Siân', 'Sian', 'Chloé', 'Chloe', 'Aoife', 'Niamh', 'Sinéad', 'Sarah', 'Sara', 'Catherine', 'Katherine', 'Kathryn',
  'Leanne', 'Kirsty', 'Jade', 'Amy', 'Aisha', 'Ayesha', 'Fatima', 'Fatimah', 'Renée', 'Agnieszka', 'Shannon', 'Chantelle', 'Emma',
  'Gemma', 'Nadia', 'Ioana', 'Bethany', 'Courtney', 'Precious', 'Samira', 'Hannah', 'Lauren', 'Megan', 'Danielle', 'Roisín',
];
const SURNAMES = [
  'Smith', 'Smyth', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright',
  'Robinson', 'Thompson', 'Thomson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Martin', 'Jackson',
  'Clarke', 'Clark', 'Khan', 'Ahmed', 'Hussain', 'Hussein', 'Ali', 'Patel', 'Begum', 'Shah', 'Akhtar', 'Iqbal', 'McDonald',
  'MacDonald', "O'Brien", "O'Neill", 'Murphy', 'Kelly', 'Nowak', 'Kowalski', 'Wiśniewski', 'Muñoz', 'García', 'Pérez', 'Núñez',
  'Gómez', 'Öztürk', 'Çelik', 'Byrne', 'Doherty', 'Docherty', 'Reid', 'Reed', 'Read', 'Campbell', 'Stewart', 'Mensah', 'Okafor',
  'Popescu', 'Hoxha', 'Nguyen', 'Brontë', 'Dvořák', 'Francis', 'Grant', 'Henry', 'Morgan', 'Powell', 'Ward',
];
const VARIANTS: readonly (readonly string[])[] = [
  ['Mohammed', 'Muhammad', 'Mohammad', 'Mohamed'], ['Stephen', 'Steven', 'Stephan'], ['Sean', 'Shaun', 'Shawn', 'Seán'],
  ['Jon', 'John'], ['Zoë', 'Zoe'], ['Siân', 'Sian'], ['Chloé', 'Chloe'], ['Callum', 'Calum'], ['Kieran', 'Ciaran'],
  ['Connor', 'Conor'], ['Catherine', 'Katherine', 'Kathryn'], ['Sarah', 'Sara'], ['Aisha', 'Ayesha'], ['Fatima', 'Fatimah'],
  ['Rhys', 'Reece'], ['José', 'Jose'], ['Smith', 'Smyth'], ['Thompson', 'Thomson'], ['Clarke', 'Clark'],
  ['Hussain', 'Hussein', 'Husain'], ['McDonald', 'MacDonald'], ['Doherty', 'Docherty'], ['Reid', 'Reed', 'Read'],
];
const NICKNAMES = ['Smudge', 'Little T', 'Jonno', 'Mo', 'Big Dave', 'Shorty', 'K-Dog', 'Stevie', 'Bugsy', 'Tiny', 'Ghost', 'Rizzla', 'Chico', 'Taz', 'Skinny', 'Dex', 'Bam'];
const NATIONALITIES = [['British', 80], ['Irish', 3], ['Polish', 3], ['Pakistani', 3], ['Romanian', 2], ['Albanian', 3], ['Vietnamese', 2], ['Jamaican', 2], ['Nigerian', 1], ['Somali', 1]] as const;
const MAKES: readonly (readonly [string, readonly string[]])[] = [
  ['Ford', ['Fiesta', 'Focus', 'Transit', 'Kuga']], ['Vauxhall', ['Corsa', 'Astra', 'Insignia']], ['Volkswagen', ['Golf', 'Polo', 'Passat', 'Transporter']],
  ['BMW', ['1 Series', '3 Series', 'X5', 'M4']], ['Audi', ['A3', 'A4', 'Q5', 'RS3']], ['Mercedes-Benz', ['A-Class', 'C-Class', 'Sprinter']],
  ['Toyota', ['Yaris', 'Prius', 'Corolla']], ['Nissan', ['Qashqai', 'Juke', 'Micra']], ['Peugeot', ['208', '308', 'Partner']], ['Range Rover', ['Evoque', 'Sport']],
];
const COLOURS = ['Black', 'White', 'Silver', 'Grey', 'Blue', 'Red', 'Dark blue', 'Green', 'Orange', 'Bronze'];
const SHOPS = ['Car wash', 'Phone repair shop', 'Barber\'s', 'Takeaway', 'Off-licence', 'Gym', 'Shisha lounge', 'Hand car wash', 'Nail bar', 'Vape shop'];
const OCG_WORDS_A = ['Northside', 'Southside', 'Eastside', 'Young', 'Real', 'Station', 'Market', 'Park', 'Bridge', 'Canal', 'Riverside', 'Hill'];
const OCG_WORDS_B = ['Boys', 'Crew', 'Firm', 'Gang', 'Mandem', 'Family', 'Network', 'Syndicate', 'Team'];
const EVENT_TYPES = ['Stabbing', 'Drugs seizure', 'Burglary', 'Firearms discharge', 'Robbery', 'Vehicle stop', 'Assault', 'Cash seizure'];
const PARTNER_AGREEMENTS: Record<string, string> = {
  'AG-HMRC': 'ISA HMRC-Police OCGM 2024/03',
  'AG-BF': 'MoU Border Force-ROCU 2023/11',
  'AG-NCA': 'NCA-Police intelligence sharing protocol 2022',
  'AG-HMPPS': 'ISA HMPPS-Police prison intelligence 2024/01',
};

// Grade spreads: mostly 2B / 2C / 1B, some 3D / 3E, a few 1A; open and community sources lean weaker.
type GradePair = readonly [string, number];
const GRADES_GENERAL: readonly GradePair[] = [['2B', 30], ['2C', 24], ['1B', 22], ['1C', 5], ['2A', 3], ['1A', 3], ['3C', 4], ['3D', 5], ['3E', 2], ['2D', 2]];
const GRADES_CLOSED: readonly GradePair[] = [['1B', 40], ['2B', 25], ['1A', 8], ['2C', 15], ['1C', 8], ['3D', 4]];
const GRADES_WEAK: readonly GradePair[] = [['2C', 35], ['3C', 18], ['3D', 18], ['2B', 15], ['3E', 6], ['2D', 8]];

type SourceKind = 'CHIS' | 'OPEN' | 'CLOSED' | 'ANPR' | 'CCTV' | 'COMMS_DATA' | 'FORENSIC' | 'COMMUNITY' | 'PRISON' | 'PARTNER';

const markings = (agency: string, extra: Partial<MarkingsInput> = {}): MarkingsInput => ({
  classification: 'OFFICIAL', agency, compartments: [], handling: 'P', handlingConditions: [], ...extra,
});

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;


// ---------------------------------------------------------------------------------------------
// Identifiers that look real and are unique by construction (bijective scrambles of an index).

const VRM_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY'; // no I, Q, Z in current-format random letters
const AGE_IDS = ['15', '65', '16', '66', '17', '67', '18', '68', '19', '69', '20', '70', '21', '71', '22', '72', '23', '73', '24', '74'];
const VRM_SPACE = 23 * 20 * 23 ** 3;
function vrm(force: Force, index: number, offset: number): string {
  let x = (index * 7919 + offset) % VRM_SPACE;
  const l3 = x % 23; x = Math.floor(x / 23);
  const l2 = x % 23; x = Math.floor(x / 23);
  const l1 = x % 23; x = Math.floor(x / 23);
  const age = x % 20; x = Math.floor(x / 20);
  return `${force.vrmTag}${VRM_LETTERS[x % 23]}${AGE_IDS[age]} ${VRM_LETTERS[l1]}${VRM_LETTERS[l2]}${VRM_LETTERS[l3]}`;
}
function mobile(index: number, offset: number): string {
  const d = (index * 982451653 + offset) % 100_000_000; // 982451653 is prime: a bijection mod 10^8
  const digits = `${[4, 5, 7, 8, 9][d % 5]}${pad(d, 8)}`;
  return `07${digits.slice(0, 3)} ${digits.slice(3)}`;
}
function imei(rng: Rng): string {
  const body = `35${Array.from({ length: 12 }, () => rng.int(0, 9)).join('')}`;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(body[13 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}
function postcode(rng: Rng, bcu: Bcu): string {
  const [area, lo, hi] = bcu.pc;
  const inward = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${area}${rng.int(lo, hi)} ${rng.int(1, 9)}${rng.pick([...inward])}${rng.pick([...inward])}`;
}

// ---------------------------------------------------------------------------------------------
// Static reference data

interface SourceRef { id: string; kind: SourceKind; agency: string; chis: boolean }

interface World {
  sources: SourceRef[];
  sourcesByKind: Map<string, SourceRef[]>;
}

/**
 * A desk's telephone and e-mail, for deconfliction calls about a stub: numbers from Ofcom's ranges
 * reserved for drama (never a real line), addresses under the reserved .example domain.
 */
const DESK_LINES: Record<string, string> = {
  WMP: '0121 496 0123', GMP: '0161 496 0456', MER: '0151 496 0789', WYP: '0113 496 0321',
  NCA: '0161 496 0654', HMRC: '0161 496 0987', BF: '0161 496 0111', HMPPS: '0121 496 0222',
};
function deskContact(code: string): { deskPhone: string; deskEmail: string } {
  return { deskPhone: DESK_LINES[code] ?? '0161 496 0000', deskEmail: `intelligence.desk@${code.toLowerCase()}.example` };
}

function buildWorld(plan: (typeof SEED_PLAN)[SeedSize]): { batch: { entities: EntityInput[]; links: LinkInput[] }; world: World } {
  const entities: EntityInput[] = [];
  const links: LinkInput[] = [];
  const link = (source: string, type: LinkType, target: string, agency: string, props: Record<string, unknown> = {}) =>
    links.push({ source, target, type, props, reportIds: [], markings: markings(agency) });

  for (const f of FORCES) {
    entities.push({ id: f.agency, type: 'Agency', label: f.name, props: { kind: 'POLICE', code: f.code, desk: f.desk, ...deskContact(f.code) }, markings: markings(f.agency) });
  }
  for (const p of PARTNERS) {
    entities.push({ id: p.id, type: 'Agency', label: p.name, props: { kind: p.kind, code: p.code, desk: p.desk, ...deskContact(p.code) }, markings: markings(p.id) });
  }
  // Areas: regions > forces > BCUs.
  for (const r of REGIONS) {
    entities.push({ id: r.id, type: 'Area', label: r.name, props: { kind: 'REGION', code: r.id.slice(5), boundary: polygonJson(REGION_OUTLINES[r.id]!) }, markings: markings(r.owner) });
  }
  for (const f of FORCES) {
    const outline = FORCE_OUTLINES[f.code]!;
    entities.push({ id: f.area, type: 'Area', label: f.areaName, props: { kind: 'FORCE', code: f.code, boundary: polygonJson(outline) }, markings: markings(f.agency) });
    const cells = cellsWithin(outline, f.bcus.map((b) => [b.lon, b.lat]));
    link(f.area, 'PART_OF', f.region, f.agency);
    link(f.agency, 'RESPONSIBLE_FOR', f.area, f.agency);
    for (const [i, bcu] of f.bcus.entries()) {
      entities.push({ id: bcu.id, type: 'Area', label: bcu.name, props: { kind: 'BCU', code: bcu.id.slice(5), boundary: polygonJson(cells[i]!) }, markings: markings(f.agency) });
      link(bcu.id, 'PART_OF', f.area, f.agency);
    }
  }
  // Supernode places: a busy hostel and a prison per force.
  for (const f of FORCES) {
    const h = f.hostel;
    entities.push({ id: h.id, type: 'Location', label: `${h.address} ${h.postcode}`, props: { address: h.address, postcode: h.postcode, lat: h.lat, lon: h.lon, kind: 'RESIDENTIAL' }, markings: markings(f.agency) });
    link(h.id, 'LOCATED_IN', h.bcu, f.agency);
    const p = f.prison;
    entities.push({ id: p.id, type: 'Location', label: p.name, props: { address: p.address, postcode: p.postcode, lat: p.lat, lon: p.lon, kind: 'PRISON' }, markings: markings('AG-HMPPS') });
    link(p.id, 'LOCATED_IN', p.bcu, 'AG-HMPPS');
  }
  entities.push({ id: 'PH-HUB-1', type: 'Phone', label: '07700 900461', props: { number: '07700 900461', imei: '356938035643809' }, markings: markings('AG-WMP') });

  // Sources of every type. CHIS are shown only by a pseudonymous reference, SECRET and compartmented.
  const sources: SourceRef[] = [];
  const addSource = (id: string, kind: SourceKind, agency: string, props: Record<string, unknown>) => {
    const chis = kind === 'CHIS';
    entities.push({
      id, type: 'Source', label: props.reference as string, props: { ...props, sourceType: kind },
      markings: markings(agency, chis ? { classification: 'SECRET', compartments: ['CHIS'], handling: 'C', handlingConditions: ['C1', 'C4'] } : {}),
    });
    sources.push({ id, kind, agency, chis });
  };
  let chisRef = 4100;
  for (const f of FORCES) {
    for (let i = 0; i < plan.chisPerForce; i++) addSource(`SRC-${f.code}-CHIS-${pad(i + 1, 2)}`, 'CHIS', f.agency, { reference: `CHIS/${f.code}/${chisRef += 37}` });
    for (let i = 1; i <= plan.sourcesPerKind; i++) {
      const n = pad(i, 2);
      addSource(`SRC-${f.code}-ANPR-${n}`, 'ANPR', f.agency, { reference: `ANPR/${f.code}/${n}`, system: 'National ANPR Data Centre' });
      addSource(`SRC-${f.code}-CCTV-${n}`, 'CCTV', f.agency, { reference: `CCTV/${f.code}/${n}`, system: `${f.areaName} public-space CCTV` });
      addSource(`SRC-${f.code}-CLOSED-${n}`, 'CLOSED', f.agency, { reference: `PND/${f.code}/${n}`, system: 'Police National Database' });
      addSource(`SRC-${f.code}-COMMS-${n}`, 'COMMS_DATA', f.agency, { reference: `CD/${f.code}/${n}`, system: 'Communications data (IPA Part 3)' });
      addSource(`SRC-${f.code}-FOR-${n}`, 'FORENSIC', f.agency, { reference: `FOR/${f.code}/${n}`, system: 'Forensic submissions' });
      addSource(`SRC-${f.code}-OPEN-${n}`, 'OPEN', f.agency, { reference: `OSINT/${f.code}/${n}`, system: 'Open-source research desk' });
      addSource(`SRC-${f.code}-COMM-${n}`, 'COMMUNITY', f.agency, { reference: `CS/${f.code}/${n}`, system: 'Crimestoppers' });
    }
  }
  for (let i = 1; i <= plan.sourcesPerKind; i++) {
    const n = pad(i, 2);
    addSource(`SRC-HMPPS-PRISON-${n}`, 'PRISON', 'AG-HMPPS', { reference: `PRISON/HMPPS/${n}`, system: 'Mercury (prison intelligence)', agreement: PARTNER_AGREEMENTS['AG-HMPPS'] });
    for (const p of ['AG-HMRC', 'AG-BF', 'AG-NCA']) {
      addSource(`SRC-${p.slice(3)}-PARTNER-${n}`, 'PARTNER', p, { reference: `PARTNER/${p.slice(3)}/${n}`, system: `${p.slice(3)} intelligence system`, agreement: PARTNER_AGREEMENTS[p] });
    }
  }
  addSource('SRC-NCA-CHIS-01', 'CHIS', 'AG-NCA', { reference: 'CHIS/NCA/7702' });

  // Direction: control strategy priorities, requirements, a collection plan. Their questions are
  // linked to subjects and OCGs once the first cluster exists.
  const wm = (extra: Record<string, unknown>) => extra;
  entities.push(
    { id: 'PRI-1', type: 'Priority', label: 'Serious violence and knife crime', props: wm({ owner: 'ACC Crime, West Midlands Police', rank: 1, description: 'Reduce serious violence, especially knife crime among under-25s.' }), markings: markings('AG-WMP') },
    { id: 'PRI-2', type: 'Priority', label: 'County lines and drugs supply', props: wm({ owner: 'Det Supt, Regional Organised Crime Unit', rank: 2, description: 'Disrupt county lines exporting from the West Midlands and Merseyside.' }), markings: markings('AG-WMP') },
    { id: 'PRI-3', type: 'Priority', label: 'Modern slavery and exploitation', props: wm({ owner: 'Det Supt, Public Protection', rank: 3 }), markings: markings('AG-GMP') },
    { id: 'IR-STRAT-1', type: 'IntelligenceRequirement', label: 'Strategic requirement: serious violence 2025/26', props: { kind: 'STRATEGIC', owner: 'Head of Intelligence, WMP', reviewDate: '2026-12-31', description: 'Understand the groups driving serious violence and their access to weapons.' }, markings: markings('AG-WMP') },
    { id: 'IR-TAC-1', type: 'IntelligenceRequirement', label: 'Tactical requirement: Northside county line', props: { kind: 'TACTICAL', owner: 'DI Intelligence, Birmingham', reviewDate: '2026-03-31', description: 'Identify the controllers, deal line and addresses of the Northside county line.' }, markings: markings('AG-WMP') },
    { id: 'Q-1', type: 'Question', label: 'Who directs the group and who holds its weapons?', props: { text: 'Who directs the group, and who stores or supplies its weapons?', reviewPeriodDays: 28 }, markings: markings('AG-WMP') },
    { id: 'Q-2', type: 'Question', label: 'Where is the principal living?', props: { text: 'Where is the principal currently living and which vehicles do they use?', reviewPeriodDays: 14 }, markings: markings('AG-WMP') },
    { id: 'Q-3', type: 'Question', label: 'Which groups operate in Walsall?', props: { text: 'Which organised crime groups are active in Walsall, and what is their harm?', reviewPeriodDays: 90 }, markings: markings('AG-WMP') },
    { id: 'Q-4', type: 'Question', label: 'What happens at the Digbeth hostel?', props: { text: 'Is the Digbeth hostel used to store drugs or house exploited people?', reviewPeriodDays: 28 }, markings: markings('AG-WMP') },
    { id: 'CP-1', type: 'CollectionPlan', label: 'Collection plan: Northside county line', props: { owner: 'DS Collection, Birmingham', description: 'ANPR on known vehicles, comms data on the deal line, CHIS tasking, partner requests to Border Force.' }, markings: markings('AG-WMP') },
  );
  link('IR-STRAT-1', 'SUPPORTS', 'PRI-1', 'AG-WMP');
  link('IR-TAC-1', 'SUPPORTS', 'PRI-2', 'AG-WMP');
  link('IR-STRAT-1', 'ASKS', 'Q-1', 'AG-WMP');
  link('IR-TAC-1', 'ASKS', 'Q-2', 'AG-WMP');
  link('IR-STRAT-1', 'ASKS', 'Q-3', 'AG-WMP');
  link('IR-TAC-1', 'ASKS', 'Q-4', 'AG-WMP');
  link('CP-1', 'PLANS_FOR', 'IR-TAC-1', 'AG-WMP');
  link('Q-3', 'CONCERNS', 'AREA-WMP-WSL', 'AG-WMP');
  link('Q-4', 'CONCERNS', 'LOC-HUB-WMP', 'AG-WMP');

  const sourcesByKind = new Map<string, SourceRef[]>();
  for (const s of sources) {
    for (const key of [s.kind, `${s.kind}:${s.agency}`]) (sourcesByKind.get(key) ?? sourcesByKind.set(key, []).get(key)!).push(s);
  }
  return { batch: { entities, links }, world: { sources, sourcesByKind } };
}

// ---------------------------------------------------------------------------------------------
// Clusters

interface Person { id: string; forename: string; surname: string; gender: string; label: string }
interface Place { id: string; address: string; postcode: string; label: string }
interface Fact { link: LinkInput; topic: string; text: (p: TextParts) => string; sanitised: string; sources: readonly SourceKind[] }
interface TextParts { bcu: string }

const SUBJECTS_MIN = 24; // cross-cluster links only use indexes below this

/** Id helpers (stable across sizes, so a demo id means the same thing in a large graph). */
export const seedIds = {
  subject: (c: number, i: number) => `SUB-${pad(c, 5)}-${pad(i, 2)}`,
  location: (c: number, i: number) => `LOC-${pad(c, 5)}-${pad(i, 2)}`,
  vehicle: (c: number, i: number) => `VEH-${pad(c, 5)}-${pad(i, 2)}`,
  phone: (c: number, i: number) => `PH-${pad(c, 5)}-${pad(i, 2)}`,
  report: (c: number, i: number) => `RPT-${pad(c, 5)}-${pad(i, 2)}`,
  event: (c: number, i: number) => `EVT-${pad(c, 5)}-${pad(i, 2)}`,
  ocg: (c: number) => `OCG-${pad(c, 5)}`,
};

function forceOf(c: number): Force {
  // Mostly the West Midlands and Greater Manchester, like a regional unit's own data would be.
  return FORCES[[0, 1, 0, 2, 3, 1, 0, 2, 3, 1][c % 10]!]!;
}

function generateCluster(c: number, seed: number, world: World, sizeOffsets: { vrm: number; phone: number }, evidence = 0): { entities: EntityInput[]; links: LinkInput[] } {
  const rng = new Rng(streamSeed(seed, c + 1));
  const force = forceOf(c);
  const bcu = rng.pick(force.bcus);
  const entities: EntityInput[] = [];
  const facts: Fact[] = [];
  const linkKeys = new Set<string>();
  const own = (extra: Partial<MarkingsInput> = {}) => markings(force.agency, extra);

  const fact = (source: string, type: LinkType, target: string, props: Record<string, unknown>, f: Omit<Fact, 'link'>) => {
    const key = `${source}|${type}|${target}`;
    const rev = `${target}|${type}|${source}`;
    if (source === target || linkKeys.has(key) || (type === 'ASSOCIATE_OF' && linkKeys.has(rev))) return;
    linkKeys.add(key);
    facts.push({ link: { source, target, type, props, reportIds: [], markings: own() }, ...f });
  };

  // Places
  const places: Place[] = [];
  const nRes = rng.int(12, 15);
  for (let i = 0; i < nRes + 2; i++) {
    const commercial = i >= nRes;
    const street = rng.pick(force.streets);
    const pc = postcode(rng, bcu);
    const name = commercial ? `${rng.pick(SHOPS)}, ` : rng.chance(0.25) ? `Flat ${rng.int(1, 24)}, ` : '';
    const address = `${name}${rng.int(1, 240)} ${street}, ${bcu.name}`;
    const p: Place = { id: seedIds.location(c, i), address, postcode: pc, label: `${address} ${pc}` };
    places.push(p);
    entities.push({
      id: p.id, type: 'Location', label: p.label,
      props: { address, postcode: pc, lat: round(bcu.lat + (rng.next() - 0.5) * 0.07, 5), lon: round(bcu.lon + (rng.next() - 0.5) * 0.1, 5), kind: commercial ? rng.pick(['COMMERCIAL', 'COMMERCIAL', 'PUBLIC']) : 'RESIDENTIAL' },
      markings: own(),
    });
    facts.push({ link: { source: p.id, target: bcu.id, type: 'LOCATED_IN', props: {}, reportIds: [], markings: own() }, topic: '', text: () => '', sanitised: '', sources: [] });
  }
  const homes = places.slice(0, nRes);
  const shops = places.slice(nRes);

  // People: families share a surname and an address.
  const people: Person[] = [];
  const nSubjects = rng.int(SUBJECTS_MIN, SUBJECTS_MIN + 8);
  let homeIdx = 0;
  while (people.length < nSubjects) {
    const familySize = rng.chance(0.4) ? rng.int(2, 4) : 1;
    const surname = rng.pick(SURNAMES);
    const home = homes[homeIdx++ % homes.length]!;
    const family: Person[] = [];
    for (let k = 0; k < familySize && people.length < nSubjects; k++) {
      const i = people.length;
      const gender = rng.chance(0.72) ? 'MALE' : 'FEMALE';
      const forename = rng.pick(gender === 'MALE' ? MALE : FEMALE);
      const p: Person = { id: seedIds.subject(c, i), forename, surname, gender, label: `${forename} ${surname}` };
      people.push(p);
      family.push(p);
      const props: Record<string, unknown> = {
        forename, surname, gender, dob: rng.date('1962-01-01', '2007-06-30'), nationality: rng.weighted(NATIONALITIES),
      };
      if (rng.chance(0.25)) props.aliases = aliasesFor(rng, forename, surname);
      if (rng.chance(0.55)) props.pncId = `${pad(rng.int(0, 24), 2)}/${pad(rng.int(1, 999999), 6)}${rng.pick([...VRM_LETTERS])}`;
      if (rng.chance(0.15)) props.notes = rng.pick(['Warning marker: violence.', 'Warning marker: weapons. Known to carry a knife.', 'Believed to be exploited; treat as a potential victim.', 'Drugs warning marker.']);
      if (c === 0 && i === 0) props.notes = 'Subject of tasking under IR-TAC-1. Warning marker: weapons.';
      entities.push({ id: p.id, type: 'Subject', label: p.label, props, markings: own(rng.chance(0.12) ? { classification: 'OFFICIAL-SENSITIVE' } : {}) });
      fact(p.id, 'LIVES_AT', home.id, { from: rng.date('2015-01-01', '2024-12-31') }, {
        topic: 'Residence', text: () => `${p.label} is living at ${home.label}.`, sanitised: 'A subject of interest is living at an address in the area.', sources: ['CLOSED', 'COMMUNITY', 'CHIS'],
      });
    }
    for (let k = 1; k < family.length; k++) {
      const a = family[k - 1]!;
      const b = family[k]!;
      fact(a.id, 'ASSOCIATE_OF', b.id, { kind: 'FAMILY' }, {
        topic: 'Family', text: () => `${a.label} and ${b.label} are family and share an address.`, sanitised: 'Two subjects are related and live together.', sources: ['CLOSED', 'COMMUNITY'],
      });
    }
  }

  // Associates, within the cluster and reaching back into earlier ones.
  for (const p of people) {
    const n = rng.weighted([[0, 2], [1, 5], [2, 3]] as const);
    for (let k = 0; k < n; k++) {
      const cross = c > 0 && rng.chance(0.15);
      const otherId = cross ? seedIds.subject(c - rng.int(1, Math.min(c, 40)), rng.int(0, SUBJECTS_MIN - 1)) : rng.pick(people).id;
      const other = people.find((x) => x.id === otherId);
      const kind = rng.weighted([['ASSOCIATE', 60], ['BUSINESS', 10], ['ROMANTIC', 15], ['RIVAL', 10]] as const);
      const otherName = other?.label ?? 'a known associate';
      fact(p.id, 'ASSOCIATE_OF', otherId, { kind, from: rng.date('2016-01-01', '2025-03-31') }, {
        topic: kind === 'RIVAL' ? 'Rivalry' : 'Association',
        text: () => kind === 'RIVAL' ? `${p.label} is in a dispute with ${otherName}; threats have been made.` : `${p.label} has been seen regularly with ${otherName}.`,
        sanitised: kind === 'RIVAL' ? 'Tension between two subjects has been reported.' : 'Two subjects are associating.', sources: ['CHIS', 'COMMUNITY', 'OPEN', 'CCTV'],
      });
    }
  }

  // Supernodes: the force's hostel and prison.
  for (let k = rng.int(1, 3); k > 0; k--) {
    const p = rng.pick(people);
    fact(p.id, rng.chance(0.5) ? 'LIVES_AT' : 'FREQUENTS', force.hostel.id, { from: rng.date('2019-01-01', '2025-05-31') }, {
      topic: 'Hostel', text: () => `${p.label} is staying at ${force.hostel.address}.`, sanitised: 'A subject is linked to a hostel address.', sources: ['COMMUNITY', 'CLOSED'],
    });
  }
  for (let k = rng.int(1, 2); k > 0; k--) {
    const p = rng.pick(people);
    const from = rng.date('2016-01-01', '2023-12-31');
    fact(p.id, 'LIVES_AT', force.prison.id, { from, to: addDays(from, rng.int(90, 900)) }, {
      topic: 'Custody', text: () => `${p.label} served a custodial sentence at ${force.prison.name}.`, sanitised: 'A subject has served a custodial sentence.', sources: ['PRISON'],
    });
    if (c > 4) {
      const mate = seedIds.subject(c - rng.int(1, Math.min(c, 60)), rng.int(0, SUBJECTS_MIN - 1));
      fact(p.id, 'ASSOCIATE_OF', mate, { kind: 'PRISON', from }, {
        topic: 'Prison association', text: () => `${p.label} formed an alliance with another prisoner at ${force.prison.name}.`, sanitised: 'Two subjects associated in custody.', sources: ['PRISON'],
      });
    }
  }
  for (const p of rng.sample(people, rng.int(2, 5))) {
    const shop = rng.pick(shops);
    fact(p.id, 'FREQUENTS', shop.id, { from: rng.date('2022-01-01', '2025-05-31') }, {
      topic: 'Frequents', text: () => `${p.label} spends most afternoons at ${shop.address}.`, sanitised: 'A subject frequents a business premises.', sources: ['CCTV', 'CHIS', 'COMMUNITY'],
    });
  }

  // Phones: one each, some burners; calls within the cluster and to the deal line.
  const phones: { id: string; number: string }[] = [];
  const nPhones = people.length + rng.int(0, 4);
  for (let i = 0; i < nPhones; i++) {
    const number = mobile(c * 40 + i, sizeOffsets.phone);
    const id = seedIds.phone(c, i);
    phones.push({ id, number });
    entities.push({ id, type: 'Phone', label: number, props: rng.chance(0.4) ? { number, imei: imei(rng) } : { number }, markings: own() });
  }
  people.forEach((p, i) => {
    const ph = phones[i]!;
    fact(p.id, 'USES_PHONE', ph.id, { from: rng.date('2021-01-01', '2025-04-30') }, {
      topic: 'Phone use', text: () => `${p.label} is using ${ph.number}.`, sanitised: 'A subject is using a mobile phone.', sources: ['COMMS_DATA', 'CHIS', 'CLOSED'],
    });
  });
  for (const ph of phones.slice(people.length)) {
    const p = rng.pick(people);
    fact(p.id, 'USES_PHONE', ph.id, { from: rng.date('2024-01-01', '2025-05-31') }, {
      topic: 'Burner phone', text: () => `${p.label} has a second handset, ${ph.number}, used only for business.`, sanitised: 'A subject is using a second phone.', sources: ['CHIS', 'COMMS_DATA'],
    });
  }
  for (const ph of phones) {
    for (let k = rng.int(0, 3); k > 0; k--) {
      const other = rng.pick(phones);
      const from = rng.date('2024-01-01', '2025-03-31');
      fact(ph.id, 'CALLS', other.id, { count: rng.int(1, 150), from, to: addDays(from, rng.int(7, 90)) }, {
        topic: 'Call data', text: () => `Call data shows ${ph.number} in frequent contact with ${other.number}.`, sanitised: 'Two phones are in regular contact.', sources: ['COMMS_DATA'],
      });
    }
  }
  for (const ph of rng.sample(phones, rng.int(3, 7))) {
    fact(ph.id, 'CALLS', 'PH-HUB-1', { count: rng.int(5, 600), from: rng.date('2024-06-01', '2025-05-31') }, {
      topic: 'Deal line', text: () => `${ph.number} is calling the deal line 07700 900461.`, sanitised: 'A phone is in contact with a known deal line.', sources: ['COMMS_DATA'],
    });
  }

  // Vehicles
  const vehicles: { id: string; vrm: string; desc: string }[] = [];
  const nVeh = rng.int(6, 10);
  for (let i = 0; i < nVeh; i++) {
    const [make, models] = rng.pick(MAKES);
    const model = rng.pick(models);
    const colour = rng.pick(COLOURS);
    const reg = vrm(force, c * 16 + i, sizeOffsets.vrm);
    const id = seedIds.vehicle(c, i);
    vehicles.push({ id, vrm: reg, desc: `${colour.toLowerCase()} ${make} ${model}` });
    entities.push({ id, type: 'Vehicle', label: reg, props: { vrm: reg, make, model, colour }, markings: own() });
    for (const p of rng.sample(people, rng.chance(0.3) ? 2 : 1)) {
      const v = vehicles[vehicles.length - 1]!;
      fact(p.id, 'USES_VEHICLE', id, { from: rng.date('2022-01-01', '2025-05-31') }, {
        topic: 'Vehicle', text: () => `${p.label} is driving ${v.vrm}, a ${v.desc}.`, sanitised: 'A subject is using a vehicle.', sources: ['ANPR', 'CCTV', 'CLOSED'],
      });
    }
  }

  // Events
  for (let i = 0; i < 2; i++) {
    const eventType = rng.pick(EVENT_TYPES);
    const date = rng.date('2023-01-01', '2025-06-15');
    const street = rng.pick(force.streets);
    const id = seedIds.event(c, i);
    entities.push({ id, type: 'Event', label: `${eventType}, ${street}, ${bcu.name}, ${date}`, props: { eventType, date, description: `${eventType} reported on ${street}.` }, markings: own() });
    facts.push({ link: { source: id, target: bcu.id, type: 'LOCATED_IN', props: {}, reportIds: [], markings: own() }, topic: '', text: () => '', sanitised: '', sources: [] });
    for (const p of rng.sample(people, rng.int(1, 3))) {
      fact(p.id, 'INVOLVED_IN', id, {}, {
        topic: eventType, text: () => `${p.label} was involved in the ${eventType.toLowerCase()} on ${street} on ${date}.`, sanitised: `A subject was involved in a ${eventType.toLowerCase()}.`, sources: ['CCTV', 'FORENSIC', 'COMMUNITY', 'CLOSED'],
      });
    }
    if (rng.chance(0.4)) {
      const v = rng.pick(vehicles);
      fact(v.id, 'INVOLVED_IN', id, {}, { topic: eventType, text: () => `${v.vrm} was seen leaving the scene on ${street}.`, sanitised: 'A vehicle was seen near an incident.', sources: ['ANPR', 'CCTV'] });
    }
  }

  // An OCG every other cluster, with members in every role; some are led by partner agencies.
  let ocgAgency: string | undefined;
  let crossBoundary: { entities: EntityInput[]; links: LinkInput[] } = { entities: [], links: [] };
  if (c % 2 === 0) {
    const ocgId = seedIds.ocg(c);
    const partnerLed = c % 10 === 4 ? 'AG-NCA' : c % 10 === 8 ? 'AG-HMRC' : c % 20 === 6 ? 'AG-BF' : undefined;
    ocgAgency = partnerLed ?? force.agency;
    const crimeTypes = partnerLed === 'AG-HMRC' ? ['FRAUD', 'MONEY_LAUNDERING'] : partnerLed === 'AG-BF' ? ['ORGANISED_IMMIGRATION', 'MODERN_SLAVERY']
      : rng.sample(['DRUGS_SUPPLY', 'DRUGS_SUPPLY', 'DRUGS_SUPPLY', 'FIREARMS', 'VIOLENCE', 'ORGANISED_ACQUISITIVE', 'CHILD_EXPLOITATION', 'MODERN_SLAVERY', 'MONEY_LAUNDERING'], rng.int(1, 3)).filter((x, i, a) => a.indexOf(x) === i);
    const name = rng.chance(0.3) ? `The ${people[0]!.surname} family` : `${rng.chance(0.5) ? rng.pick(force.streets).split(' ')[0] : rng.pick(OCG_WORDS_A)} ${rng.pick(OCG_WORDS_B)}`;
    entities.push({
      id: ocgId, type: 'OCG', label: name,
      props: {
        reference: `${force.code}/OCG/${rng.int(2018, 2025)}/${pad(c / 2 + 1, 4)}`, status: rng.weighted([['ACTIVE', 75], ['DORMANT', 20], ['ARCHIVED', 5]] as const),
        crimeTypes, leadAgency: ocgAgency, leadArea: force.area,
      },
      markings: markings(ocgAgency, partnerLed === 'AG-NCA' ? { classification: 'OFFICIAL-SENSITIVE' } : {}),
    });
    // Cluster 2 (and every 50th group) is a data-quality case: fewer than three known members.
    const small = c === 2 || c % 100 === 52;
    const pool = rng.sample(people, small ? 2 : rng.int(7, 13));
    const roles = pool.map((_, i) => (i === 0 ? 'PRINCIPAL' : small ? 'PERIPHERAL' : i === 1 && rng.chance(0.3) ? 'PRINCIPAL' : i <= 4 ? 'SIGNIFICANT' : i === pool.length - 1 && rng.chance(0.3) ? 'UNKNOWN' : 'PERIPHERAL'));
    pool.forEach((p, i) => {
      const role = roles[i]!;
      fact(p.id, 'MEMBER_OF', ocgId, { role, from: rng.date('2018-01-01', '2025-01-31') }, {
        topic: 'OCG membership', text: () => `${p.label} is a ${role.toLowerCase()} member of the ${name}${role === 'PRINCIPAL' ? ' and directs its supply' : ''}.`,
        sanitised: 'A subject is linked to an organised crime group.', sources: ['CHIS', 'CLOSED', 'PARTNER'],
      });
    });
    const areas = new Set([bcu.id, ...rng.sample(force.bcus, rng.int(0, 2)).map((b) => b.id)]);
    // Cross-boundary impact: county lines into another force's area.
    if (rng.chance(0.35)) {
      const other = rng.pick(FORCES.filter((f) => f !== force));
      areas.add(rng.pick(other.bcus).id);
    }
    for (const a of areas) {
      fact(ocgId, 'OPERATES_IN', a, { from: rng.date('2019-01-01', '2025-03-31') }, {
        topic: 'Area of operation', text: () => `The ${name} is running a drugs line into ${a === bcu.id ? bcu.name : 'a neighbouring area'}.`, sanitised: 'An organised crime group is operating in the area.', sources: ['CHIS', 'CLOSED', 'COMMUNITY'],
      });
    }
    for (const shop of rng.sample(shops, rng.int(1, 2))) {
      fact(ocgId, 'FREQUENTS', shop.id, {}, { topic: 'OCG premises', text: () => `The ${name} uses ${shop.address} to meet.`, sanitised: 'A group uses a business premises.', sources: ['CHIS', 'CCTV'] });
    }
    const v = rng.pick(vehicles);
    fact(ocgId, 'USES_VEHICLE', v.id, {}, { topic: 'OCG vehicle', text: () => `The ${name} uses ${v.vrm} for deliveries.`, sanitised: 'A group uses a vehicle.', sources: ['ANPR', 'CHIS'] });
    const ocg = entities.find((e) => e.id === ocgId)!;
    crossBoundary = countyLine(c, seed, world, force, bcu, {
      id: ocgId, name, agency: ocgAgency, status: ocg.props.status as string, crimeTypes,
      members: pool.map((p, i) => ({ ...p, role: roles[i]! })), operatesIn: areas,
    });
  }

  // Reports: each supports one to three facts and mentions their endpoints.
  const reportable = facts.filter((f) => f.sources.length);
  const nReports = rng.int(18, 28);
  const links: LinkInput[] = [];
  const supporting = new Map<Fact, { id: string; m: MarkingsInput }[]>();
  /** `own`: a report of the force's own, from a source other than a CHIS or a partner (it leaves the fact's marking as it is). */
  const report = (rng: Rng, id: string, number: number, chosen: Fact[], own = false) => {
    const kind = rng.pick(own ? chosen[0]!.sources.filter(ownKind) : chosen[0]!.sources);
    const source = pickSource(rng, world, kind, force.agency);
    const { grade, legacy, legacyHandling } = gradeFor(rng, kind);
    // Partner and prison reports belong to the partner; the rest to the force (or, now and then,
    // to the partner agency leading this cluster's group).
    const partnerOwned = !source.chis && (kind === 'PARTNER' || kind === 'PRISON');
    const agency = own ? force.agency : partnerOwned ? source.agency : rng.chance(0.08) && ocgAgency && ocgAgency !== force.agency ? ocgAgency : force.agency;
    const recorded = rng.date('2022-01-01', SEED_REFERENCE_DATE);
    const eventDate = addDays(recorded, -rng.int(0, 30));
    let m: MarkingsInput = markings(agency, rng.chance(0.25) ? { classification: 'OFFICIAL-SENSITIVE' } : {});
    if (source.chis) m = markings(agency, { classification: 'SECRET', compartments: ['CHIS'], handling: 'C', handlingConditions: ['C1', 'C4'], handlingNotes: 'CHIS-derived: sanitised version only outside the source unit.' });
    else if (legacyHandling) m = { ...m, handling: legacyHandling.handling, handlingConditions: legacyHandling.conditions };
    else if (rng.chance(0.15)) m = { ...m, handling: 'C', handlingConditions: rng.sample(['C1', 'C2', 'C3', 'C4', 'C5'], rng.int(1, 2)), ...(rng.chance(0.3) ? { handlingNotes: 'Do not disclose to the subject or their representatives.' } : {}) };
    const parts: TextParts = { bcu: bcu.name };
    const text = `${chosen.map((f) => f.text(parts)).join(' ')}${rng.chance(0.3) ? ` Recorded by ${force.code} ${bcu.name} intelligence unit.` : ''}`;
    const sanitisedText = [...new Set(chosen.map((f) => f.sanitised))].join(' ');
    const props: Record<string, unknown> = {
      text, sanitisedText, sourceEvaluation: grade[0], intelAssessment: grade[1], recordedAt: `${recorded}T${pad(rng.int(7, 22), 2)}:${pad(rng.int(0, 59), 2)}:00.000Z`,
      eventDate, originatingArea: bcu.id, sourceId: source.id, howObtained: rng.weighted([['ROUTINE', 50], ['TASKED', 35], ['VOLUNTEERED', 15]] as const),
      purpose: rng.weighted([['PREVENTING_OFFENCES', 45], ['BRINGING_OFFENDERS_TO_JUSTICE', 30], ['PROTECTING_LIFE_AND_PROPERTY', 20], ['PRESERVING_ORDER', 5]] as const),
      reviewDate: addDays(recorded, 365 * rng.int(1, 3)),
    };
    if (legacy) props.legacyGrade = legacy;
    const yy = recorded.slice(2, 4);
    entities.push({ id, type: 'IntelligenceReport', label: `${force.code}/${yy}/${pad(number, 6)} ${chosen[0]!.topic}`, props, markings: m });
    const rm = { ...m, handlingConditions: [...(m.handlingConditions ?? [])], compartments: [...(m.compartments ?? [])] };
    links.push({ source: id, target: source.id, type: 'FROM_SOURCE', props: {}, reportIds: [], markings: rm });
    links.push({ source: id, target: agency, type: 'ORIGINATED_BY', props: {}, reportIds: [], markings: rm });
    const mentioned = new Set<string>();
    for (const f of chosen) {
      for (const e of [f.link.source, f.link.target]) if (!e.startsWith('AREA-')) mentioned.add(e);
      (supporting.get(f) ?? supporting.set(f, []).get(f)!).push({ id, m });
    }
    for (const e of mentioned) links.push({ source: id, target: e, type: 'MENTIONS', props: {}, reportIds: [], markings: rm });
  };
  for (let i = 0; i < nReports; i++) {
    const chosen = rng.sample(reportable, rng.weighted([[1, 5], [2, 3], [3, 2]] as const));
    report(rng, seedIds.report(c, i), c * 30 + i, chosen);
  }
  // Where the size asks for fuller evidence, most facts still without a report get one of the
  // force's own (never a CHIS's or a partner's, so what the fact is known at does not change): up to
  // six facts about the same subject, phone or group per report, drawn from a stream of the
  // cluster's own so the records above are the same with or without it.
  if (evidence > 0) {
    const erng = new Rng(streamSeed(seed, 0x50000000 + c));
    const about = new Map<string, Fact[]>();
    for (const f of reportable) {
      if (!supporting.has(f) && f.sources.some(ownKind)) (about.get(f.link.source) ?? about.set(f.link.source, []).get(f.link.source)!).push(f);
    }
    let k = 0;
    for (const group of about.values()) {
      for (let j = 0; j < group.length; j += 6) {
        const chosen = group.slice(j, j + 6).filter(() => erng.chance(evidence));
        if (!chosen.length) continue;
        report(erng, seedIds.report(c, 100 + k), 600_000 + c * 1000 + k, chosen, true); // 60 is the county line's
        k++;
      }
    }
  }

  // A fact is known at the least restrictive level of a report that supports it: CHIS-only facts
  // stay SECRET and compartmented, anything also reported openly is OFFICIAL.
  for (const f of facts) {
    const sup = supporting.get(f) ?? [];
    f.link.reportIds = sup.map((s) => s.id);
    const open = sup.find((s) => !s.m.compartments?.length && s.m.classification !== 'SECRET');
    if (sup.length && !open) f.link.markings = { ...sup[0]!.m, handlingConditions: [...(sup[0]!.m.handlingConditions ?? [])], compartments: [...(sup[0]!.m.compartments ?? [])] };
    else if (open && open.m.agency !== force.agency) f.link.markings = markings(open.m.agency!);
    links.push(f.link);
  }
  return { entities: [...entities, ...crossBoundary.entities], links: [...links, ...crossBoundary.links] };
}

/** Source kinds whose reports the force owns outright (not a CHIS's, a partner's or a prison's). */
const ownKind = (k: SourceKind) => k !== 'CHIS' && k !== 'PARTNER' && k !== 'PRISON';

const CROSS_BOUNDARY_EVENTS = ['Drugs seizure', 'Vehicle stop', 'Cash seizure', 'Robbery'];

/**
 * County lines and other cross-boundary operation: a live group often works from an address in
 * another force's area (a trap house, a cash business, a house of multiple occupation), and the lead
 * agency's own intelligence shows it: the group uses the address, a member was involved in an
 * incident there, and the group is recorded as operating there, all on one report the lead agency
 * owns (so it sees its own evidence of the impact). Drawn from a PRNG stream of its own, so the rest
 * of the cluster is the same with or without it.
 */
function countyLine(
  c: number, seed: number, world: World, force: Force, home: Bcu,
  ocg: { id: string; name: string; agency: string; status: string; crimeTypes: string[]; members: (Person & { role: string })[]; operatesIn: Set<string> },
): { entities: EntityInput[]; links: LinkInput[] } {
  const rng = new Rng(streamSeed(seed, 0x40000000 + c));
  const odds = ocg.status === 'ACTIVE' ? 0.6 : ocg.status === 'DORMANT' ? 0.3 : 0;
  if (!rng.chance(odds) || ocg.members.length < 2) return { entities: [], links: [] };
  const other = rng.pick(FORCES.filter((f) => f !== force));
  const target = rng.pick(other.bcus);
  const runner = rng.pick(ocg.members.filter((m) => m.role !== 'PRINCIPAL'));
  const m = () => markings(ocg.agency);
  const drugs = ocg.crimeTypes.includes('DRUGS_SUPPLY') || ocg.crimeTypes.includes('CHILD_EXPLOITATION');
  const street = rng.pick(other.streets);
  const address = `${rng.chance(0.5) ? `Flat ${rng.int(1, 12)}, ` : ''}${rng.int(1, 200)} ${street}, ${target.name}`;
  const pc = postcode(rng, target);
  const trap = { id: seedIds.location(c, 90), address, label: `${address} ${pc}` };
  const eventType = drugs ? rng.pick(CROSS_BOUNDARY_EVENTS) : rng.pick(['Cash seizure', 'Vehicle stop']);
  const date = rng.date('2024-06-01', '2025-06-15');
  const event = { id: seedIds.event(c, 5), label: `${eventType}, ${street}, ${target.name}, ${date}` };
  const report = seedIds.report(c, 60);
  const recorded = addDays(date, rng.int(1, 10));
  const kind: SourceKind = ocg.agency === force.agency ? rng.pick(['ANPR', 'CLOSED', 'COMMS_DATA'] as const) : 'PARTNER';
  const source = pickSource(rng, world, kind, ocg.agency);
  const grade = rng.weighted(GRADES_CLOSED);
  const use = drugs ? `as a trap house for its drugs line into ${target.name}` : `as a base in ${target.name}`;
  const entities: EntityInput[] = [
    {
      id: trap.id, type: 'Location', label: trap.label, markings: m(),
      props: { address, postcode: pc, lat: round(target.lat + (rng.next() - 0.5) * 0.07, 5), lon: round(target.lon + (rng.next() - 0.5) * 0.1, 5), kind: 'RESIDENTIAL' },
    },
    { id: event.id, type: 'Event', label: event.label, props: { eventType, date, description: `${eventType} on ${street}, ${target.name}.` }, markings: m() },
    {
      id: report, type: 'IntelligenceReport', label: `${force.code}/${recorded.slice(2, 4)}/CL${pad(c, 5)} Cross-boundary operation`, markings: m(),
      props: {
        text: `The ${ocg.name} uses ${trap.label} ${use}. ${runner.label} was involved in the ${eventType.toLowerCase()} on ${street} on ${date}.`,
        sanitisedText: 'An organised crime group is operating from an address in another force area.',
        sourceEvaluation: grade[0], intelAssessment: grade[1], recordedAt: `${recorded}T${pad(rng.int(7, 22), 2)}:${pad(rng.int(0, 59), 2)}:00.000Z`,
        eventDate: date, originatingArea: home.id, sourceId: source.id, howObtained: 'TASKED', purpose: 'PREVENTING_OFFENCES', reviewDate: addDays(recorded, 365 * 2),
      },
    },
  ];
  const link = (source: string, type: LinkType, target: string, props: Record<string, unknown> = {}, reportIds: string[] = [report]): LinkInput =>
    ({ source, target, type, props, reportIds, markings: m() });
  const links: LinkInput[] = [
    link(trap.id, 'LOCATED_IN', target.id, {}, []),
    link(event.id, 'LOCATED_IN', target.id, {}, []),
    link(ocg.id, 'FREQUENTS', trap.id, { from: addDays(date, -rng.int(30, 300)) }),
    link(runner.id, 'INVOLVED_IN', event.id),
    link(report, 'FROM_SOURCE', source.id, {}, []),
    link(report, 'ORIGINATED_BY', ocg.agency, {}, []),
    ...[ocg.id, runner.id, trap.id, event.id].map((e) => link(report, 'MENTIONS', e, {}, [])),
  ];
  if (!ocg.operatesIn.has(target.id)) links.push(link(ocg.id, 'OPERATES_IN', target.id, { from: addDays(date, -rng.int(30, 300)) }));
  return { entities, links };
}

function aliasesFor(rng: Rng, forename: string, surname: string): string[] {
  const out = new Set<string>();
  const group = VARIANTS.find((g) => g.includes(forename));
  if (group && rng.chance(0.6)) out.add(`${rng.pick(group.filter((x) => x !== forename))} ${surname}`);
  const sgroup = VARIANTS.find((g) => g.includes(surname));
  if (sgroup && rng.chance(0.5)) out.add(`${forename} ${rng.pick(sgroup.filter((x) => x !== surname))}`);
  if (!out.size || rng.chance(0.5)) out.add(rng.pick(NICKNAMES));
  return [...out];
}

function pickSource(rng: Rng, world: World, kind: SourceKind, agency: string): SourceRef {
  const local = world.sourcesByKind.get(`${kind}:${agency}`);
  if (local?.length) return rng.pick(local);
  return rng.pick(world.sourcesByKind.get(kind) ?? world.sourcesByKind.get('CLOSED')!);
}

function gradeFor(rng: Rng, kind: SourceKind): { grade: string; legacy?: string; legacyHandling?: { handling: string; conditions: string[] } } {
  // A few reports migrated from the old 5x5x5 system keep their original code beside the mapping.
  if (kind === 'CLOSED' && rng.chance(0.2)) {
    const code = `${rng.pick(['A', 'B', 'B', 'C'])}${rng.pick(['2', '3', '3', '4'])}${rng.pick(['1', '1', '2', '3'])}`;
    const g = mapLegacyGrade('NIM_5x5x5', code);
    return { grade: `${g.sourceEvaluation}${g.intelAssessment}`, legacy: code, legacyHandling: { handling: g.handling, conditions: g.handlingConditions } };
  }
  const table = kind === 'OPEN' || kind === 'COMMUNITY' ? GRADES_WEAK : kind === 'CHIS' ? GRADES_GENERAL : kind === 'CCTV' ? GRADES_GENERAL : GRADES_CLOSED;
  return { grade: rng.weighted(table) };
}

// ---------------------------------------------------------------------------------------------
// Links that tie the first cluster to direction and the canary records

function firstClusterExtras(): { entities: EntityInput[]; links: LinkInput[] } {
  const s0 = seedIds.subject(0, 0);
  const s1 = seedIds.subject(0, 1);
  const ocg = seedIds.ocg(0);
  const m = (agency: string, extra: Partial<MarkingsInput> = {}) => markings(agency, extra);
  const secretChis = m('AG-WMP', { classification: 'SECRET', compartments: ['CHIS'], handling: 'C', handlingConditions: ['C1', 'C4'], handlingNotes: 'Source protection: no dissemination without the controller.' });
  const ncaSecret = m('AG-NCA', { classification: 'SECRET' });
  const gmpNfd = m('AG-GMP', { classification: 'OFFICIAL-SENSITIVE', nfd: true, nfdJustification: 'Live covert operation; disclosure would compromise tactics and staff safety.', nfdApprover: 'Det Supt R. Holt, GMP Serious Crime' });
  const kestrel = m('AG-NCA', { classification: 'SECRET', compartments: ['OP-KESTREL'] });
  const entities: EntityInput[] = [
    {
      id: 'RPT-CANARY-CHIS', type: 'IntelligenceReport', label: `Source report ${CANARY.chisReport}`, markings: secretChis,
      props: {
        text: `${CANARY.chisReport}: the source states that the principal keeps a firearm under the floor of a lock-up behind the car wash.`,
        sanitisedText: 'A subject is believed to have access to a firearm.', sourceEvaluation: '1', intelAssessment: 'B',
        recordedAt: '2025-05-02T21:40:00.000Z', eventDate: '2025-05-01', originatingArea: 'AREA-WMP-BHM', sourceId: 'SRC-WMP-CHIS-01', howObtained: 'TASKED', purpose: 'PROTECTING_LIFE_AND_PROPERTY',
      },
    },
    {
      id: 'RPT-CANARY-NCA', type: 'IntelligenceReport', label: `NCA assessment ${CANARY.ncaSecretReport}`, markings: ncaSecret,
      props: {
        text: `${CANARY.ncaSecretReport}: the group's cash is moved to Dubai through a money service business; a shipment is expected in June.`,
        sanitisedText: 'A group is believed to be laundering cash overseas.', sourceEvaluation: '1', intelAssessment: 'A',
        recordedAt: '2025-04-11T09:15:00.000Z', eventDate: '2025-04-10', sourceId: 'SRC-NCA-PARTNER-01', howObtained: 'ROUTINE', purpose: 'BRINGING_OFFENDERS_TO_JUSTICE',
      },
    },
    {
      id: 'RPT-CANARY-GMP-NFD', type: 'IntelligenceReport', label: `Operation log ${CANARY.gmpNfdReport}`, markings: gmpNfd,
      props: {
        text: `${CANARY.gmpNfdReport}: an undercover officer has been introduced to the group's supplier in Cheetham Hill.`,
        sanitisedText: 'Not for dissemination.', sourceEvaluation: '1', intelAssessment: 'A',
        recordedAt: '2025-03-20T18:05:00.000Z', eventDate: '2025-03-20', originatingArea: 'AREA-GMP-MCR', sourceId: 'SRC-GMP-CLOSED-01', howObtained: 'TASKED', purpose: 'BRINGING_OFFENDERS_TO_JUSTICE',
      },
    },
    {
      id: 'SUB-CANARY-KESTREL', type: 'Subject', label: `Kestrel target ${CANARY.kestrelSubject}`, markings: kestrel,
      props: { forename: 'Arben', surname: 'Hoxha', aliases: [CANARY.kestrelSubject], dob: '1981-09-14', gender: 'MALE', nationality: 'Albanian', notes: `Operation Kestrel principal. ${CANARY.kestrelSubject}` },
    },
  ];
  const same = (mk: MarkingsInput) => ({ ...mk, compartments: [...(mk.compartments ?? [])], handlingConditions: [...(mk.handlingConditions ?? [])] });
  const links: LinkInput[] = [
    { source: 'RPT-CANARY-CHIS', target: 'SRC-WMP-CHIS-01', type: 'FROM_SOURCE', props: {}, reportIds: [], markings: same(secretChis) },
    { source: 'RPT-CANARY-CHIS', target: 'AG-WMP', type: 'ORIGINATED_BY', props: {}, reportIds: [], markings: same(secretChis) },
    { source: 'RPT-CANARY-CHIS', target: s0, type: 'MENTIONS', props: {}, reportIds: [], markings: same(secretChis) },
    { source: 'RPT-CANARY-CHIS', target: 'Q-1', type: 'ANSWERS', props: {}, reportIds: [], markings: same(secretChis) },
    { source: 'RPT-CANARY-NCA', target: 'SRC-NCA-PARTNER-01', type: 'FROM_SOURCE', props: {}, reportIds: [], markings: same(ncaSecret) },
    { source: 'RPT-CANARY-NCA', target: 'AG-NCA', type: 'ORIGINATED_BY', props: {}, reportIds: [], markings: same(ncaSecret) },
    { source: 'RPT-CANARY-NCA', target: ocg, type: 'MENTIONS', props: {}, reportIds: [], markings: same(ncaSecret) },
    { source: 'RPT-CANARY-GMP-NFD', target: 'SRC-GMP-CLOSED-01', type: 'FROM_SOURCE', props: {}, reportIds: [], markings: same(gmpNfd) },
    { source: 'RPT-CANARY-GMP-NFD', target: 'AG-GMP', type: 'ORIGINATED_BY', props: {}, reportIds: [], markings: same(gmpNfd) },
    { source: 'RPT-CANARY-GMP-NFD', target: seedIds.subject(1, 0), type: 'MENTIONS', props: {}, reportIds: [], markings: same(gmpNfd) },
    { source: 'RPT-CANARY-NCA', target: 'SUB-CANARY-KESTREL', type: 'MENTIONS', props: {}, reportIds: [], markings: same(ncaSecret) },
    // A link resting only on the NCA canary report: its existence is itself SECRET.
    { source: 'SUB-CANARY-KESTREL', target: s1, type: 'ASSOCIATE_OF', props: { kind: 'BUSINESS' }, reportIds: ['RPT-CANARY-NCA'], markings: same(kestrel) },
    // Direction: questions about the first cluster's group and principal.
    { source: 'Q-1', target: ocg, type: 'CONCERNS', props: {}, reportIds: [], markings: markings('AG-WMP') },
    { source: 'Q-2', target: s0, type: 'CONCERNS', props: {}, reportIds: [], markings: markings('AG-WMP') },
    { source: 'Q-3', target: ocg, type: 'CONCERNS', props: {}, reportIds: [], markings: markings('AG-WMP') },
    { source: seedIds.report(0, 0), target: 'Q-2', type: 'ANSWERS', props: {}, reportIds: [], markings: markings('AG-WMP') },
    { source: seedIds.report(0, 1), target: 'Q-1', type: 'ANSWERS', props: {}, reportIds: [], markings: markings('AG-WMP') },
  ];
  return { entities, links };
}

// ---------------------------------------------------------------------------------------------

/**
 * Yields the seed data in batches. The first batch is the reference data (agencies, areas,
 * sources, direction); then clusters, ~`batchRows` rows per batch. Every link's endpoints and
 * provenance reports are in its own batch or an earlier one.
 */
export function* generateSeed(opts: SeedOptions): Generator<SeedBatch> {
  const plan = SEED_PLAN[opts.size];
  if (!plan) throw new Error(`Unknown seed size ${JSON.stringify(opts.size)}; expected demo, medium, large or huge`);
  const seed = (opts.seed ?? 1) >>> 0;
  const batchRows = Math.max(1000, opts.batchRows ?? 15000);
  const clustersPerBatch = Math.max(1, Math.floor(batchRows / 380));
  const total = plan.clusters + 1;
  const { batch, world } = buildWorld(plan);
  const shard = opts.shard ?? { index: 0, count: 1 };
  if (shard.index === 0) yield { ...batch, progress: { done: 1, total } };

  const offsetRng = new Rng(streamSeed(seed, 0));
  const offsets = { vrm: offsetRng.int(0, VRM_SPACE - 1), phone: offsetRng.int(0, 99_999_999) };
  for (let start = 0, n = 1; start < plan.clusters; start += clustersPerBatch, n++) {
    if (n % shard.count !== shard.index) continue;
    const entities: EntityInput[] = [];
    const links: LinkInput[] = [];
    const end = Math.min(plan.clusters, start + clustersPerBatch);
    for (let c = start; c < end; c++) {
      const out = generateCluster(c, seed, world, offsets, plan.evidence);
      entities.push(...out.entities);
      links.push(...out.links);
    }
    if (start === 0) {
      const extra = firstClusterExtras();
      entities.push(...extra.entities);
      links.push(...extra.links);
    }
    yield { entities, links, progress: { done: end + 1, total } };
  }
}
