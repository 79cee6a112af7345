import type { AdjudicationReason } from './adjudicate.js';
import type { BattleResult, PlanGame, PlanGameConfig, PlanReport, SideIndex } from './plan-game.js';

/**
 * Version of the plan-game request texts below and of the games' rules texts; recorded in every trace
 * (`match_start.promptVersion`). plan-v2: revision requests report what happened in the last battle (the game's
 * `battleReport`: e.g. the breach lane, survivors) and why the budget rule overrode it; each catalogue is shown once.
 */
export const PLAN_PROMPT_VERSION = 'plan-v2';

/** The facts a plan request shows (SPEC §1.5/§1.6); the arena traces them as `PlanFeedback`. */
export interface PromptFacts {
  readonly phase: 'initial' | 'revision';
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly budget: number;
  /** Adjudicated winner of the last round (null: no winner); absent before the first battle. */
  readonly lastWinner?: SideIndex | null;
  readonly lastRound?: number;
  /** The last battle as simulated (before the budget rule) and how the round was adjudicated. */
  readonly lastBattle?: Pick<BattleResult, 'winner' | 'steps' | 'capped' | 'summary'> & { readonly reason: AdjudicationReason };
  /** Cost of the side's plan in force. */
  readonly ownCost?: number;
  /** The side's own plan in force (raw JSON as submitted), or for a re-ask its previous attempt. */
  readonly ownPlan?: unknown;
  /** The opponent's current full plan (revisions only; initial plans are blind). */
  readonly opponentPlan?: unknown;
  /** Catalogue names in the opponent's plan: the opponent catalogue shown is limited to these. */
  readonly opponentNames?: readonly string[];
  /** Set when the previous reply could not be parsed (an empty plan was used). */
  readonly parseError?: string;
  /** Set for re-asks: why the previous attempt was refused. */
  readonly reaskReason?: 'over_budget' | 'unparseable';
  /** The previous attempt's plan report (re-asks, or revisions when the plan-report flag is on). */
  readonly report?: PlanReport;
}

function planJson(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  try {
    return JSON.stringify(value, null, 1) ?? '(none)';
  } catch {
    return '(not representable as JSON)';
  }
}

/** The plan report as short lines: only items that were not used as submitted, plus the total cost. */
export function renderReport(report: PlanReport, budget: number): string {
  const lines = [`Charged cost: ${report.cost} (budget ${budget}).`];
  if (report.shape !== 'ok') lines.push(`The reply was treated as an empty plan: ${report.message ?? report.shape}.`);
  const problems = report.items.filter((item) => item.status !== 'used');
  const shown = problems.slice(0, 40);
  for (const item of shown) {
    const what = item.status === 'unknown' ? 'not in your catalogue (cost 0, ignored)' : `ignored but charged ${item.cost}`;
    lines.push(`- ${item.path}${item.name ? ` (${item.name})` : ''}: ${what}${item.detail ? `: ${item.detail}` : ''}`);
  }
  if (problems.length > shown.length) lines.push(`- ... and ${problems.length - shown.length} more items not used.`);
  if (problems.length === 0 && report.shape === 'ok') lines.push('Every listed item was used.');
  return lines.join('\n');
}

function resultLine(game: PlanGame, config: PlanGameConfig, side: SideIndex, facts: PromptFacts): string {
  if (facts.lastWinner === undefined) return '';
  const who = facts.lastWinner === null ? 'no winner (both sides over budget by the same fraction)' : `${game.sides[facts.lastWinner].label} won`;
  const you = facts.lastWinner === null ? 'Nobody won.' : facts.lastWinner === side ? 'You won it.' : 'You lost it.';
  const lines = [`Result of round ${facts.lastRound ?? '?'}: ${who}. ${you}`];
  const battle = facts.lastBattle;
  if (battle !== undefined) {
    if (battle.reason !== 'battle') {
      const raw = battle.winner === null ? 'nobody' : `the ${game.sides[battle.winner].label}`;
      lines.push(`The budget rule decided the round (a plan cost more than its budget); the battle itself was won by ${raw}.`);
    }
    lines.push(`What happened in the battle: ${game.battleReport(battle, side, config)}`);
  }
  return lines.join('\n');
}

/**
 * Renders the complete text a model is shown for a plan request (rules, catalogues, feedback, answer format).
 * Initial requests are blind; re-asks repeat the request with the refused reply and why; revisions show the
 * facts of SPEC §1.5 with the full own catalogue (§1.6 item 2).
 */
export function renderPlanPrompt(game: PlanGame, config: PlanGameConfig, side: SideIndex, facts: PromptFacts): string {
  const me = game.sides[side];
  const other = game.sides[side === 0 ? 1 : 0];
  const parts: string[] = [];
  parts.push(`You play the ${me.label} side of ${game.title}.`);
  parts.push(`RULES\n${game.rulesText(side, config)}`);
  parts.push(`YOUR CATALOGUE (${me.label})\n${game.catalogueText(side, config)}`);
  if (facts.phase === 'revision') {
    // Games whose rules text lists the whole opponent catalogue do not get its lines a second time.
    if (!game.rulesListOpponentCatalogue) {
      const names = new Set(facts.opponentNames ?? []);
      const opponentCatalogue = names.size > 0 ? game.catalogueText(side === 0 ? 1 : 0, config, names) : '(the opponent fields nothing)';
      parts.push(`OPPONENT CATALOGUE (${other.label}, the entries in its current plan)\n${opponentCatalogue}`);
    }
    const state = [
      resultLine(game, config, side, facts),
      `Your plan in force cost ${facts.ownCost ?? 0}; your budget is ${facts.budget}. If your plan costs more than your budget, you lose the round.`,
      facts.parseError ? `Your previous reply could not be parsed (${facts.parseError}); an empty plan was used.` : '',
      `The ${other.label} plan now in force (it stays unless the ${other.label} revises):\n${planJson(facts.opponentPlan)}`,
      `Your plan now in force:\n${planJson(facts.ownPlan)}`,
      facts.report ? `How your plan in force was read:\n${renderReport(facts.report, facts.budget)}` : '',
    ].filter((line) => line !== '');
    parts.push(`SITUATION\n${state.join('\n\n')}`);
    parts.push(
      `TASK\nYou may now revise your plan. The next round is played with your reply against the ${other.label} plan above. ` +
        `Reply with your complete plan (it replaces the one in force) as one JSON object, for example:\n${game.exampleJson(side)}`,
    );
  } else {
    parts.push(
      `TASK\nSubmit your plan without knowing the ${other.label} plan. Your budget is ${facts.budget}. ` +
        `Reply with one JSON object, for example:\n${game.exampleJson(side)}`,
    );
    if (facts.reaskReason !== undefined) {
      const why =
        facts.reaskReason === 'over_budget'
          ? `it costs ${facts.report?.cost ?? '?'}, more than your budget of ${facts.budget}`
          : `it could not be parsed${facts.parseError ? ` (${facts.parseError})` : ''}`;
      parts.push(
        `ATTEMPT ${facts.attempt} OF ${facts.maxAttempts}\nYour previous reply was refused because ${why}. ` +
          `After the last attempt your plan is kept as it is, even over budget, and a plan over budget loses.\n` +
          `Your previous plan:\n${planJson(facts.ownPlan)}` +
          (facts.report ? `\n${renderReport(facts.report, facts.budget)}` : ''),
      );
    }
  }
  return parts.join('\n\n');
}
