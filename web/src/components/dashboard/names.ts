// Places and industries named in the UI's language from the dictionaries, falling back to the
// name the figures came with (Chinese) while the dictionaries are missing.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

import { useCatalogStore } from '@/stores/catalog';

export function useNames() {
  const { locale } = useI18n();
  const catalog = useCatalogStore();
  const english = computed(() => locale.value === 'en');

  function regionName(code: string, fallback = code): string {
    const r = catalog.regions.find((x) => x.code === code);
    return r ? (english.value ? r.name_en : r.name) : fallback;
  }
  function industryName(code: string, fallback = code): string {
    const i = catalog.industries.find((x) => x.code === code);
    return i ? (english.value ? i.name_en : i.name) : fallback;
  }
  function zoneName(id: number, fallback = `#${id}`): string {
    return catalog.zones.find((z) => z.id === id)?.name ?? fallback;
  }
  return { english, regionName, industryName, zoneName };
}
