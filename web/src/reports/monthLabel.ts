// A month named for the reader: "2022年7月" in Chinese, "Jul 2022" in English.
import { useI18n } from 'vue-i18n';

import { monthParts } from '@/format/months';

export function useMonthLabel(): (month: string) => string {
  const { t, locale } = useI18n();
  return (month: string) => {
    const { year, month: m } = monthParts(month);
    const name = new Intl.DateTimeFormat(locale.value, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
    return t('reports.monthLabel', { year, month: m, name });
  };
}
