// The map files name their shapes in Chinese: Shanxi's cities in full (太原市), the country's
// provinces short (山西 for 山西省, 内蒙古 for 内蒙古自治区). Sanpi's regions carry full names and
// six-digit codes, so a shape is matched to the region of the same name, or of the same name plus
// an administrative suffix; the map and the figures then meet on the region code.

export interface NamedRegion {
  code: string;
  name: string;
}

// Longest first, so 广西 takes 壮族自治区 as a whole rather than stopping at a shorter suffix.
const suffixes = ['壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市'];

// Shape name → region code, for every shape that has a region.
export function matchFeatures(featureNames: string[], regions: NamedRegion[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const r of regions) if (!byName.has(r.name)) byName.set(r.name, r.code);
  const matched = new Map<string, string>();
  for (const feature of featureNames) {
    const code = byName.get(feature) ?? suffixes.map((s) => byName.get(feature + s)).find((c) => c !== undefined);
    if (code !== undefined) matched.set(feature, code);
  }
  return matched;
}

// The size (its longer side, in pixels) that fits a map of width/height `aspect` into a box,
// leaving `margin` of the box free: the map fills the box's height when it is the taller shape,
// its width otherwise.
export function fitMap(aspect: number, width: number, height: number, margin = 0.04): number {
  const w = width * (1 - margin);
  const h = height * (1 - margin);
  const drawnHeight = Math.min(h, w / aspect);
  return Math.max(0, Math.floor(aspect < 1 ? drawnHeight : drawnHeight * aspect));
}
