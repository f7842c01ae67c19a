// The maps registered with ECharts, once each, from the shapes of shapes.ts.
import { registerMap } from './echarts';
import type { MapKind } from './narrowing';
import { loadShapes } from './shapes';

// Width over height of each map as ECharts draws it (its projection squeezes longitude by 0.75),
// measured once from the shapes; used to fit the map into its box.
export const aspects: Record<NonNullable<MapKind>, number> = { shanxi: 0.529, china: 1.304 };

const registered = new Map<string, Promise<string[]>>();

export function mapName(kind: NonNullable<MapKind>): string {
  return `sanpi-${kind}`;
}

// Registers the map and answers its shapes' names (太原市 …, or 山西 … for the country).
export function loadMap(kind: NonNullable<MapKind>): Promise<string[]> {
  let names = registered.get(kind);
  if (!names) {
    names = loadShapes(kind).then(
      (json) => {
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
        registered.delete(kind);
        throw e;
      },
    );
    registered.set(kind, names);
  }
  return names;
}
