// An instant from the API ("2022-05-20T02:00:00Z", "2024-01-15T08:00:00+08:00") shown as China
// time, the clock every user of the system lives by, whatever the browser's zone.
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
