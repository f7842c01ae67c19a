// Coordination items (问题诉求): the board by status, for everyone signed in; province, city and
// zone users change items, supervisors and viewers read them.
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/coordination', component: () => import('@/pages/CoordinationBoardPage.vue'), meta: { nav: { label: 'coordination.nav', order: 30 } } },
] satisfies RouteRecordRaw[];
