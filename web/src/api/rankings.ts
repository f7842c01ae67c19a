// Zone rankings (开发区排名) and their weights: docs/api.md, "Rankings" and "As of a day".
import { request } from './client';

export type IndicatorName =
  | 'signed_investment'
  | 'start_rate'
  | 'production_rate'
  | 'capacity_rate'
  | 'investment_completion'
  | 'coordination_on_time'
  | 'output_per_mu'
  | 'tax_per_mu';

export interface IndicatorFact {
  name: IndicatorName;
  group: string;
  group_label: string; // in the UI's language
  label: string;
  weight: number;
}

export interface IndicatorValue {
  numerator: number;
  denominator: number;
  value: string | number | null;
  text: string;
  points: string;
}

export interface RankingItem {
  zone_id: number;
  zone_name: string;
  city_code: string;
  rank: number;
  score: string;
  previous_rank: number | null;
  rank_change: number | null;
  indicators: Record<IndicatorName, IndicatorValue>;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface Correction {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: number;
  project_id: number;
  changes: FieldChange[];
}

export interface Corrections {
  total: number;
  items: Correction[];
}

export interface Ranking {
  period: string;
  from: string;
  to: string;
  counted_until: string;
  previous_period: string;
  as_of: string | null;
  weights_version: number;
  indicators: IndicatorFact[];
  items: RankingItem[];
  corrections: Corrections | null;
}

export interface RankingQuery {
  period: string;
  as_of?: string;
  city?: string;
}

export async function getRanking(query: RankingQuery): Promise<Ranking> {
  return (await request<Ranking>('GET', '/api/v1/rankings', { query: { ...query } })).data;
}
