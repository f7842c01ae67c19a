// One field of a form draft as a line of text (a zone's name, money with the unit typed, dates),
// for telling a user's input from the latest saved version.
import type { AgreementDraft, ApprovalDraft, DraftField, FundingRow, Investor, MoneyText, RealisedRow } from './draft';
import { useProjectWords } from './useProjectWords';
import { useCatalogStore } from '@/stores/catalog';

export function usePartText() {
  const words = useProjectWords();
  const { t } = words;
  const catalog = useCatalogStore();
  const none = () => t('projectDetail.none');
  const moneyText = (m: MoneyText): string => (m.amount.trim() ? `${m.amount} ${t(`projectVocab.inputUnits.${m.unit}`)}` : none());

  function partText(field: DraftField, part: unknown): string {
    if (part === null || part === undefined || part === '') return none();
    switch (field) {
      case 'zone_id':
        return catalog.zoneName(part as number);
      case 'industry':
        return words.industryName(part as string);
      case 'tags':
        return (part as string[]).map(words.tagName).join(t('projectVocab.sep.list')) || none();
      case 'investor_ids':
        return (part as Investor[]).map((i) => i.name).join(t('projectVocab.sep.list')) || none();
      case 'total_investment':
      case 'annual_planned_investment':
      case 'expected_output_value':
      case 'expected_tax':
        return moneyText(part as MoneyText);
      case 'funding':
        return (
          (part as FundingRow[])
            .map((f) => `${f.source ? t(`projectVocab.funding.${f.source}`) : none()} ${moneyText(f.amount)}`)
            .join(t('projectVocab.sep.group')) || none()
        );
      case 'approval': {
        const a = part as ApprovalDraft;
        if (!a.kind) return none();
        return [t(`projectVocab.approval.${a.kind}`), a.date ?? '', a.authority, a.document_number].filter(Boolean).join(' · ');
      }
      case 'capacity_agreement': {
        const c = part as AgreementDraft;
        if (!c.present) return none();
        return `${words.fieldLabel('capacity_agreement.output_value')} ${moneyText(c.output_value)}${t('projectVocab.sep.group')}${words.fieldLabel('capacity_agreement.tax')} ${moneyText(c.tax)}`;
      }
      case 'realised':
        return (part as RealisedRow[]).map((r) => `${r.year}: ${moneyText(r.output_value)}`).join(t('projectVocab.sep.group')) || none();
      default:
        return String(part);
    }
  }

  return { fieldLabel: words.fieldLabel, partText };
}
