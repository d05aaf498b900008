/**
 * Sizes of the generated province. `province` is the scale; the others keep PGlite and the
 * tests quick. The year is the year of the run's "today", so the check-in load always finds staff on post.
 */
export interface Preset {
  name: PresetName;
  seed: number;
  /** Prefectures taken from the province's list (at most 16). */
  prefectures: number;
  counties: number;
  supportUnits: number;
  /** Recipient units; each has two pairings (its prefecture's programme and the province's). */
  recipients: number;
  /** Assignments of the year, spread over pairings and support units. */
  assignments: number;
  /** Days of check-in taps kept before today (attendance itself covers the whole year so far). */
  checkInDays: number;
  /** Registered persons never dispatched, in percent of the dispatched ones. */
  extraPersonsPercent: number;
}

export const PRESET_NAMES = ['tiny', 'pglite', 'province'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const PRESETS: Record<PresetName, Preset> = {
  // ~300 support units, ~2,000 recipients, ~4,000 pairings, ~15,000 assignments, ~4 million attendance days.
  province: { name: 'province', seed: 2026, prefectures: 16, counties: 129, supportUnits: 300, recipients: 2000, assignments: 15_000, checkInDays: 28, extraPersonsPercent: 10 },
  // A tenth of it: what an embedded (PGlite) installation of a small province would hold.
  pglite: { name: 'pglite', seed: 2026, prefectures: 16, counties: 40, supportUnits: 30, recipients: 200, assignments: 1_500, checkInDays: 28, extraPersonsPercent: 10 },
  // For the consistency test.
  tiny: { name: 'tiny', seed: 7, prefectures: 2, counties: 4, supportUnits: 4, recipients: 8, assignments: 40, checkInDays: 7, extraPersonsPercent: 10 },
};

export function presetOf(name: string): Preset {
  if (!(PRESET_NAMES as readonly string[]).includes(name)) throw new Error(`未知的规模预设「${name}」：可选 ${PRESET_NAMES.join('、')}`);
  return PRESETS[name as PresetName];
}
