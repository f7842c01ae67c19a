// How the project pages name things in the UI's language: field names as the API spells them
// (`planned.start`, `funding[0].amount`, `funding.bank_loans`), money with its unit, catalog codes.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

import { fundingSources } from '@/api/projects';
import { type MoneyUnit, formatMoney } from '@/format/money';
import { useCatalogStore } from '@/stores/catalog';

const hundredMillionFen = 10_000_000_000n;

// 亿元 from one yi up, else 万元: a figure reads the way officials write it.
export function unitFor(yuan: string): MoneyUnit {
  const m = /^-?(\d+)/.exec(yuan.trim());
  return m && BigInt(m[1] ?? '0') * 100n >= hundredMillionFen ? 'yi' : 'wan';
}

export function useProjectWords() {
  const { t, te, locale } = useI18n();
  const catalog = useCatalogStore();
  const english = computed(() => locale.value === 'en');

  // `funding[2].amount` → the label of `funding.amount`; `funding.own_funds` (audit) → 资金来源·自有资金.
  function fieldLabel(apiName: string): string {
    const path = apiName.replace(/\[\d+\]/g, '');
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const tail = dot < 0 ? '' : path.slice(dot + 1);
    if (head === 'funding' && (fundingSources as string[]).includes(tail)) {
      return `${t('projectFields.funding')} · ${t(`projectVocab.funding.${tail}`)}`;
    }
    // campaign_entry.start, and its .status and .reason (campaign_workflow.cpp records all three).
    const [batch, part] = tail.split('.');
    if (head === 'campaign_entry' && te(`projectVocab.batch.${batch}`)) {
      const entry = `${t('projectFields.campaign_entry')} · ${t(`projectVocab.batch.${batch}`)}`;
      return part && te(`projectFields.${part}`) ? `${entry} · ${t(`projectFields.${part}`)}` : entry;
    }
    const key = `projectFields.${path.replace(/\./g, '__')}`;
    const label = te(key) ? t(key) : apiName;
    const row = /\[(\d+)\]/.exec(apiName);
    return row ? t('projectFields.row', { label, n: Number(row[1]) + 1 }) : label;
  }

  // "1.76 亿元" / "17,607.00 万元"; empty for no value.
  function money(yuan: string | null | undefined, unit?: MoneyUnit): string {
    if (yuan === null || yuan === undefined || yuan === '') return '';
    const u = unit ?? unitFor(yuan);
    return `${formatMoney(yuan, u)} ${t(`projectVocab.units.${u}`)}`;
  }

  function industryName(code: string): string {
    const i = catalog.industries.find((x) => x.code === code);
    return i ? (english.value ? i.name_en : i.name) : code;
  }

  function cityName(code: string): string {
    return catalog.regionName(code, english.value);
  }

  function tagName(code: string): string {
    return te(`projectVocab.tags.${code}`) ? t(`projectVocab.tags.${code}`) : code;
  }

  // A share in basis points (8000 → 80.0%).
  function share(bp: number | null | undefined): string {
    return bp === null || bp === undefined ? '' : `${(bp / 100).toFixed(1)}%`;
  }

  return { t, te, english, fieldLabel, money, industryName, cityName, tagName, share };
}
