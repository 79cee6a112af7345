import type { BattleResult, PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { ROUND_CAP } from './catalogue.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const count = (v: unknown, one: string, many: string): string => `${num(v)} ${num(v) === 1 ? one : many}`;

/** What happened in a Turn-based battle: how it ended, after how many rounds, and each side's living characters. */
export function battleReport(result: Pick<BattleResult, 'winner' | 'steps' | 'capped' | 'summary'>, _side: SideIndex, _config: PlanGameConfig): string {
  const s = result.summary;
  const rounds = num(s['rounds']);
  const how =
    s['end'] === 'no_characters'
      ? 'It was decided at the start: a side had no usable character.'
      : s['end'] === 'cap'
        ? `Nobody won within ${ROUND_CAP} rounds, so the larger total HP of living characters decided.`
        : `It ended in round ${rounds}, when a side had no living character left.`;
  return (
    `${how} Alive at the end: Defenders ${count(s['alive0'], 'character', 'characters')} with ${num(s['hp0'])} HP in total, ` +
    `Invaders ${count(s['alive1'], 'character', 'characters')} with ${num(s['hp1'])} HP in total.`
  );
}
