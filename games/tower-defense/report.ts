import type { BattleResult, PlanGameConfig, SideIndex } from '../core/plan-game.js';
import { TIME_CAP_MS } from './catalogue.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const count = (v: unknown, one: string, many: string): string => `${num(v)} ${num(v) === 1 ? one : many}`;

/**
 * What happened in a Tower Defense battle, as the rules text promises it is reported: where the demons broke
 * through (the lane of the demon that appeared first) or how the Humans held, when it ended, and the survivors.
 */
export function battleReport(result: Pick<BattleResult, 'winner' | 'steps' | 'capped' | 'summary'>, _side: SideIndex, _config: PlanGameConfig): string {
  const s = result.summary;
  const t = num(s['endTick']);
  const how =
    result.winner === 1
      ? `The Demons broke through in lane y = ${String(s['lostRow'])} at t = ${t} ms.`
      : result.capped
        ? `No demon broke through before the time limit (t = ${TIME_CAP_MS} ms): the Humans held.`
        : `Every demon was destroyed by t = ${t} ms: the Humans held.`;
  return `${how} Alive at the end: ${count(s['humansAlive'], 'Human unit', 'Human units')}, ${count(s['demonsAlive'], 'demon', 'demons')} (of ${num(s['demonsAppeared'])} that appeared).`;
}
