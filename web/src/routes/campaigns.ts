// "Three batches" campaigns: the list and one campaign's batches, breakdowns and projects.
import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    path: '/campaigns',
    component: () => import('@/pages/CampaignListPage.vue'),
    meta: { nav: { label: 'campaigns.nav', order: 30 } },
  },
  { path: '/campaigns/:id(\\d+)', component: () => import('@/pages/CampaignPage.vue') },
] satisfies RouteRecordRaw[];
