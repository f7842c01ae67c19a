// How a campaign's and an entry's states look: the locale key of each label and the tag colour.
import type { CampaignStatus, EntryStatus } from '@/api/campaigns';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

const campaignTags: Record<CampaignStatus, TagType> = { planning: 'warning', held: 'success', closed: 'info' };
const entryTags: Record<EntryStatus, TagType> = { proposed: 'warning', confirmed: 'success', withdrawn: 'info' };

// An unknown state (a newer server) shows its code rather than a missing key.
export function campaignStatusKey(s: string): string | null {
  return s in campaignTags ? `campaigns.status.${s}` : null;
}

export function campaignStatusTag(s: string): TagType {
  return campaignTags[s as CampaignStatus] ?? 'info';
}

export function entryStatusKey(s: string): string | null {
  return s in entryTags ? `campaigns.entryStatus.${s}` : null;
}

export function entryStatusTag(s: string): TagType {
  return entryTags[s as EntryStatus] ?? 'info';
}
