// The project library: list, detail, forms. The forms are for those who may write projects; the
// server refuses the others anyway.
import type { RouteRecordRaw } from 'vue-router';

const writer = (user: { can_write_projects: boolean }): boolean => user.can_write_projects;

export default [
  { path: '/projects', component: () => import('@/pages/ProjectListPage.vue'), meta: { nav: { label: 'projects.nav', order: 10 } } },
  { path: '/projects/new', component: () => import('@/pages/ProjectFormPage.vue'), meta: { allowed: writer } },
  { path: '/projects/:id(\\d+)', component: () => import('@/pages/ProjectDetailPage.vue') },
  { path: '/projects/:id(\\d+)/edit', component: () => import('@/pages/ProjectFormPage.vue'), meta: { allowed: writer } },
] satisfies RouteRecordRaw[];
