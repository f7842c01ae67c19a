// Projects: the list and one project (docs/api.md, "Projects" and "Shapes").
import { request } from './client';

export type Stage = 'reserve' | 'signed' | 'started' | 'producing' | 'at_capacity';
export type ProjectStatus = 'active' | 'suspended' | 'cancelled';
export const stages: Stage[] = ['reserve', 'signed', 'started', 'producing', 'at_capacity'];
export const statuses: ProjectStatus[] = ['active', 'suspended', 'cancelled'];

export interface Project {
  id: number;
  code: string;
  name: string;
  zone_id: number;
  zone_name: string;
  region_code: string;
  city_code: string;
  investors: string[];
  industry: string;
  total_investment: string;
  stage: Stage;
  status: ProjectStatus;
  version: number;
}

export interface ProjectPage {
  items: Project[];
  total: number | null;
  total_exact: boolean | null;
  page: number | null;
  page_size: number;
  next_cursor: string | null;
}

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
