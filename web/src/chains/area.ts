// The area a chain page counts in, from its URL: a zone, else a city, else the user's whole scope.
import type { ChainArea } from '@/api/chains';

export function areaOf(city: string, zone: string): ChainArea {
  const zoneId = Number(zone);
  if (zone && Number.isInteger(zoneId) && zoneId > 0) return { zone: zoneId };
  if (/^\d{6}$/.test(city)) return { region: city };
  return {};
}
