// Spreadsheets in: the import wizard, for those who may write projects (the server refuses the
// others anyway). /imports/:id is an upload's preview, so a reload keeps it.
import type { RouteRecordRaw } from 'vue-router';

const writer = (user: { can_write_projects: boolean }): boolean => user.can_write_projects;

export default [
  {
    path: '/imports',
    component: () => import('@/pages/ImportPage.vue'),
    meta: { nav: { label: 'imports.nav', order: 15, visible: writer }, allowed: writer },
  },
  { path: '/imports/:id(\\d+)', component: () => import('@/pages/ImportPage.vue'), meta: { allowed: writer } },
] satisfies RouteRecordRaw[];
