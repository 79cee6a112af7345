import type { JsonSchema } from './json-schema.js';
import type { Rng } from './rng.js';

/** Index of a side in a plan game: 0 is side A (Human / Defender), 1 is side B (Demon / Invader). */
export type SideIndex = 0 | 1;

export interface PlanSide {
  /** Lower-case id used in CLI seat flags and traces: 'human', 'demon', 'defender', 'invader'. */
  readonly id: string;
  /** Display name used in rules text and feedback: 'Human', 'Defender'. */
  readonly label: string;
  /** The JSON key that holds the side's list: 'humans', 'defenders'. */
  readonly planKey: string;
  /** The winner label the reference CSV uses: 'Human', 'Demon', 'Defenders', 'Invaders'. */
  readonly winnerLabel: string;
}

/** Why an item (or a whole plan) was not used as submitted. Namespaced strings, stable across versions. */
export type ViolationCode =
  | 'plan/unparseable'
  | 'plan/wrong_shape'
  | 'plan/over_budget'
  | 'item/unknown_name'
  | 'item/malformed'
  | 'item/bad_coordinate'
  | 'item/bad_spawn_time'
  | 'item/duplicate_cell'
  | 'item/over_unit_cap'
  | 'item/wrong_element'
  | 'item/duplicate_element'
  | 'item/over_character_cap'
  | 'item/wrong_side_skill'
  | 'item/duplicate_skill'
  | 'item/over_skill_cap';

/** One listed item's fate. `used` items fight; `ignored` items are charged but do not fight; `unknown` cost 0. */
export interface PlanItemReport {
  /** JSON path of the item in the submitted plan, e.g. `humans[3]` or `invaders[1].skills[2]`. */
  readonly path: string;
  /** Catalogue name when the item matched one, else the submitted text (or null when not a string). */
  readonly name: string | null;
  readonly status: 'used' | 'ignored' | 'unknown';
  readonly code?: ViolationCode;
  /** What was charged for this item. */
  readonly cost: number;
  /** One short human-readable sentence, shown to models in the plan report. */
  readonly detail?: string;
}

export interface PlanReport {
  /** 'ok' when the reply parsed to an object holding the side's list. */
  readonly shape: 'ok' | 'unparseable' | 'wrong_shape';
  /** Total charged cost (the cost principle of SPEC §1.3). */
  readonly cost: number;
  readonly items: readonly PlanItemReport[];
  /** Set when shape is not 'ok': why the plan was treated as empty. */
  readonly message?: string;
}

/** A submission after validation: what fights, what it cost, and a canonical form for revision detection. */
export interface ValidatedPlan<P> {
  readonly plan: P;
  readonly report: PlanReport;
  /** Canonical JSON of the used plan: equal strings mean the same plan for metrics (order-insensitive where the game says order does not matter). */
  readonly canonical: string;
}

/** Game settings that are part of a match spec and printed with every result. */
export interface PlanGameConfig {
  /** Preset name the values started from ('default' or 'paper'). */
  readonly preset: string;
  /** Budgets by side index. */
  readonly budgets: readonly [number, number];
  /** Game-specific numeric settings (e.g. Turn-based `hp0`, `hp1`). */
  readonly params: Readonly<Record<string, number>>;
}

/** The raw battle outcome, before budget adjudication. */
export interface BattleResult {
  /** Raw simulator winner. */
  readonly winner: SideIndex | null;
  /** Ticks (Tower Defense), turns (Auto-battler) or rounds (Turn-based) simulated. */
  readonly steps: number;
  /** True when the step cap decided the battle. */
  readonly capped: boolean;
  /** Key figures for feedback, exports and tests (e.g. `lostRow`, `remainUnits`, `remainCost`, `endTick`). */
  readonly summary: Readonly<Record<string, number | string | null>>;
  /** Compact, JSON-serialisable battle log for replay viewers; null when logging was not requested. */
  readonly log: unknown;
}

/**
 * A resource game (SPEC §1): both sides submit JSON plans within a budget, a deterministic simulator resolves
 * the battle, the budget rule adjudicates, and sides take turns revising. Every method is pure: no I/O, no clock,
 * randomness only from the Rng passed in.
 */
export interface PlanGame<P = unknown> {
  readonly family: 'plan';
  /** Registry id without version, e.g. 'tower-defense'. */
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly sides: readonly [PlanSide, PlanSide];
  /** Attempts in the initial-plan re-ask loop (5 Tower Defense, 3 otherwise). */
  readonly initAttempts: number;
  /** True for Auto-battler and Turn-based: after round R's revision one more battle is played (SPEC §1.5). */
  readonly finalBattleAfterLastRevision: boolean;
  /** Preset names; the first is the default. */
  readonly presets: readonly string[];
  /** Settings for a preset; throws on an unknown preset name (a caller error, checked at the CLI edge). */
  config(preset?: string): PlanGameConfig;
  /**
   * Validates a parsed plan value (any JSON value) for a side. Never throws: a wrong shape gives an empty plan
   * with shape 'wrong_shape'. Cost follows the cost principle (SPEC §1.3).
   */
  validate(side: SideIndex, value: unknown, config: PlanGameConfig): ValidatedPlan<P>;
  /**
   * The JSON Schema of a side's plan, generated from the same catalogue the validator reads (item names, ranges,
   * list caps). Every plan the validator uses whole passes it; item-level violations fail it. Cross-item rules and
   * the budget are left to the validator. Sent to models that answer by JSON schema or tool call.
   */
  planSchema(side: SideIndex, config: PlanGameConfig): JsonSchema;
  /** The empty plan of a side (used for unparseable replies). */
  emptyPlan(side: SideIndex): P;
  /** Simulates side 0's plan against side 1's. Deterministic and total (step caps). */
  simulate(plan0: P, plan1: P, config: PlanGameConfig, options?: { readonly log?: boolean }): BattleResult;
  /** The full rules text a model playing `side` reads, generated from the catalogue data and the config. */
  rulesText(side: SideIndex, config: PlanGameConfig): string;
  /**
   * True when `rulesText(side)` already lists the opponent's whole catalogue (and not the side's own, which the
   * prompt shows once as YOUR CATALOGUE): revision prompts then do not repeat opponent catalogue lines.
   */
  readonly rulesListOpponentCatalogue: boolean;
  /**
   * What happened in a battle, for the side about to revise: every fact the rules text says is reported (e.g. the
   * breach lane) and the survivors, as short sentences generated from `BattleResult` data (`summary`).
   */
  battleReport(result: Pick<BattleResult, 'winner' | 'steps' | 'capped' | 'summary'>, side: SideIndex, config: PlanGameConfig): string;
  /** Catalogue lines of a side; `only` limits them to the given catalogue names. */
  catalogueText(side: SideIndex, config: PlanGameConfig, only?: ReadonlySet<string>): string;
  /** Catalogue names of the units or skills in a validated plan (to limit the opponent catalogue in feedback). */
  planNames(plan: P): string[];
  /** A short example reply for the side (valid JSON with the side's key), used in prompts. */
  exampleJson(side: SideIndex): string;
  /** A uniformly random valid plan within budget, as the raw JSON value a player would submit. */
  randomPlan(side: SideIndex, rng: Rng, config: PlanGameConfig): unknown;
  /** A small random change to a raw plan that keeps it valid and within budget (for search agents). */
  mutatePlan(side: SideIndex, value: unknown, rng: Rng, config: PlanGameConfig): unknown;
}
