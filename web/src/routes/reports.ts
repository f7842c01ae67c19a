// Monthly progress reports: a month's reports and quick entry, the reviewer's queue, a project's
// reports. Everyone signed in reads them; zone users and the province enter them, cities and the
// province review them.
import type { RouteRecordRaw } from 'vue-router';

import { reviewsReports } from '@/reports/who';

export default [
  { path: '/reports', component: () => import('@/pages/ReportMonthPage.vue'), meta: { nav: { label: 'reports.nav', order: 20 } } },
  {
    path: '/reports/review',
    component: () => import('@/pages/ReportReviewPage.vue'),
    meta: { nav: { label: 'reports.reviewNav', order: 21, visible: reviewsReports }, allowed: reviewsReports },
  },
  { path: '/projects/:id(\\d+)/reports', component: () => import('@/pages/ProjectReportsPage.vue') },
] satisfies RouteRecordRaw[];
