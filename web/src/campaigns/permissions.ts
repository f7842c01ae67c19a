// Who may do what to a campaign and its entries (docs/api.md, "Campaigns"), so the page offers a
// user only the actions the server would accept. The server still decides: these only hide buttons.
import type { Campaign, CampaignEntry } from '@/api/campaigns';
import type { SessionUser } from '@/api/session';

type User = Pick<SessionUser, 'role'> | null | undefined;

const isProvince = (user: User): boolean => user?.role === 'province';
const reviews = (user: User): boolean => user?.role === 'province' || user?.role === 'city';

// Creating, editing, holding and closing are the province's.
export function canCreateCampaign(user: User): boolean {
  return isProvince(user);
}

export function canEditCampaign(user: User, campaign: Pick<Campaign, 'status'>): boolean {
  return isProvince(user) && campaign.status === 'planning';
}

export function canHoldCampaign(user: User, campaign: Pick<Campaign, 'status'>): boolean {
  return isProvince(user) && campaign.status === 'planning';
}

export function canCloseCampaign(user: User, campaign: Pick<Campaign, 'status'>): boolean {
  return isProvince(user) && campaign.status === 'held';
}

// A zone proposes its own projects; a city or the province enters (confirmed at once) any in scope.
export function canEnterProjects(user: User, campaign: Pick<Campaign, 'status'>): boolean {
  return campaign.status === 'planning' && (reviews(user) || user?.role === 'zone');
}

// Whether a user's entry awaits confirmation or counts at once.
export function entersAsProposal(user: User): boolean {
  return user?.role === 'zone';
}

// Proposals are confirmed by their city or the province, before the event.
export function canConfirmEntry(user: User, campaign: Pick<Campaign, 'status'>, entry: Pick<CampaignEntry, 'status'>): boolean {
  return campaign.status === 'planning' && reviews(user) && entry.status === 'proposed';
}

// Before the event an entry can be taken out again: a zone its own proposals, a city or the
// province any entry in scope.
export function canRemoveEntry(user: User, campaign: Pick<Campaign, 'status'>, entry: Pick<CampaignEntry, 'status'>): boolean {
  if (campaign.status !== 'planning' || entry.status === 'withdrawn') return false;
  if (reviews(user)) return true;
  return user?.role === 'zone' && entry.status === 'proposed';
}

// After the event entries stay; the province may withdraw a counted one, with a reason.
export function canWithdrawEntry(user: User, campaign: Pick<Campaign, 'status'>, entry: Pick<CampaignEntry, 'status'>): boolean {
  return isProvince(user) && campaign.status === 'held' && entry.status === 'confirmed';
}
