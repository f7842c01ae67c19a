// The venue's clock and the "as of" time, in China time whatever the browser's zone, so the
// screen agrees with the campaign's own dates.
const zone = 'Asia/Shanghai';

export function dateText(at: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(at);
}

export function timeText(at: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}
