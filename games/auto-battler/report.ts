import type { BattleResult, PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { abRules, SIDES } from './config.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const count = (v: unknown, one: string, many: string): string => `${num(v)} ${num(v) === 1 ? one : many}`;

/** What happened in an Auto-battler battle: its length, who took the first turn, and each side's survivors. */
export function battleReport(result: Pick<BattleResult, 'winner' | 'steps' | 'capped' | 'summary'>, _side: SideIndex, config: PlanGameConfig): string {
  const s = result.summary;
  const first = s['first'] === 0 || s['first'] === 1 ? SIDES[s['first']].label : '?';
  const limit = result.capped ? ` It reached the ${abRules(config).maxTurns}-turn limit, so the larger total Health decided.` : '';
  return (
    `The battle lasted ${count(s['turns'], 'turn', 'turns')}; the ${first} took the first turn.${limit} ` +
    `Left at the end: ${SIDES[0].label} ${count(s['remain0'], 'unit', 'units')} with ${num(s['hp0'])} total Health, ` +
    `${SIDES[1].label} ${count(s['remain1'], 'unit', 'units')} with ${num(s['hp1'])} total Health.`
  );
}
