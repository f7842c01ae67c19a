// What a campaign's entry list can be narrowed to: the cities of the caller's scope and their zones.
import type { CityLine } from '@/api/campaigns';
import type { Zone } from '@/api/catalog';

export interface Choice {
  value: string;
  label: string;
}

// The summary's cities (each city with a zone in the caller's scope), named in the UI's language.
export function cityChoices(cities: CityLine[], english: boolean): Choice[] {
  return cities.map((c) => ({ value: c.city_code, label: (english ? c.name_en : c.name) || c.city_code }));
}

// The zones the dictionary gives the caller (its scope's), only the chosen city's when there is one.
export function zoneChoices(zones: Zone[], city: string): Choice[] {
  const prefix = city.slice(0, 4);
  return zones
    .filter((z) => !city || z.region_code.startsWith(prefix))
    .map((z) => ({ value: String(z.id), label: z.name }));
}
