// Zone rankings (开发区排名): a quarter's or year's ranking, now or as of a day, for everyone signed in.
import type { RouteRecordRaw } from 'vue-router';

export default [
  { path: '/rankings', component: () => import('@/pages/RankingsPage.vue'), meta: { nav: { label: 'rankings.nav', order: 27 } } },
] satisfies RouteRecordRaw[];
