// Monthly progress reports (月报): docs/api.md, "Monthly progress reports".
import { request } from './client';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export const reportStatuses: ReportStatus[] = ['draft', 'submitted', 'returned', 'approved'];

export interface Person {
  id: number;
  name: string;
}

export interface MoneyPair {
  investment_completed: string;
  capital_arrived: string;
}

export interface Report {
  id: number;
  project_id: number;
  project_code: string;
  project_name: string;
  zone_id: number;
  zone_name: string;
  city_code: string;
  month: string;
  investment_completed: string;
  capital_arrived: string;
  progress_text: string;
  percent_complete: number;
  jobs: number;
  status: ReportStatus;
  confirmation_note: string | null;
  return_reason: string | null;
  cumulative: { through: string; official: MoneyPair; including_unapproved: MoneyPair };
  created_by: Person;
  created_at: string;
  submitted_by: Person | null;
  submitted_at: string | null;
  approved_by: Person | null;
  approved_at: string | null;
  returned_by: Person | null;
  returned_at: string | null;
  version: number;
}

// A project that should report for the month and has no report yet, or only a draft.
export interface OwedReport {
  project_id: number;
  project_code: string;
  project_name: string;
  zone_id: number;
  zone_name: string;
  city_code: string;
  stage: string;
  status: string;
  draft_id: number | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

// The six figures a zone types; money as yuan strings (万元 input is converted before this).
export interface ReportFigures {
  investment_completed: string;
  capital_arrived: string;
  progress_text: string;
  percent_complete: number;
  jobs: number;
  confirmation_note: string | null;
}

export interface ReportQuery {
  month?: string;
  status?: ReportStatus;
  zone?: number;
  city?: string;
  page?: number;
  page_size?: number;
}

// The version a report step or change must name; the API accepts it with or without quotes.
const versionTag = (version: number): string => `"${version}"`;

export async function listReports(query: ReportQuery): Promise<Paged<Report>> {
  return (await request<Paged<Report>>('GET', '/api/v1/reports', { query: { ...query } })).data;
}

export async function listMissing(query: { month: string; zone?: number; city?: string; page?: number; page_size?: number }): Promise<Paged<OwedReport>> {
  return (await request<Paged<OwedReport>>('GET', '/api/v1/reports/missing', { query: { ...query } })).data;
}

export async function listProjectReports(projectId: number, query: { page?: number; page_size?: number } = {}): Promise<Paged<Report>> {
  return (await request<Paged<Report>>('GET', `/api/v1/projects/${projectId}/reports`, { query: { ...query } })).data;
}

// Every report of a project, for its chart: a project reports once a month, so a few pages at most.
export async function allProjectReports(projectId: number): Promise<Report[]> {
  const all: Report[] = [];
  for (let page = 1; ; page++) {
    const answer = await listProjectReports(projectId, { page, page_size: 500 });
    all.push(...answer.items);
    if (answer.items.length === 0 || all.length >= answer.total) return all;
  }
}

export async function getReport(id: number): Promise<Report> {
  return (await request<Report>('GET', `/api/v1/reports/${id}`)).data;
}

export async function createReport(projectId: number, month: string, figures: ReportFigures): Promise<Report> {
  return (await request<Report>('POST', `/api/v1/projects/${projectId}/reports`, { body: { month, ...figures } })).data;
}

export async function changeReport(report: Pick<Report, 'id' | 'version'>, figures: ReportFigures): Promise<Report> {
  return (await request<Report>('PATCH', `/api/v1/reports/${report.id}`, { body: figures, ifMatch: versionTag(report.version) })).data;
}

export async function submitReport(report: Pick<Report, 'id' | 'version'>): Promise<Report> {
  return (await request<Report>('POST', `/api/v1/reports/${report.id}/submit`, { ifMatch: versionTag(report.version) })).data;
}

export async function approveReport(report: Pick<Report, 'id' | 'version'>): Promise<Report> {
  return (await request<Report>('POST', `/api/v1/reports/${report.id}/approve`, { ifMatch: versionTag(report.version) })).data;
}

export async function returnReport(report: Pick<Report, 'id' | 'version'>, reason: string): Promise<Report> {
  return (await request<Report>('POST', `/api/v1/reports/${report.id}/return`, { body: { reason }, ifMatch: versionTag(report.version) })).data;
}
