// Regions, zones and industries, loaded once per session and named in the UI's language.
import { defineStore } from 'pinia';
import { ref } from 'vue';

import * as api from '@/api/catalog';

export const useCatalogStore = defineStore('catalog', () => {
  const regions = ref<api.Region[]>([]);
  const zones = ref<api.Zone[]>([]);
  const industries = ref<api.Industry[]>([]);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= Promise.all([api.regions(), api.zones(), api.industries()]).then(
      ([r, z, i]) => {
        regions.value = r;
        zones.value = z;
        industries.value = i;
      },
      (e: unknown) => {
        loading = null;  // asked again next time
        throw e;
      },
    );
    return loading;
  }

  function regionName(code: string, english: boolean): string {
    const region = regions.value.find((r) => r.code === code);
    return region ? (english ? region.name_en : region.name) : code;
  }

  function zoneName(id: number): string {
    return zones.value.find((z) => z.id === id)?.name ?? `#${id}`;
  }

  function forget(): void {
    regions.value = [];
    zones.value = [];
    industries.value = [];
    loading = null;
  }

  return { regions, zones, industries, load, regionName, zoneName, forget };
});
