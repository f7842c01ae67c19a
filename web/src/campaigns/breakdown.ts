// A campaign summary's city and industry lines regrouped for a table and a chart: one row per city
// (or industry) with its figure in each of the three batches.
import { type BatchKind, type BatchSummary, type Figure, batchKinds } from '@/api/campaigns';

export interface BreakdownRow {
  key: string; // city or industry code
  name: string;
  nameEn: string;
  figures: Record<BatchKind, Figure>;
}

interface Line extends Figure {
  key: string;
  name: string;
  nameEn: string;
}

const zero = (): Figure => ({ projects: 0, total_investment: '0' });

// Rows in the order the batches first list their keys; a key missing from a batch counts zero there
// (the server lists every city and industry, but a row must never go missing if it does not).
function regroup(batches: BatchSummary[], linesOf: (b: BatchSummary) => Line[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const batch of batches) {
    for (const line of linesOf(batch)) {
      let row = rows.get(line.key);
      if (!row) {
        row = { key: line.key, name: line.name, nameEn: line.nameEn, figures: { sign: zero(), start: zero(), produce: zero() } };
        rows.set(line.key, row);
      }
      row.figures[batch.batch] = { projects: line.projects, total_investment: line.total_investment };
    }
  }
  return [...rows.values()];
}

export function cityRows(batches: BatchSummary[]): BreakdownRow[] {
  return regroup(batches, (b) =>
    b.by_city.map((c) => ({ ...c, key: c.city_code, name: c.name, nameEn: c.name_en })),
  );
}

// Zones have no English names: the dictionary's name serves both languages.
export function zoneRows(batches: BatchSummary[]): BreakdownRow[] {
  return regroup(batches, (b) => b.by_zone.map((z) => ({ ...z, key: String(z.zone_id), name: z.name, nameEn: z.name })));
}

export function industryRows(batches: BatchSummary[]): BreakdownRow[] {
  return regroup(batches, (b) =>
    b.by_industry.map((i) => ({ ...i, key: i.industry_code, name: i.name, nameEn: i.name_en })),
  );
}

// A row's name in the UI's language; the code when the dictionary gave none.
export function rowName(row: BreakdownRow, english: boolean): string {
  return (english ? row.nameEn : row.name) || row.key;
}

export interface ChartData {
  categories: string[];
  series: { batch: BatchKind; data: number[] }[];
}

// Project counts per row and batch, for a bar chart with one series per batch.
export function chartData(rows: BreakdownRow[], english: boolean): ChartData {
  return {
    categories: rows.map((r) => rowName(r, english)),
    series: batchKinds.map((batch) => ({ batch, data: rows.map((r) => r.figures[batch].projects) })),
  };
}
