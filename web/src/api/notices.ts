// Supervision notices (督办单) and the escalation ladder: docs/api.md, "Supervision notices".
import { request } from './client';

export type NoticeTarget = 'project' | 'coordination_item' | 'zone';
export type NoticeLevel = 'city' | 'province';
export type NoticeStatus = 'issued' | 'responded' | 'closed';
export type NoticeAction = 'respond' | 'comment' | 'close' | 'reopen';
export type NoticeStep = 'issue' | NoticeAction | 'escalate';
export type LadderStep = 'yellow_streak' | 'red';

export const noticeStatuses: NoticeStatus[] = ['issued', 'responded', 'closed'];
export const noticeTargets: NoticeTarget[] = ['project', 'coordination_item', 'zone'];
export const noticeLevels: NoticeLevel[] = ['city', 'province'];

export interface Person {
  id: number;
  name: string;
}

export interface NoticeEvent {
  id: number;
  step: NoticeStep;
  by: Person | null; // null: the system
  at: string;
  text: string | null;
  deadline: string | null;
  level: NoticeLevel;
}

export interface Notice {
  id: number;
  target: NoticeTarget;
  target_id: number;
  project_id: number | null;
  project_code: string;
  project_name: string;
  coordination_item_id: number | null;
  item_description: string;
  zone_id: number;
  zone_name: string;
  city_code: string;
  level: NoticeLevel;
  status: NoticeStatus;
  problem: string;
  action_requested: string;
  deadline: string;
  overdue: boolean;
  escalated_on: string | null;
  ladder_step: LadderStep | null;
  ladder_since: string | null;
  issued_by: Person | null;
  issued_at: string;
  updated_at: string;
  version: number;
  allowed_actions: NoticeAction[];
  history?: NoticeEvent[];
}

export interface NoticeCounts {
  issued: number;
  responded: number;
  closed: number;
  open: number;
  overdue: number;
}

export interface NoticePage {
  items: Notice[];
  counts: NoticeCounts;
  total: number;
  page: number;
  page_size: number;
}

export interface NoticeQuery {
  status?: NoticeStatus;
  level?: NoticeLevel;
  overdue?: boolean;
  target?: NoticeTarget;
  project?: number;
  zone?: number;
  city?: string;
  page?: number;
  page_size?: number;
}

export interface NoticeDraft {
  target: NoticeTarget;
  target_id: number;
  problem: string;
  action_requested: string;
  deadline: string;
}

export async function listNotices(query: NoticeQuery): Promise<NoticePage> {
  return (await request<NoticePage>('GET', '/api/v1/notices', { query: { ...query } })).data;
}

export async function getNotice(id: number): Promise<Notice> {
  return (await request<Notice>('GET', `/api/v1/notices/${id}`)).data;
}

export async function issueNotice(draft: NoticeDraft): Promise<Notice> {
  return (await request<Notice>('POST', '/api/v1/notices', { body: draft })).data;
}

// A step on the notice as last read (its version as If-Match); `body` from stepBody().
export async function takeStep(notice: Notice, action: NoticeAction, body: Record<string, string>): Promise<Notice> {
  return (
    await request<Notice>('POST', `/api/v1/notices/${notice.id}/${action}`, { body, ifMatch: `"${notice.version}"` })
  ).data;
}
