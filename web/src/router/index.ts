// Routes come from one module per resource under src/routes (each a default-exported list), so a
// later capability adds its pages by adding a file. A route with `meta.nav` is in the header's
// menu for the roles its `visible` admits. Pages other than public ones need a session: without
// one the router goes to /login and comes back afterwards.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

import type { SessionUser } from '@/api/session';
import { useSessionStore } from '@/stores/session';

export interface NavEntry {
  label: string; // locale key
  order: number; // left to right
  visible?: (user: SessionUser) => boolean; // default: every signed-in user
}

declare module 'vue-router' {
  interface RouteMeta {
    bare?: boolean; // no header (log-in, big screen)
    public?: boolean; // reachable without a session
    nav?: NavEntry;
    allowed?: (user: SessionUser) => boolean; // default: every signed-in user
  }
}

const modules = import.meta.glob<{ default: RouteRecordRaw[] }>('../routes/*.ts', { eager: true });
export const routes: RouteRecordRaw[] = Object.values(modules).flatMap((m) => m.default);

export const router = createRouter({
  history: createWebHistory(),
  routes: [...routes, { path: '/:unknown(.*)*', component: () => import('@/pages/NotFoundPage.vue') }],
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.checked) await session.restore();
  if (!to.meta.public && !session.user) return { path: '/login', query: { next: to.fullPath } };
  if (to.path === '/login' && session.user) return { path: '/' };
  // A temporary password is changed before anything else; the server refuses the rest anyway.
  if (session.user?.must_change_password && to.path !== '/password') return { path: '/password' };
  if (to.path === '/password' && session.user && !session.user.must_change_password) return { path: '/account' };
  if (session.user && to.meta.allowed && !to.meta.allowed(session.user)) return { path: '/' };
  return true;
});

// The header's menu for a user, in order.
export function navFor(user: SessionUser): { path: string; label: string }[] {
  return routes
    .filter((r) => r.meta?.nav && (r.meta.nav.visible?.(user) ?? true))
    .sort((a, b) => (a.meta?.nav?.order ?? 0) - (b.meta?.nav?.order ?? 0))
    .map((r) => ({ path: r.path, label: r.meta?.nav?.label ?? '' }));
}
