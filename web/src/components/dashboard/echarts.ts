// Only the parts of ECharts the dashboard draws with (funnel, map, bars, tooltips, a colour
// scale, labels kept apart, the canvas renderer), so its chunk stays a fraction of the whole
// library. Imported only by the chart components, which the pages load lazily.
import { BarChart, FunnelChart, MapChart } from 'echarts/charts';
import type { BarSeriesOption, FunnelSeriesOption, MapSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { type ComposeOption, format, init, registerMap, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, FunnelChart, MapChart, GridComponent, TooltipComponent, VisualMapComponent, LabelLayout, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | FunnelSeriesOption | MapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export const encodeHTML = format.encodeHTML;
export { init, registerMap };
