// Instants the API gives in China time ("2022-08-05T10:00:00+08:00") shown as "2022-08-05 10:00".
export function formatInstant(at: string | null | undefined): string {
  if (!at) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]}` : at;
}
