// Projects: the list, one project, writing it, moving it along its stages, its history and audit
// trail (docs/api.md: "Projects", "Shapes", "Writing a project", "Moving a project", "Audit log").
import { type Answer, request } from './client';
import type { Light, LightReason } from './warnings';

export type Stage = 'reserve' | 'signed' | 'started' | 'producing' | 'at_capacity';
export type ProjectStatus = 'active' | 'suspended' | 'cancelled';
export const stages: Stage[] = ['reserve', 'signed', 'started', 'producing', 'at_capacity'];
export const statuses: ProjectStatus[] = ['active', 'suspended', 'cancelled'];

export type Milestone = 'sign' | 'start' | 'production' | 'capacity';
export const milestones: Milestone[] = ['sign', 'start', 'production', 'capacity'];
export type Milestones = Record<Milestone, string | null>;

export type ApprovalKind = 'approval' | 'verification' | 'filing';
export const approvalKinds: ApprovalKind[] = ['approval', 'verification', 'filing'];

export interface Approval {
  kind: ApprovalKind;
  date: string | null;
  authority: string;
  document_number: string | null;
  extension: { granted_on: string; start_by: string } | null;
  start_deadline?: string | null; // derived, read-only
  lapse_date?: string | null; // derived, read-only
}

export type FundingSource =
  | 'central_budget'
  | 'provincial_budget'
  | 'special_bonds'
  | 'bank_loans'
  | 'own_funds'
  | 'foreign_capital'
  | 'other';
export const fundingSources: FundingSource[] = [
  'central_budget',
  'provincial_budget',
  'special_bonds',
  'bank_loans',
  'own_funds',
  'foreign_capital',
  'other',
];

export interface FundingPart {
  source: FundingSource;
  amount: string;
}

export interface CapacityAgreement {
  output_value: string;
  tax: string;
  jobs: number;
  land_area_mu: string | null;
  output_per_mu?: string | null; // derived
  tax_per_mu?: string | null; // derived
}

export interface RealisedYear {
  year: number;
  output_value: string;
  tax: string;
  jobs: number;
  output_per_mu?: string | null; // derived
  tax_per_mu?: string | null;
  output_share_bp?: number | null; // share of the agreement in basis points
  tax_share_bp?: number | null;
  jobs_share_bp?: number | null;
}

// The project tags the server knows (docs/api.md names the field, not its vocabulary; these are
// the codes the server accepts).
export const projectTags = [
  'provincial_key',
  'city_key',
  'new_infrastructure',
  'chain_extension',
  'foreign_investment',
  'hundred_million',
] as const;

export interface Project {
  id: number;
  code: string;
  name: string;
  zone_id: number;
  zone_name: string;
  region_code: string;
  city_code: string;
  investor_ids: number[];
  investors: string[];
  industry: string;
  chain_node_id: number | null;
  total_investment: string;
  construction_content: string;
  planned: Milestones;
  actual: Milestones;
  stage: Stage;
  status: ProjectStatus;
  annual_planned_investment: string;
  expected_output_value: string;
  expected_tax: string;
  expected_jobs: number;
  land_area_mu: string;
  responsible_unit: string;
  responsible_post: string;
  tags: string[];
  synthetic: boolean;
  version: number;
  national_code: string | null;
  national_code_legacy: boolean;
  approval: Approval | null;
  stats_entry_date: string | null;
  code_name: string | null;
  capacity_agreement: CapacityAgreement | null;
  // details only (one project), not list items:
  funding?: FundingPart[];
  realised?: RealisedYear[];
  // Details only (docs/api.md, "Warning lights"): the light as kept and its reasons in words.
  light?: Light;
  light_reasons?: LightReason[];
}

export interface ProjectPage {
  items: Project[];
  total: number | null;
  total_exact: boolean | null;
  page: number | null;
  page_size: number;
  next_cursor: string | null;
}

export const sortKeys = ['code', 'name', 'total_investment', 'planned_start', 'stage'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface ProjectFilters {
  city?: string;
  zone?: string;
  industry?: string;
  stage?: string;
  status?: string;
  q?: string;
  sort?: string;
  order?: string;
  page?: number;
  page_size?: number;
}

export async function listProjects(filters: ProjectFilters): Promise<ProjectPage> {
  return (await request<ProjectPage>('GET', '/api/v1/projects', { query: { ...filters } })).data;
}

// One project with its ETag, which a write must send back as If-Match.
export interface Versioned {
  project: Project;
  etag: string;
}

function versioned(answer: Answer<Project>): Versioned {
  return { project: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
}

export async function getProject(id: number): Promise<Versioned> {
  return versioned(await request<Project>('GET', `/api/v1/projects/${id}`));
}

// The body of a POST or PATCH: the writable fields (docs/api.md "Writing a project").
export type ProjectBody = Record<string, unknown>;

export async function createProject(body: ProjectBody): Promise<Versioned> {
  return versioned(await request<Project>('POST', '/api/v1/projects', { body }));
}

export async function updateProject(id: number, body: ProjectBody, etag: string): Promise<Versioned> {
  return versioned(await request<Project>('PATCH', `/api/v1/projects/${id}`, { body, ifMatch: etag }));
}

export type MoveTarget = Stage | 'suspended' | 'resumed' | 'cancelled';

export interface MoveBody {
  to: MoveTarget;
  date?: string;
  evidence?: string;
  reason?: string;
}

export async function moveProject(id: number, body: MoveBody, etag: string): Promise<Versioned> {
  return versioned(await request<Project>('POST', `/api/v1/projects/${id}/transitions`, { body, ifMatch: etag }));
}

export interface StageChange {
  id?: number;
  project_id: number;
  from_stage: Stage;
  to_stage: Stage;
  from_status: ProjectStatus;
  to_status: ProjectStatus;
  date: string | null;
  correction: boolean;
  reason: string;
  photos?: unknown[];
}

export interface PlannedDateChange {
  project_id: number;
  milestone: Milestone;
  field: string;
  old_date: string | null;
  new_date: string | null;
  slip: boolean;
  reason: string;
  user: string | null;
  changed_at: string;
}

export interface ProjectHistory {
  items: StageChange[];
  planned_date_changes: PlannedDateChange[];
}

export async function projectHistory(id: number): Promise<ProjectHistory> {
  const data = (await request<Partial<ProjectHistory>>('GET', `/api/v1/projects/${id}/history`)).data;
  return { items: data.items ?? [], planned_date_changes: data.planned_date_changes ?? [] };
}

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: number; name: string };
  action: string;
  entity_type: string;
  entity_id: number;
  changes: AuditChange[];
  prev_hash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  next_before: string | number | null;
}

export async function projectAudit(id: number, before?: string | number | null, limit = 20): Promise<AuditPage> {
  const query = { limit, before: before ?? undefined };
  return (await request<AuditPage>('GET', `/api/v1/projects/${id}/audit`, { query })).data;
}
