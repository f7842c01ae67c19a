// The venue's big screen: full screen, no header.
import type { RouteRecordRaw } from 'vue-router';

export default [{ path: '/screen', component: () => import('@/pages/ScreenPage.vue'), meta: { bare: true } }] satisfies RouteRecordRaw[];
