// Warning lights (亮灯): the list of yellow and red projects with their reasons, for everyone signed in.
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/warnings', component: () => import('@/pages/WarningsPage.vue'), meta: { nav: { label: 'warnings.nav', order: 25 } } },
] satisfies RouteRecordRaw[];
