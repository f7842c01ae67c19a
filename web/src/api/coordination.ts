// Coordination items (问题诉求): docs/api.md, "Coordination items".
import { request } from './client';

export type CoordinationStatus = 'open' | 'in_progress' | 'resolved' | 'closed' | 'reopened';
// The board's columns: the workflow's order, reopened items last as they loop back to in_progress.
export const coordinationStatuses: CoordinationStatus[] = ['open', 'in_progress', 'resolved', 'closed', 'reopened'];
export type CoordinationCategory = 'land' | 'planning_approval' | 'financing' | 'utilities' | 'labour' | 'environment' | 'other';
export const coordinationCategories: CoordinationCategory[] = ['land', 'planning_approval', 'financing', 'utilities', 'labour', 'environment', 'other'];
export type CoordinationLevel = 'zone' | 'city' | 'province';
export const coordinationLevels: CoordinationLevel[] = ['zone', 'city', 'province'];

export interface CoordinationItem {
  id: number;
  project_id: number;
  project_code: string;
  project_name: string;
  zone_id: number;
  zone_name: string;
  city_code: string;
  category: CoordinationCategory;
  description: string;
  level: CoordinationLevel;
  responsible_department: string;
  deadline: string;
  status: CoordinationStatus;
  resolution: string | null;
  reopen_reason: string | null;
  overdue: boolean;
  next_statuses: CoordinationStatus[];
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoordinationPage {
  items: CoordinationItem[];
  total: number;
  page: number;
  page_size: number;
}

export interface CoordinationQuery {
  status?: CoordinationStatus;
  category?: CoordinationCategory;
  level?: CoordinationLevel;
  overdue?: boolean;
  zone?: number;
  city?: string;
  page?: number;
  page_size?: number;
}

// A change through the workflow; absent fields stay as they are.
export interface CoordinationChange {
  category?: CoordinationCategory;
  description?: string;
  responsible_department?: string;
  deadline?: string;
  level?: CoordinationLevel;
  status?: CoordinationStatus;
  resolution?: string;
  reopen_reason?: string;
}

export interface NewCoordinationItem {
  category: CoordinationCategory;
  description: string;
  responsible_department: string;
  deadline: string;
  level: CoordinationLevel;
}

export interface Versioned<T> {
  item: T;
  etag: string;
}

// The items of every project in scope, or of one project when `projectId` is given.
export async function listItems(query: CoordinationQuery, projectId?: number): Promise<CoordinationPage> {
  const path = projectId === undefined ? '/api/v1/coordination-items' : `/api/v1/projects/${projectId}/coordination-items`;
  return (await request<CoordinationPage>('GET', path, { query: { ...query } })).data;
}

// One item with the ETag a change must send back.
export async function getItem(id: number): Promise<Versioned<CoordinationItem>> {
  const answer = await request<CoordinationItem>('GET', `/api/v1/coordination-items/${id}`);
  return { item: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
}

export async function changeItem(id: number, etag: string, change: CoordinationChange): Promise<Versioned<CoordinationItem>> {
  const answer = await request<CoordinationItem>('PATCH', `/api/v1/coordination-items/${id}`, { body: change, ifMatch: etag });
  return { item: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
}

export async function raiseItem(projectId: number, item: NewCoordinationItem): Promise<CoordinationItem> {
  return (await request<CoordinationItem>('POST', `/api/v1/projects/${projectId}/coordination-items`, { body: item })).data;
}
