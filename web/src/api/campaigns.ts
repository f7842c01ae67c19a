// Campaigns (三个一批活动): the list, one campaign and its writes (create, edit, hold, close), its
// entries and their steps, the summary in the caller's scope, the changes since it was held and the
// bulletin's address (docs/api.md, "Campaigns").
import { type Answer, request } from './client';
import type { ProjectStatus, Stage } from './projects';

export type BatchKind = 'sign' | 'start' | 'produce';
export const batchKinds: BatchKind[] = ['sign', 'start', 'produce'];

export type CampaignStatus = 'planning' | 'held' | 'closed';
export const campaignStatuses: CampaignStatus[] = ['planning', 'held', 'closed'];

export type EntryStatus = 'proposed' | 'confirmed' | 'withdrawn';
export const entryStatuses: EntryStatus[] = ['proposed', 'confirmed', 'withdrawn'];

export interface Venue {
  name: string;
  region_code: string;
  main: boolean;
  zone_id: number | null; // a branch venue of one zone
}

export interface Campaign {
  id: number;
  name: string;
  date: string;
  year: number;
  sequence: number; // the n-th campaign of its year
  status: CampaignStatus;
  held_on: string | null;
  venues: Venue[];
  version: number;
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

export interface EntryProject {
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
}

export interface CampaignEntry {
  campaign_id: number;
  project_id: number;
  batch: BatchKind;
  status: EntryStatus;
  reason: string; // a withdrawal's
  project: EntryProject;
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
  status?: EntryStatus;
  page?: number;
  page_size?: number;
}

// What a held campaign counted for a batch, against what its entries would count today.
export interface BatchChange {
  batch: BatchKind;
  projects_counted: number;
  total_investment_counted: string;
  projects_now: number;
  total_investment_now: string;
}

export interface ChangedEntry {
  project_id: number;
  batch: BatchKind;
  status: EntryStatus;
  reason: string;
  project_name: string;
  counted: { zone_id: number; industry: string; total_investment: string };
  now: { zone_id: number; industry: string; total_investment: string; stage: Stage; status: ProjectStatus };
}

export interface CampaignChanges {
  campaign: Campaign;
  batches: BatchChange[];
  changed: number; // entries that differ today; `entries` holds the first 200
  entries: ChangedEntry[];
}

// The body of a create or an edit: the fields a campaign's form sets.
export interface CampaignBody {
  name?: string;
  date?: string;
  sequence?: number;
  venues?: Venue[];
}

export async function listCampaigns(): Promise<Campaign[]> {
  return (await request<{ items: Campaign[] }>('GET', '/api/v1/campaigns')).data.items;
}

export async function getCampaign(id: number): Promise<Answer<Campaign>> {
  return request<Campaign>('GET', `/api/v1/campaigns/${id}`);
}

export async function createCampaign(body: CampaignBody): Promise<Answer<Campaign>> {
  return request<Campaign>('POST', '/api/v1/campaigns', { body });
}

export async function updateCampaign(id: number, body: CampaignBody, etag: string): Promise<Answer<Campaign>> {
  return request<Campaign>('PATCH', `/api/v1/campaigns/${id}`, { body, ifMatch: etag });
}

// Holding and closing take the ETag the user saw, so a campaign changed meanwhile is not held unseen.
export async function holdCampaign(id: number, etag: string | null): Promise<Answer<Campaign>> {
  return request<Campaign>('POST', `/api/v1/campaigns/${id}/hold`, { ifMatch: etag ?? undefined });
}

export async function closeCampaign(id: number, etag: string | null): Promise<Answer<Campaign>> {
  return request<Campaign>('POST', `/api/v1/campaigns/${id}/close`, { ifMatch: etag ?? undefined });
}

export async function campaignSummary(id: number): Promise<CampaignSummary> {
  return (await request<CampaignSummary>('GET', `/api/v1/campaigns/${id}/summary`)).data;
}

export async function campaignChanges(id: number): Promise<CampaignChanges> {
  return (await request<CampaignChanges>('GET', `/api/v1/campaigns/${id}/changes`)).data;
}

export async function listCampaignEntries(id: number, filters: EntryFilters): Promise<EntryPage> {
  return (await request<EntryPage>('GET', `/api/v1/campaigns/${id}/entries`, { query: { ...filters } })).data;
}

export async function enterProject(id: number, projectId: number, batch: BatchKind): Promise<CampaignEntry> {
  return (await request<CampaignEntry>('POST', `/api/v1/campaigns/${id}/entries`, { body: { project_id: projectId, batch } })).data;
}

function entryPath(entry: Pick<CampaignEntry, 'campaign_id' | 'project_id' | 'batch'>): string {
  return `/api/v1/campaigns/${entry.campaign_id}/entries/${entry.project_id}/${entry.batch}`;
}

export async function confirmEntry(entry: CampaignEntry): Promise<CampaignEntry> {
  return (await request<CampaignEntry>('POST', `${entryPath(entry)}/confirm`)).data;
}

export async function removeEntry(entry: CampaignEntry): Promise<void> {
  await request<void>('DELETE', entryPath(entry));
}

export async function withdrawEntry(entry: CampaignEntry, reason: string): Promise<CampaignEntry> {
  return (await request<CampaignEntry>('POST', `${entryPath(entry)}/withdraw`, { body: { reason } })).data;
}

export type BulletinFormat = 'html' | 'docx' | 'md';
export type BulletinLanguage = 'zh' | 'en';

// The bulletin is a document the browser opens or saves itself (a link or a frame, with the session
// cookie), so the page needs its address, not its content.
export function bulletinUrl(id: number, lang: BulletinLanguage, format: BulletinFormat): string {
  return `/api/v1/campaigns/${id}/bulletin?${new URLSearchParams({ lang, format }).toString()}`;
}
