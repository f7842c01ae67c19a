// Industry chains (产业链): the list with coverage and one chain's tree, for everyone signed in.
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/chains', component: () => import('@/pages/ChainsPage.vue'), meta: { nav: { label: 'chains.nav', order: 27 } } },
  { path: '/chains/:id(\\d+)', component: () => import('@/pages/ChainPage.vue') },
] satisfies RouteRecordRaw[];
