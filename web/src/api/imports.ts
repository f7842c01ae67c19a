// Imports: a spreadsheet uploaded for a preview, the preview read again, the commit, the blank
// templates and the rejected rows as a workbook (docs/api.md, "Imports (spreadsheets in)").
import { request } from './client';

// What a table holds: projects, a campaign's batch list, monthly reports, coordination items.
export type ImportKind = 'projects' | 'entries' | 'reports' | 'coordination';
export const importKinds: ImportKind[] = ['projects', 'entries', 'reports', 'coordination'];

// Where a committed import's rows are seen: the project list, the month's reports, the coordination board.
export function resultPath(kind: string): string {
  if (kind === 'reports') return '/reports';
  if (kind === 'coordination') return '/coordination';
  return '/projects';
}

export interface ImportColumn {
  column: string;
  header: string;
  field: string;
  unit?: 'yuan' | 'wan' | 'yi';
}

export interface IgnoredHeader {
  column: string;
  header: string;
  repeated: boolean;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

// A row to create or update. Kinds other than projects carry more keys: a report's month, an
// item's description, the stored project's id and code, the report or item changed.
export interface PlannedRow {
  row: number;
  name?: string;
  code?: string;
  project_id?: number;
  month?: string; // reports
  description?: string; // coordination
  report_id?: number; // reports: the draft changed
  item_id?: number; // coordination: the item changed
  changes?: FieldChange[];
  [key: string]: unknown;
}

export interface RejectedRow {
  row: number;
  column: string;
  field: string;
  value: string;
  reason: string;
}

export interface RepeatedRow {
  row: number;
  same_as_row: number;
}

export interface NearDuplicate {
  row: number;
  name: string;
  project_id: number;
  project_name: string;
  [key: string]: unknown;
}

export interface TotalCheck {
  row: number;
  label: string;
  field: string;
  column: string;
  stated: string;
  computed: string;
  agrees: boolean;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  repeated: number;
  near_duplicates: number;
}

export interface ImportPreview {
  id: number;
  kind: string;
  file_name: string;
  checksum: string;
  status: 'previewed' | 'committed';
  sheet: string;
  title: string;
  columns: ImportColumn[];
  ignored_headers: IgnoredHeader[];
  counts: ImportCounts;
  created: PlannedRow[];
  updated: PlannedRow[];
  unchanged: (number | PlannedRow)[];
  rejected: RejectedRow[];
  repeated: RepeatedRow[];
  near_duplicates: NearDuplicate[];
  total_checks: TotalCheck[];
}

export interface ImportUpload {
  file: File;
  kind: ImportKind;
  zone?: string; // a zone code, for rows that name none
  sheet?: number; // from 1
  campaign?: number; // entries only
  batch?: string; // entries only
}

// The multipart body POST /api/v1/imports takes; empty choices are left out.
export function uploadForm(upload: ImportUpload): FormData {
  const form = new FormData();
  form.append('kind', upload.kind);
  if (upload.zone) form.append('zone', upload.zone);
  if (upload.sheet && upload.sheet !== 1) form.append('sheet', String(upload.sheet));
  if (upload.kind === 'entries') {
    if (upload.campaign !== undefined) form.append('campaign', String(upload.campaign));
    if (upload.batch) form.append('batch', upload.batch);
  }
  form.append('file', upload.file, upload.file.name);
  return form;
}

export async function uploadImport(upload: ImportUpload): Promise<ImportPreview> {
  return (await request<ImportPreview>('POST', '/api/v1/imports', { form: uploadForm(upload) })).data;
}

export async function getImport(id: number): Promise<ImportPreview> {
  return (await request<ImportPreview>('GET', `/api/v1/imports/${id}`)).data;
}

export async function commitImport(id: number, createNearDuplicates: number[]): Promise<ImportPreview> {
  const body = createNearDuplicates.length > 0 ? { create_near_duplicates: createNearDuplicates } : undefined;
  return (await request<ImportPreview>('POST', `/api/v1/imports/${id}/commit`, { body })).data;
}

// The server's language parameter for the UI's language.
export const serverLanguage = (uiLanguage: string): 'zh' | 'en' => (uiLanguage === 'en' ? 'en' : 'zh');

export function templateUrl(kind: ImportKind, uiLanguage: string): string {
  return `/api/v1/imports/template.xlsx?${new URLSearchParams({ kind, lang: serverLanguage(uiLanguage) }).toString()}`;
}

export function rejectedRowsUrl(id: number, uiLanguage: string): string {
  return `/api/v1/imports/${id}/rejected.xlsx?lang=${serverLanguage(uiLanguage)}`;
}
