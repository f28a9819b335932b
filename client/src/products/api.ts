import type { GraphQLApi } from '../api.js';
import { Q as REQUIREMENT_QUERIES, type TimelineEntry } from '../requirements/model.js';

/**
 * Intelligence products as the API answers them (mirrors of the GraphQL types), and the calls the
 * products dialog makes: the list, one product at a version, what changed between versions, drafting,
 * saving the author's edits, the workflow, the sanitised version for a named agency and its release,
 * what partners released to us, printable documents and the templates.
 */
export type ProductType = 'SUBJECT_PROFILE' | 'PROBLEM_PROFILE' | 'TACTICAL_ASSESSMENT' | 'STRATEGIC_ASSESSMENT';
export type ProductStatus = 'DRAFT' | 'REVIEW' | 'APPROVED' | 'DISSEMINATED' | 'FILED';
export type WorkflowAction = 'SUBMIT' | 'RETURN' | 'APPROVE' | 'REOPEN' | 'FILE';
export type DocumentFormat = 'HTML' | 'PDF';

export interface ProductStatement { id: string; text: string; cites: string[]; citeRefs: string[] }
export interface SnapshotNode { id: string; label: string; type: string; x: number; y: number; lat?: number | null; lon?: number | null }
export interface SnapshotLink { source: string; target: string; type: string }
export interface ProductSnapshot { kind: 'NETWORK' | 'MAP' | string; nodes: SnapshotNode[]; links: SnapshotLink[] }
export interface ProductSection {
  key: string; title: string; source: string; guidance?: string | null;
  statements: ProductStatement[]; snapshot?: ProductSnapshot | null;
}
export interface ProductSource {
  ref: string; reportId: string; grade: string; handling: string; classification: string; agency: string;
  date?: string | null; summary?: string | null;
}
export interface ProductEvent { action: string; from: string; to: string; by: string; byName: string; at: string; comment?: string | null; version: number }
export interface ProductVersion { version: number; title: string; note?: string | null; savedBy: string; savedByName: string; savedAt: string }
export interface ProductReleaseSummary { id: string; recipientAgency: string; recipientAgencyName: string; version: number; releasedAt: string; releasedByName: string; disseminationId: string }

export interface Product {
  id: string; type: ProductType; typeTitle: string; title: string; status: ProductStatus;
  version: number; latestVersion: number; templateVersion: number;
  subjectIds: string[]; crimeType?: string | null; areaId?: string | null;
  classification: string; compartments: string[]; sourceClassification: string; handling: string; agency: string;
  authorUsername: string; authorName: string; createdAt: string; updatedAt: string;
  approvedBy?: string | null; approvedByName?: string | null; approvedAt?: string | null; approvedVersion?: number | null;
  meetingId?: string | null; decisionId?: string | null;
  sections: ProductSection[]; sources: ProductSource[]; history: ProductEvent[]; versions: ProductVersion[]; releases: ProductReleaseSummary[];
}

/** A product in the list: what the list shows. */
export type ProductSummary = Pick<Product, 'id' | 'type' | 'typeTitle' | 'title' | 'status' | 'version' | 'classification' | 'compartments' | 'handling' | 'authorUsername' | 'authorName' | 'createdAt' | 'updatedAt'>;

export interface SanitisedProduct {
  id?: string | null; productId: string; type: ProductType; typeTitle: string; title: string; version: number;
  recipientAgency: string; recipientAgencyName: string; recipientClearance: string; classification: string; handling: string;
  sections: ProductSection[]; sources: ProductSource[]; recordCount: number; withheld?: number | null;
  releasedAt?: string | null; releasedByName?: string | null; originatorAgency?: string | null; originatorName?: string | null; disseminationId?: string | null;
}

export interface SectionDiff { key: string; title: string; added: string[]; removed: string[]; changed: { before: string; after: string }[] }
export interface ProductDocument { filename: string; mimeType: string; content: string; classification: string; pages: number }

export interface TemplateSection { key: string; title: string; source: string; guidance?: string | null }
export interface ProductTemplate { type: ProductType; version: number; title: string; sections: TemplateSection[]; savedBy?: string | null; savedAt?: string | null }
export interface SectionSource { name: string; title: string; types: ProductType[] }

export interface DraftProductInput {
  type: ProductType; title: string; subjectIds?: string[]; crimeType?: string | null; areaId?: string | null;
  classification: string; compartments: string[]; handling: 'P' | 'C';
}
export interface StatementInput { id?: string; text: string; cites: string[] }
export interface SectionInput { key: string; statements: StatementInput[] }
export interface SaveProductInput { id: string; baseVersion: number; sections: SectionInput[]; title?: string; note?: string }
export interface ProductReleaseInput {
  recipientAgency: string; recipientClearance: string; recipientPerson?: string | null;
  handling: 'P' | 'C'; handlingConditions: string[]; handlingNotes?: string | null;
  purpose: string; lawfulBasis: string; sharingAgreement: string; riskAssessment?: string | null;
  narrative: SectionInput[];
}

/** An agency (the choices offered for a release). */
export interface KnownAgency { id: string; name: string }

const SUMMARY = 'id type typeTitle title status version classification compartments handling authorUsername authorName createdAt updatedAt';
const SECTION = 'key title source guidance statements{ id text cites citeRefs } snapshot{ kind nodes{ id label type x y lat lon } links{ source target type } }';
const SOURCE = 'ref reportId grade handling classification agency date summary';
const PRODUCT = `id type typeTitle title status version latestVersion templateVersion subjectIds crimeType areaId classification compartments
  sourceClassification handling agency authorUsername authorName createdAt updatedAt approvedBy approvedByName approvedAt approvedVersion
  meetingId decisionId sections{ ${SECTION} } sources{ ${SOURCE} } history{ action from to by byName at comment version }
  versions{ version title note savedBy savedByName savedAt } releases{ id recipientAgency recipientAgencyName version releasedAt releasedByName disseminationId }`;
const SANITISED = `id productId type typeTitle title version recipientAgency recipientAgencyName recipientClearance classification handling
  sections{ ${SECTION} } sources{ ${SOURCE} } recordCount withheld releasedAt releasedByName originatorAgency originatorName disseminationId`;
const TEMPLATE = 'type version title sections{ key title source guidance } savedBy savedAt';

export class ProductsApi {
  constructor(private readonly api: Pick<GraphQLApi, 'request'>) {}

  request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.api.request<T>(query, variables);
  }

  async list(f: { status?: ProductStatus | null; type?: ProductType | null; limit?: number } = {}): Promise<ProductSummary[]> {
    const q = `query Products($s:ProductStatus,$t:ProductType,$l:Int!){ products(status:$s, type:$t, limit:$l){ ${SUMMARY} } }`;
    return (await this.api.request<{ products: ProductSummary[] }>(q, { s: f.status ?? null, t: f.type ?? null, l: f.limit ?? 100 })).products;
  }

  async get(id: string, version?: number | null): Promise<Product> {
    const q = `query Product($id:ID!,$v:Int){ product(id:$id, version:$v){ ${PRODUCT} } }`;
    return (await this.api.request<{ product: Product }>(q, { id, v: version ?? null })).product;
  }

  async diff(id: string, from: number, to: number): Promise<SectionDiff[]> {
    const q = 'query ProductDiff($id:ID!,$f:Int!,$t:Int!){ productDiff(id:$id, from:$f, to:$t){ key title added removed changed{ before after } } }';
    return (await this.api.request<{ productDiff: SectionDiff[] }>(q, { id, f: from, t: to })).productDiff;
  }

  async draft(input: DraftProductInput): Promise<Product> {
    const q = `mutation DraftProduct($i:DraftProductInput!){ draftProduct(input:$i){ ${PRODUCT} } }`;
    return (await this.api.request<{ draftProduct: Product }>(q, { i: input })).draftProduct;
  }

  async save(s: SaveProductInput): Promise<Product> {
    const q = `mutation SaveProduct($id:ID!,$b:Int!,$s:[ProductSectionInput!],$t:String,$n:String){
      saveProduct(id:$id, baseVersion:$b, sections:$s, title:$t, note:$n){ ${PRODUCT} } }`;
    // An unchanged title or an empty note is left out, not sent as null: the server keeps the title it has.
    const vars: Record<string, unknown> = { id: s.id, b: s.baseVersion, s: s.sections };
    if (s.title !== undefined) vars.t = s.title;
    if (s.note !== undefined) vars.n = s.note;
    return (await this.api.request<{ saveProduct: Product }>(q, vars)).saveProduct;
  }

  async action(id: string, action: WorkflowAction, comment?: string | null): Promise<Product> {
    const q = `mutation ProductAction($id:ID!,$a:String!,$c:String){ productAction(id:$id, action:$a, comment:$c){ ${PRODUCT} } }`;
    return (await this.api.request<{ productAction: Product }>(q, { id, a: action, c: comment || null })).productAction;
  }

  async linkToDecision(id: string, meetingId: string, decisionId?: string | null): Promise<Product> {
    const q = `mutation LinkProduct($id:ID!,$m:ID!,$d:ID){ linkProductToDecision(id:$id, meetingId:$m, decisionId:$d){ ${PRODUCT} } }`;
    return (await this.api.request<{ linkProductToDecision: Product }>(q, { id, m: meetingId, d: decisionId || null })).linkProductToDecision;
  }

  async sanitised(id: string, recipientAgency: string, recipientClearance: string): Promise<SanitisedProduct> {
    const q = `query Sanitised($id:ID!,$a:String!,$c:String){ productSanitised(id:$id, recipientAgency:$a, recipientClearance:$c){ ${SANITISED} } }`;
    return (await this.api.request<{ productSanitised: SanitisedProduct }>(q, { id, a: recipientAgency, c: recipientClearance })).productSanitised;
  }

  async disseminate(id: string, input: ProductReleaseInput): Promise<SanitisedProduct> {
    const q = `mutation DisseminateProduct($id:ID!,$i:ProductReleaseInput!){ disseminateProduct(id:$id, input:$i){ ${SANITISED} } }`;
    return (await this.api.request<{ disseminateProduct: SanitisedProduct }>(q, { id, i: input })).disseminateProduct;
  }

  async received(limit = 100): Promise<SanitisedProduct[]> {
    const q = `query ProductsReceived($l:Int!){ productsReceived(limit:$l){ ${SANITISED} } }`;
    return (await this.api.request<{ productsReceived: SanitisedProduct[] }>(q, { l: limit })).productsReceived;
  }

  async release(id: string): Promise<SanitisedProduct> {
    const q = `query ProductRelease($id:ID!){ productRelease(id:$id){ ${SANITISED} } }`;
    return (await this.api.request<{ productRelease: SanitisedProduct }>(q, { id })).productRelease;
  }

  /** A product (or a release, REL-...) as a printable document: HTML text, or a PDF in base 64. */
  async document(id: string, format: DocumentFormat, version?: number | null): Promise<ProductDocument> {
    const q = `query ProductDocument($id:ID!,$f:DocumentFormat!,$v:Int){ productDocument(id:$id, format:$f, version:$v){ filename mimeType content classification pages } }`;
    return (await this.api.request<{ productDocument: ProductDocument }>(q, { id, f: format, v: version ?? null })).productDocument;
  }

  async templates(): Promise<ProductTemplate[]> {
    return (await this.api.request<{ productTemplates: ProductTemplate[] }>(`query ProductTemplates{ productTemplates{ ${TEMPLATE} } }`)).productTemplates;
  }

  async templateVersions(type: ProductType): Promise<ProductTemplate[]> {
    const q = `query ProductTemplateVersions($t:ProductType!){ productTemplateVersions(type:$t){ ${TEMPLATE} } }`;
    return (await this.api.request<{ productTemplateVersions: ProductTemplate[] }>(q, { t: type })).productTemplateVersions;
  }

  async sectionSources(): Promise<SectionSource[]> {
    return (await this.api.request<{ productSectionSources: SectionSource[] }>('query ProductSectionSources{ productSectionSources{ name title types } }')).productSectionSources;
  }

  async saveTemplate(type: ProductType, title: string, sections: TemplateSection[]): Promise<ProductTemplate> {
    const q = `mutation SaveProductTemplate($t:ProductType!,$title:String!,$s:[TemplateSectionInput!]!){ saveProductTemplate(type:$t, title:$title, sections:$s){ ${TEMPLATE} } }`;
    const s = sections.map((x) => ({ key: x.key, title: x.title, source: x.source, guidance: x.guidance || null }));
    return (await this.api.request<{ saveProductTemplate: ProductTemplate }>(q, { t: type, title, s })).saveProductTemplate;
  }

  /** Tasking meetings and decisions between two dates (the decision log), to link a product to. */
  async taskingLog(from: string, to: string): Promise<TimelineEntry[]> {
    return (await this.api.request<{ decisionLog: TimelineEntry[] }>(REQUIREMENT_QUERIES.decisionLog, { f: from, t: to })).decisionLog;
  }

  /** Every agency by name (reference data): the recipients a release can be made to. */
  async knownAgencies(): Promise<KnownAgency[]> {
    return (await this.api.request<{ agencyDirectory: KnownAgency[] }>('query AgencyDirectory{ agencyDirectory{ id name } }')).agencyDirectory;
  }
}
