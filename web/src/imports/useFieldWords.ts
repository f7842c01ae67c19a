// A field of an import in the UI's words, and a value of it as the user reads it: amounts in 亿元
// or 万元, a zone by its name, an industry by its name; anything else as the server gave it.
import { useI18n } from 'vue-i18n';

import type { MoneyUnit } from '@/format/money';
import { showValue } from '@/imports/preview';
import { useCatalogStore } from '@/stores/catalog';

export function useFieldWords(units: () => Map<string, MoneyUnit>) {
  const { t, te, locale } = useI18n();
  const catalog = useCatalogStore();

  function fieldLabel(field: string): string {
    const key = `imports.fields.${field}`;
    return field && te(key) ? t(key) : field;
  }

  function valueText(field: string, value: unknown): string {
    if (value === '' || value === null || value === undefined) return t('imports.preview.blank');
    if (field === 'zone_id' && /^\d+$/.test(String(value))) return catalog.zoneName(Number(value));
    if (field === 'industry' && typeof value === 'string') {
      const i = catalog.industries.find((x) => x.code === value);
      if (i) return locale.value === 'en' ? i.name_en : i.name;
    }
    const shown = showValue(field, value, units());
    return shown.unit ? `${shown.text} ${t(`imports.units.${shown.unit}`)}` : shown.text;
  }

  return { fieldLabel, valueText };
}
