// Campaigns (三个一批活动): the list, a campaign's summary in the caller's scope and its entries
// (docs/api.md, "Campaigns").
import { request } from './client';
import type { ProjectStatus, Stage } from './projects';

export type BatchKind = 'sign' | 'start' | 'produce';
export const batchKinds: BatchKind[] = ['sign', 'start', 'produce'];

export interface Venue {
  name: string;
  region_code: string;
  main: boolean;
}

export interface Campaign {
  id: number;
  name: string;
  date: string;
  venues: Venue[];
}

// A batch's projects and their total investment (a decimal string of yuan) in one place.
export interface Figure {
  projects: number;
  total_investment: string;
}

export interface CityLine extends Figure {
  city_code: string;
  name: string;
  name_en: string;
}

export interface ZoneLine extends Figure {
  zone_id: number;
  name: string;
  city_code: string;
}

export interface IndustryLine extends Figure {
  industry_code: string;
  name: string;
  name_en: string;
}

export interface BatchSummary extends Figure {
  batch: BatchKind;
  by_city: CityLine[];
  by_zone: ZoneLine[];
  by_industry: IndustryLine[];
}

export interface CampaignSummary {
  campaign: Campaign;
  batches: BatchSummary[];
}

export interface CampaignEntry {
  project_id: number;
  batch: BatchKind;
  status: string;
  project: {
    id: number;
    code: string;
    name: string;
    zone_id: number;
    zone_name: string;
    city_code: string;
    industry: string;
    total_investment: string;
    stage: Stage;
    status: ProjectStatus;
  };
}

export interface EntryPage {
  items: CampaignEntry[];
  total: number;
  page: number;
  page_size: number;
}

export interface EntryFilters {
  batch?: BatchKind;
  city?: string;
  zone?: string;
  page?: number;
  page_size?: number;
}

export async function listCampaigns(): Promise<Campaign[]> {
  return (await request<{ items: Campaign[] }>('GET', '/api/v1/campaigns')).data.items;
}

export async function campaignSummary(id: number): Promise<CampaignSummary> {
  return (await request<CampaignSummary>('GET', `/api/v1/campaigns/${id}/summary`)).data;
}

export async function listCampaignEntries(id: number, filters: EntryFilters): Promise<EntryPage> {
  return (await request<EntryPage>('GET', `/api/v1/campaigns/${id}/entries`, { query: { ...filters } })).data;
}
