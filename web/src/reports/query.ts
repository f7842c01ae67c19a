// Reading a page's filters from the URL: strings only, anything else is absent.
import type { LocationQuery } from 'vue-router';

export function queryText(query: LocationQuery, key: string): string {
  const v = query[key];
  return typeof v === 'string' ? v : '';
}

export function queryNumber(query: LocationQuery, key: string): number | undefined {
  const n = Number(queryText(query, key));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
