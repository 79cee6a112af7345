import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { gameEntries } from '../arena/games/registry.js';
import { createRng, type Rng } from '../games/core/rng.js';
import type { PlanGame, PlanGameConfig, SideIndex, ValidatedPlan } from '../games/core/plan-game.js';

/**
 * Each plan game's JSON Schema (generated from its catalogue) against its validator: every random valid plan passes
 * the schema; every corrupted plan the schema accepts is one the validator uses item by item (only the rules JSON
 * Schema cannot state, cross-item and budget, are left to the validator); and hand-made item-level violations fail.
 */

const ajv = new Ajv2020({ strict: true, allErrors: false });
const plans = gameEntries().filter((e) => e.family === 'plan').map((e) => e.game as PlanGame);
/** What the validator alone checks: rules across items and the budget. */
const CROSS_ITEM = new Set(['item/duplicate_cell', 'item/duplicate_element']);

const codes = (v: ValidatedPlan<unknown>): string[] => [...(v.report.shape === 'ok' ? [] : [`plan/${v.report.shape}`]), ...v.report.items.flatMap((i) => (i.code === undefined ? [] : [i.code]))];

/** A random structural corruption of a JSON value: replace, delete or add a node somewhere in it. */
function corrupt(value: unknown, rng: Rng, names: readonly string[]): unknown {
  const junk = (): unknown => rng.pick<unknown>([-1, 99_999, 2.5, 'x', '', null, true, [], {}, rng.pick(names), `${rng.pick(names)}!`]);
  if (Array.isArray(value)) {
    if (value.length === 0 || rng.float() < 0.2) return [...value, junk()];
    const i = rng.int(0, value.length - 1);
    const copy = [...value];
    if (rng.float() < 0.15) copy.splice(i, 1);
    else copy[i] = rng.float() < 0.6 ? corrupt(copy[i], rng, names) : junk();
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const key = rng.pick(keys);
    const roll = rng.float();
    if (keys.length === 0 || roll < 0.1) copy[rng.pick(['extra', 'name', 'x', 'y', 'skills', 'tier'])] = junk();
    else if (roll < 0.25) delete copy[key];
    else copy[key] = rng.float() < 0.6 ? corrupt(copy[key], rng, names) : junk();
    return copy;
  }
  return junk();
}

describe.each(plans.map((g) => [g.id, g] as const))('the %s plan schema', (_id, game) => {
  const cases = game.presets.flatMap((preset) => ([0, 1] as const).map((side) => [preset, side] as const));

  it.each(cases)('preset %s, side %i: valid plans pass, corrupted ones pass only when the validator uses every item', (preset, side: SideIndex) => {
    const config: PlanGameConfig = game.config(preset);
    const schema = game.planSchema(side, config);
    const check = ajv.compile(schema);
    const rng = createRng(7 + side);
    const names = JSON.stringify(schema).match(/"[A-Z][A-Za-z]+"/g)?.map((s) => s.slice(1, -1)) ?? [];
    let valid = 0;
    let rejected = 0;
    for (let n = 0; n < 300; n++) {
      let plan = game.randomPlan(side, rng, config);
      if (n % 2 === 1) plan = game.mutatePlan(side, plan, rng, config);
      const verdict = codes(game.validate(side, plan, config));
      expect(verdict).toEqual([]);
      expect(check(plan), `${JSON.stringify(plan)}: ${ajv.errorsText(check.errors)}`).toBe(true);
      valid++;
      for (let k = 0; k < 4; k++) {
        const bad = corrupt(plan, rng, names);
        const found = codes(game.validate(side, bad, config)).filter((c) => !CROSS_ITEM.has(c));
        if (check(bad)) expect(found, JSON.stringify(bad)).toEqual([]);
        else rejected++;
      }
    }
    expect(valid).toBe(300);
    expect(rejected).toBeGreaterThan(300);
  });
});

describe('hand-made item-level violations fail the schema and the validator', () => {
  const byId = new Map(plans.map((g) => [g.id, g]));
  const cases: Array<[string, SideIndex, unknown]> = [
    ['tower-defense', 0, { humans: [{ name: 'NoSuchUnit', x: 0, y: 0 }] }],
    ['tower-defense', 0, { humans: [{ name: 'Archer', x: 11, y: 0 }] }],
    ['tower-defense', 1, { demons: [{ name: 'Imp', y: 2, spawn_time: 60_001 }] }],
    ['tower-defense', 1, { humans: [] }],
    ['auto-battler', 0, { defenders: [{ name: 'Phoenix' }] }],
    ['auto-battler', 1, { invaders: Array.from({ length: 8 }, () => ({ name: 'FireLizard' })) }],
    ['auto-battler', 1, { invaders: [], target_priority_for_invaders: ['Nobody'] }],
    ['turn-based', 0, { defenders: [{ element: 'Dark', skills: [] }] }],
    ['turn-based', 0, { defenders: [{ element: 'Wood', skills: 'none' }] }],
  ];
  it.each(cases)('%s side %i: %j', (id, side, plan) => {
    const game = byId.get(id);
    if (game === undefined) throw new Error(`no plan game ${id}`);
    const config = game.config();
    expect(codes(game.validate(side, plan, config)).length).toBeGreaterThan(0);
    expect(ajv.validate(game.planSchema(side, config), plan)).toBe(false);
  });
});
