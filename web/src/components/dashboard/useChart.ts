// One ECharts instance bound to an element for a component's lifetime: drawn when mounted, redrawn
// whenever its option changes (a new answer, another language), resized with its box (the window,
// a sidebar, a screen going full), disposed when the component goes.
import type { ECharts } from 'echarts/core';
import { onBeforeUnmount, onMounted, type Ref, shallowRef, watch } from 'vue';

export interface Box {
  width: number;
  height: number;
}

import { type ChartOption, init } from './echarts';

export interface ChartClick {
  name: string;
  data: unknown;
  componentType: string;
  targetType?: string;
  value: unknown;
}

// `option` may read the element's box (a map fitted to it); it is drawn again when the box changes.
export function useChart(el: Ref<HTMLElement | null>, option: (box: Box) => ChartOption | null, onClick?: (p: ChartClick) => void) {
  const chart = shallowRef<ECharts | null>(null);
  const box = shallowRef<Box>({ width: 0, height: 0 });
  let observer: ResizeObserver | null = null;

  function draw(): void {
    const o = option(box.value);
    if (chart.value && o) chart.value.setOption(o, { notMerge: true });
  }

  onMounted(() => {
    if (!el.value) return;
    const target = el.value;
    chart.value = init(target, undefined, { renderer: 'canvas' });
    if (onClick) chart.value.on('click', (p) => onClick(p as unknown as ChartClick));
    box.value = { width: target.clientWidth, height: target.clientHeight };
    draw();
    observer = new ResizeObserver(() => {
      box.value = { width: target.clientWidth, height: target.clientHeight };
      chart.value?.resize();
    });
    observer.observe(target);
  });
  watch(() => option(box.value), draw);
  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });
  return chart;
}
