// The address of a list's XLSX export: the list's own filters (never its paging), the chosen unit
// of money and the UI's language (docs/api.md, "Exporting the project list" and alike).
export type ExportUnit = '元' | '万元' | '亿元';
export const exportUnits: ExportUnit[] = ['元', '万元', '亿元'];
export const defaultExportUnit: ExportUnit = '亿元';

// What a list's query may hold; empty values are not filters.
export type ListQuery = Record<string, string | number | boolean | null | undefined>;

// Paging belongs to the list on screen: the workbook holds every row, and the server refuses these.
const pagingKeys = new Set(['page', 'page_size', 'cursor', 'owed_page', 'unit', 'lang']);

export interface ExportOptions {
  unit?: ExportUnit; // left out for lists without money
  language: string; // the UI's: 'zh-CN' or 'en'
}

export function exportUrl(path: string, query: ListQuery, options: ExportOptions): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (pagingKeys.has(key) || value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  if (options.unit) params.set('unit', options.unit);
  params.set('lang', options.language === 'en' ? 'en' : 'zh');
  return `${path}?${params.toString()}`;
}

// Only the keys a list's export accepts, from a page's URL query (which may hold more).
export function pick(query: object, keys: readonly string[]): ListQuery {
  const picked: ListQuery = {};
  for (const key of keys) {
    const value = (query as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') picked[key] = value;
  }
  return picked;
}

// The filters each list's export accepts (docs/api.md): the list's own, without paging.
export const exportKeys = {
  projects: ['city', 'zone', 'industry', 'stage', 'status', 'q', 'national_code', 'sort', 'order'],
  entries: ['batch', 'city', 'zone', 'status'],
  reports: ['month', 'status', 'zone', 'city'],
  coordination: ['status', 'category', 'level', 'overdue', 'zone', 'city'],
} as const;
