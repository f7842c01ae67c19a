// Warning lights (亮灯): docs/api.md, "Warning lights".
import { request } from './client';

export type Light = 'green' | 'yellow' | 'red';
export type WarningRule =
  | 'start_overdue'
  | 'production_overdue'
  | 'capacity_overdue'
  | 'report_missing'
  | 'investment_behind'
  | 'coordination_overdue'
  | 'stats_entry_missing'
  | 'approval_lapse'
  | 'commitment_missed';
export const warningRules: WarningRule[] = [
  'start_overdue',
  'production_overdue',
  'capacity_overdue',
  'report_missing',
  'investment_behind',
  'coordination_overdue',
  'stats_entry_missing',
  'approval_lapse',
  'commitment_missed',
];

export interface LightReason {
  rule: WarningRule;
  light: Light;
  text: string; // in the UI's language
}

export interface Warning {
  project_id: number;
  code: string;
  name: string;
  zone_id: number;
  zone_name: string;
  city_code: string;
  industry_code: string;
  stage: string;
  light: Exclude<Light, 'green'>;
  reasons: LightReason[];
  since: string;
}

export interface WarningCount {
  key: string;
  red: number;
  yellow: number;
}

export interface WarningCounts {
  red: number;
  yellow: number;
  by_city: WarningCount[];
  by_zone: WarningCount[];
  by_industry: WarningCount[];
  by_rule: WarningCount[];
}

export interface WarningPage {
  items: Warning[];
  counts: WarningCounts;
  total: number;
  page: number;
  page_size: number;
}

export interface WarningQuery {
  light?: 'yellow' | 'red';
  city?: string;
  zone?: number;
  industry?: string;
  rule?: WarningRule;
  page?: number;
  page_size?: number;
}

export interface LightChange {
  from: Light;
  to: Light;
  on: string;
  rule_version: number;
}

export interface ProjectLights {
  project_id: number;
  light: Light;
  reasons: LightReason[];
  since: string | null;
  rule_version: number;
  history: LightChange[];
}

export async function listWarnings(query: WarningQuery): Promise<WarningPage> {
  return (await request<WarningPage>('GET', '/api/v1/warnings', { query: { ...query } })).data;
}

export async function projectLights(projectId: number): Promise<ProjectLights> {
  return (await request<ProjectLights>('GET', `/api/v1/projects/${projectId}/lights`)).data;
}

// The element-plus tag type of a light.
export function lightTagType(light: Light): 'danger' | 'warning' | 'success' {
  return light === 'red' ? 'danger' : light === 'yellow' ? 'warning' : 'success';
}
