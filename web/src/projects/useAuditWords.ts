// How an audit entry's changes read in the UI's language: each field by its label and each value
// in the words the project pages use (money with its unit, stages, industries, zones, tags). The
// project's audit trail and the rankings' corrections list show the same entries.
import { entryStatusKey } from '@/campaigns/labels';
import { useCatalogStore } from '@/stores/catalog';
import { useProjectWords } from '@/projects/useProjectWords';

const moneyField = /(^|\.)(total_investment|annual_planned_investment|expected_output_value|expected_tax|output_value|tax|amount|investment_completed|capital_arrived)$|^funding\./;

// `campaignName` names a campaign by its id (campaign_entry.<batch> records the campaign's id); a
// caller that has not loaded the campaigns shows the id as 第 N 号 / No. N.
export function useAuditWords(campaignName: (id: number) => string | undefined = () => undefined) {
  const words = useProjectWords();
  const { t, te, money, industryName, tagName } = words;
  const catalog = useCatalogStore();

  function reportStatus(s: string): string {
    return te(`projectVocab.reportStatus.${s}`) ? t(`projectVocab.reportStatus.${s}`) : s;
  }

  // One side of a change of `field` on an entity of `entityType`.
  function changeValue(entityType: string, field: string, value: string | null): string {
    if (value === null || value === '') return t('projectDetail.none');
    // The demo's bulk load lists "2022-06:approved,2022-07:submitted".
    if (field === 'reports') return value.split(',').map((r) => r.replace(/:(\w+)$/, (_m, s: string) => ` ${reportStatus(s)}`)).join(', ');
    if (entityType === 'report' && field === 'status') return reportStatus(value);
    if (entityType === 'coordination_item') {
      const vocab = { status: 'coordination.status', category: 'coordination.category', level: 'coordination.level' }[field];
      return vocab && te(`${vocab}.${value}`) ? t(`${vocab}.${value}`) : value;
    }
    if (entityType !== 'project') return value;
    if (/^campaign_entry\.\w+$/.test(field) && /^\d+$/.test(value)) {
      return campaignName(Number(value)) ?? t('projectDetail.audit.campaignNumber', { n: value });
    }
    if (/^campaign_entry\.\w+\.status$/.test(field)) {
      const key = entryStatusKey(value);
      return key ? t(key) : value;
    }
    if (moneyField.test(field) && /^\d+(\.\d+)?$/.test(value)) return money(value);
    if (field === 'stage' && te(`stages.${value}`)) return t(`stages.${value}`);
    if (field === 'status' && te(`statuses.${value}`)) return t(`statuses.${value}`);
    if (field === 'industry') return industryName(value);
    if (field === 'zone_id') return catalog.zoneName(Number(value));
    if (field === 'tags') return value.split(',').map(tagName).join(t('projectVocab.sep.list'));
    return value;
  }

  // The label of a changed field: a project's from the project pages' words, a report's and a
  // coordination item's from their own pages' (the names audit_fields_lifecycle.cpp records).
  const reportFields: Record<string, string> = {
    project_id: 'reports.project',
    month: 'reports.month',
    status: 'reports.column.status',
    return_reason: 'reports.returnReason',
  };
  const coordinationFields: Record<string, string> = {
    project_id: 'coordination.project',
    category: 'coordination.categoryLabel',
    description: 'coordination.descriptionLabel',
    level: 'coordination.levelLabel',
    responsible_department: 'coordination.responsible',
    deadline: 'coordination.deadlineLabel',
    status: 'coordination.statusLabel',
    resolution: 'coordination.resolution',
    reopen_reason: 'coordination.reopenReason',
  };
  function changeField(entityType: string, field: string): string {
    const key =
      entityType === 'report'
        ? (reportFields[field] ?? `reports.field.${field}`)
        : entityType === 'coordination_item'
          ? coordinationFields[field]
          : undefined;
    if (key && te(key)) return t(key);
    return words.fieldLabel(field);
  }

  function actionName(action: string): string {
    const key = `projectDetail.audit.actions.${action.replace('.', '_')}`;
    return te(key) ? t(key) : action;
  }

  return { ...words, changeField, changeValue, actionName };
}
