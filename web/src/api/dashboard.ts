// GET /api/v1/dashboard and the campaign summary it carries (docs/api.md, "Dashboard" and "Shapes").
import { request } from './client';
import type { Stage, ProjectStatus } from './projects';

// One rate: numerator over denominator; `permille` and `text` are null / "—" when nothing to divide.
export interface Rate {
  numerator: number;
  denominator: number;
  permille: number | null;
  text: string;
}

export interface Rates {
  start: Rate;
  production: Rate;
  capacity: Rate;
  on_time_start: Rate;
  on_time_production: Rate;
  on_time_capacity: Rate;
}

export interface Figure {
  projects: number;
  total_investment: string;
}

export interface Campaign {
  id: number;
  name: string;
  date: string;
  venues: { name: string; region_code: string; main: boolean }[];
}

export type Batch = 'sign' | 'start' | 'produce';
export const batches: Batch[] = ['sign', 'start', 'produce'];

export interface CampaignSummary {
  campaign: Campaign;
  batches: (Figure & { batch: Batch })[];
}

export interface Dashboard extends Figure {
  rates: Rates;
  by_stage: (Figure & { stage: Stage })[];
  by_status: (Figure & { status: ProjectStatus })[];
  by_province: (Figure & { province_code: string; name: string; rates: Rates })[];
  by_city: (Figure & { city_code: string; name: string; rates: Rates })[];
  by_zone: (Figure & { zone_id: number; name: string; city_code: string; rates: Rates })[];
  by_industry: (Figure & { industry_code: string; name: string })[];
  campaign: CampaignSummary | null;
}

// Narrowing within the caller's scope; each is optional and they may be combined. (A type, not
// an interface, so it serves as a route's query as it is.)
export type DashboardNarrowing = {
  province?: string;
  city?: string;
  zone?: string;
};

export async function getDashboard(narrowing: DashboardNarrowing = {}): Promise<Dashboard> {
  return (await request<Dashboard>('GET', '/api/v1/dashboard', { query: { ...narrowing } })).data;
}
