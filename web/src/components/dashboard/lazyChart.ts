// The chart components load with ECharts only after the page's figures are on screen. A page
// may ask for them (and for its map's shapes) as soon as it starts, so the download and the
// evaluation of ECharts overlap the wait for the figures instead of following it.
import { defineAsyncComponent } from 'vue';

import type { MapKind } from './narrowing';
import { loadShapes } from './shapes';

const funnel = () => import('./StageFunnelChart.vue');
const map = () => import('./RegionMapChart.vue');
const bars = () => import('./IndustryBarChart.vue');

export const StageFunnelChart = defineAsyncComponent(funnel);
export const RegionMapChart = defineAsyncComponent(map);
export const IndustryBarChart = defineAsyncComponent(bars);

// Starts loading what the charts will need; a failure shows later, where the chart is drawn.
export function preloadCharts(kind: MapKind): void {
  const ignore = () => undefined;
  for (const load of [funnel, map, bars]) load().catch(ignore);
  if (kind) loadShapes(kind).catch(ignore);
}
