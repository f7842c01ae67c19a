// Dictionaries: GET /api/v1/regions, /zones, /industries (docs/api.md, "Shapes").
import { request } from './client';

export interface Region {
  code: string;
  name: string;
  name_en: string;
}

export interface Zone {
  id: number;
  code: string;
  name: string;
  level: string;
  region_code: string;
  leading_industries: string[];
}

export interface Industry {
  code: string;
  name: string;
  name_en: string;
}

interface Items<T> {
  items: T[];
}

export async function regions(): Promise<Region[]> {
  return (await request<Items<Region>>('GET', '/api/v1/regions')).data.items;
}

export async function zones(): Promise<Zone[]> {
  return (await request<Items<Zone>>('GET', '/api/v1/zones')).data.items;
}

export async function industries(): Promise<Industry[]> {
  return (await request<Items<Industry>>('GET', '/api/v1/industries')).data.items;
}
