// The enterprise register: GET /api/v1/enterprises?credit_code= (exact look-up, zero or one) and
// POST /api/v1/enterprises (docs/api.md, "Enterprises").
import { request } from './client';

export interface Enterprise {
  id: number;
  name: string;
  credit_code: string;
}

export async function findEnterprise(creditCode: string): Promise<Enterprise | null> {
  const answer = await request<{ items: Enterprise[] }>('GET', '/api/v1/enterprises', { query: { credit_code: creditCode } });
  return answer.data.items[0] ?? null;
}

export async function registerEnterprise(name: string, creditCode: string): Promise<Enterprise> {
  return (await request<Enterprise>('POST', '/api/v1/enterprises', { body: { name, credit_code: creditCode } })).data;
}
