// User administration (province and city accounts), the user's own page (password, API tokens)
// and the forced password change after a temporary password.
import type { RouteRecordRaw } from 'vue-router';

import { managesAccounts } from '@/accounts/permissions';

export default [
  {
    path: '/users',
    component: () => import('@/pages/UsersPage.vue'),
    meta: { nav: { label: 'accounts.nav', order: 90, visible: managesAccounts }, allowed: managesAccounts },
  },
  { path: '/account', component: () => import('@/pages/AccountPage.vue') },
  { path: '/password', component: () => import('@/pages/PasswordChangePage.vue'), meta: { bare: true } },
] satisfies RouteRecordRaw[];
