// Which optional columns the project list shows: the user's choice, remembered in this browser.
export const optionalColumns = [
  'zone',
  'industry',
  'national_code',
  'investors',
  'total_investment',
  'annual_planned_investment',
  'planned_start',
  'stage',
  'status',
] as const;
export type ListColumn = (typeof optionalColumns)[number];

export const defaultColumns: ListColumn[] = ['zone', 'industry', 'total_investment', 'stage', 'status'];

const storageKey = 'sanpi.projects.columns';

// The remembered choice, in the list's order; the default when nothing (or nothing readable) is kept.
export function loadColumns(storage: Pick<Storage, 'getItem'> = localStorage): ListColumn[] {
  try {
    const kept: unknown = JSON.parse(storage.getItem(storageKey) ?? 'null');
    if (!Array.isArray(kept)) return [...defaultColumns];
    return optionalColumns.filter((c) => kept.includes(c));
  } catch {
    return [...defaultColumns];
  }
}

export function saveColumns(columns: readonly string[], storage: Pick<Storage, 'setItem'> = localStorage): ListColumn[] {
  const chosen = optionalColumns.filter((c) => columns.includes(c));
  storage.setItem(storageKey, JSON.stringify(chosen));
  return chosen;
}
