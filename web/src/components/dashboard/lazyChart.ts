// The chart components load with ECharts only after the page's figures are on screen.
import { defineAsyncComponent } from 'vue';

export const StageFunnelChart = defineAsyncComponent(() => import('./StageFunnelChart.vue'));
export const RegionMapChart = defineAsyncComponent(() => import('./RegionMapChart.vue'));
export const IndustryBarChart = defineAsyncComponent(() => import('./IndustryBarChart.vue'));
