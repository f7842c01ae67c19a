// Routes, each page in its own module; later issues add theirs here. Pages other than the log-in
// need a session: without one the router goes to /login and comes back afterwards.
import { createRouter, createWebHistory } from 'vue-router';

import { useSessionStore } from '@/stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    bare?: boolean; // no header (log-in, big screen)
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('@/pages/LoginPage.vue'), meta: { bare: true } },
    { path: '/', component: () => import('@/pages/HomePage.vue') },
    { path: '/projects', component: () => import('@/pages/ProjectListPage.vue') },
  ],
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.checked) await session.restore();
  if (to.path !== '/login' && !session.user) return { path: '/login', query: { next: to.fullPath } };
  if (to.path === '/login' && session.user) return { path: '/' };
  return true;
});
