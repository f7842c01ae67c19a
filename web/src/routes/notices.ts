// Supervision notices (督办单): the notice board, for everyone signed in (each sees their scope).
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/notices', component: () => import('@/pages/NoticesPage.vue'), meta: { nav: { label: 'notices.nav', order: 26 } } },
] satisfies RouteRecordRaw[];
