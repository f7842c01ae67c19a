// The log-in page and the home dashboard.
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/login', component: () => import('@/pages/LoginPage.vue'), meta: { bare: true, public: true } },
  { path: '/', component: () => import('@/pages/DashboardPage.vue'), meta: { nav: { label: 'nav.home', order: 0 } } },
] satisfies RouteRecordRaw[];
