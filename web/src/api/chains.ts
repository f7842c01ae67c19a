// Industry chains (产业链): docs/api.md, "Industry chains".
import { request } from './client';

export type Segment = 'upstream' | 'midstream' | 'downstream';
export const segments: Segment[] = ['upstream', 'midstream', 'downstream'];

export interface ChainArea {
  region?: string; // a province or city code
  zone?: number;
}

export interface Coverage {
  nodes: number;
  leaves: number;
  gap_leaves: number;
  covered_leaves: number;
  enterprises: number;
  projects: number;
  investment: string; // yuan, exact
}

export interface ChainSummary {
  id: number;
  name: string;
  industry: string;
  industry_name: string;
  leader_post: string;
  version: number;
  owners: number;
  coverage: Coverage;
}

export interface ChainNode {
  id: number;
  chain_id: number;
  parent_id: number | null;
  name: string;
  segment: Segment;
  order: number;
  enterprises: number;
  projects: number;
  investment: string;
  gap: boolean;
}

export interface AreaView {
  kind: string;
  code: string | null;
  name: string;
  neighbours: 'cities' | 'zones' | 'none';
}

export interface ChainTree extends ChainSummary {
  area: AreaView;
  chain_owners: { id: number; name: string; credit_code: string }[];
  nodes: ChainNode[];
}

// A known supplier of one of the chain's owners (链主企业的已知供应商).
export interface Supplier {
  id: number;
  chain_id: number;
  owner: { id: number; name: string; credit_code: string };
  node_id: number;
  name: string;
  credit_code: string | null;
  region: { code: string; name: string };
  version: number;
}

export interface NodeItems {
  node: ChainNode;
  enterprises: { id: number; name: string; credit_code: string }[];
  projects: { id: number; code: string; name: string; zone_name: string; total_investment: string }[];
  suppliers: Supplier[];
}

export interface TargetPlace {
  code: string;
  name: string;
  enterprises: number;
  projects: number;
  investment: string;
  enterprise_names: string[];
  project_list: { id: number; code: string; name: string }[];
}

export interface ChainTarget {
  rank: number;
  node: ChainNode;
  path: string[];
  known_suppliers: number;
  suppliers: Supplier[];
  strong_places: number;
  enterprises_and_projects: number;
  investment: string;
  places: TargetPlace[];
}

export interface ChainTargets {
  area: AreaView;
  rule: string;
  items: ChainTarget[];
}

const query = (area: ChainArea) => ({ region: area.region, zone: area.zone });

export async function listChains(area: ChainArea): Promise<ChainSummary[]> {
  return (await request<{ items: ChainSummary[] }>('GET', '/api/v1/chains', { query: query(area) })).data.items;
}

export async function getChain(id: number, area: ChainArea): Promise<ChainTree> {
  return (await request<ChainTree>('GET', `/api/v1/chains/${id}`, { query: query(area) })).data;
}

export async function getNodeItems(id: number, node: number, area: ChainArea): Promise<NodeItems> {
  return (await request<NodeItems>('GET', `/api/v1/chains/${id}/nodes/${node}`, { query: query(area) })).data;
}

export async function getTargets(id: number, area: ChainArea): Promise<ChainTargets> {
  return (await request<ChainTargets>('GET', `/api/v1/chains/${id}/targets`, { query: query(area) })).data;
}

// Province only; `version` is the chain's (its ETag). 409 while projects map to its nodes.
export async function deleteChain(id: number, version: number): Promise<void> {
  await request<unknown>('DELETE', `/api/v1/chains/${id}`, { ifMatch: `"${version}"` });
}
