// The map coloured by warnings: each city's red and yellow projects, shaded by how many are lit
// (red counting double, as the more urgent), from the warnings list's counts by city.
import type { WarningCount } from '@/api/warnings';

export interface WarningFigure {
  code: string;
  red: number;
  yellow: number;
  weight: number; // what the shade follows
}

export function warningFigures(byCity: WarningCount[]): WarningFigure[] {
  return byCity
    .filter((c) => /^\d{6}$/.test(c.key))
    .map((c) => ({ code: c.key, red: c.red, yellow: c.yellow, weight: 2 * c.red + c.yellow }));
}
