// The project library: list, detail, forms.
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/projects', component: () => import('@/pages/ProjectListPage.vue'), meta: { nav: { label: 'projects.nav', order: 10 } } },
] satisfies RouteRecordRaw[];
