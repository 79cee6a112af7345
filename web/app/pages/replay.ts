import type { TraceEvent } from '../../../arena/trace/events.js';
import type { MatchDetail } from '../../shared/api.js';
import { append, el, replace } from '../dom.js';
import { num } from '../format.js';
import { href, replaceHash } from '../router.js';
import { moveList, moveStepView } from '../replay/move-view.js';
import { planStepView } from '../replay/plan-view.js';
import { moveReplay, planReplay } from '../replay/steps.js';
import { heading, pickRun, ready, type PageContext } from './common.js';

function summaryLine(d: MatchDetail): string {
  const s = d.summary;
  const outcome = s.status !== 'completed' ? s.status : s.winner === null ? 'draw' : `${s.agents[s.winner]} won`;
  return `${s.game}: ${s.agents[0]} (seat 0) vs ${s.agents[1]} (seat 1) — ${outcome}${s.scores ? `, score ${num(s.scores[0])} – ${num(s.scores[1])}` : ''}; seed ${s.seed}`;
}

/** Step controls: Prev/Next buttons and the arrow keys; `show` draws step i. */
function stepper(count: number, initial: number, show: (i: number) => void, onLeave: (fn: () => void) => void): HTMLElement {
  let current = Math.min(Math.max(0, initial), Math.max(0, count - 1));
  const label = el('span', { id: 'step-label', class: 'step-label' });
  const prev = el('button', { type: 'button', id: 'step-prev', onClick: () => go(current - 1) }, '← Prev');
  const next = el('button', { type: 'button', id: 'step-next', onClick: () => go(current + 1) }, 'Next →');
  const go = (i: number): void => {
    if (count === 0) return;
    current = Math.min(Math.max(0, i), count - 1);
    prev.disabled = current === 0;
    next.disabled = current === count - 1;
    replace(label, `Step ${current + 1} of ${count}`);
    show(current);
  };
  const onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    if (e.key === 'ArrowLeft') go(current - 1);
    else if (e.key === 'ArrowRight') go(current + 1);
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  onLeave(() => document.removeEventListener('keydown', onKey));
  queueMicrotask(() => go(current));
  return el('div', { class: 'stepper' }, prev, label, next, el('span', { class: 'muted' }, ' (or the ← → keys)'));
}

/** The replay viewer: a match step by step (battles of a plan game, moves of a move game). */
export async function replayPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const key = ctx.params.get('key') ?? '';
  const detail = await ctx.source.match(run.id, key);
  const back = el('a', { class: 'button', href: href('matches', { run: run.id }) }, '← Matches');
  if (!detail || !detail.events) {
    append(ctx.root, 
      heading('Replay', key),
      back,
      el('p', { id: 'no-trace' }, detail ? 'This match has no stored trace (it was not played yet).' : 'This export holds no trace for this match: only the most recently finished matches are included.'),
    );
    ready('match');
    return;
  }
  const events = detail.events as unknown as TraceEvent[];
  const start = events[0]?.type === 'match_start' ? events[0] : null;
  const seats: [string, string] = start ? [start.spec.seats[0].name, start.spec.seats[1].name] : [detail.summary.agents[0], detail.summary.agents[1]];
  const body = el('div', { id: 'step' });
  const initial = Math.floor(Number(ctx.params.get('step') ?? '1')) - 1 || 0;
  const onStep = (i: number) => replaceHash('match', { run: run.id, key, step: i + 1 });
  let controls: HTMLElement;
  if (detail.summary.family === 'move') {
    const replay = moveReplay(events);
    const moveBoards = (detail.boards ?? []).filter((b) => b.seq !== null);
    const boards = new Map(moveBoards.map((b) => [b.seq as number, b]));
    controls = stepper(
      replay.steps.length,
      initial,
      (i) => {
        const step = replay.steps[i];
        if (!step) return onStep(i);
        const board = step.move ? boards.get(step.move.seq) : undefined;
        const game = moveBoards.filter((b) => b.gameIndex === step.gameIndex && b.notation !== undefined);
        const list = board?.grid ? moveList(game.map((b) => ({ seq: b.seq as number, notation: b.notation ?? '', best: b.best })), board.seq, replay.progress) : null;
        replace(body, moveStepView(step, seats, board, replay.progress, list));
        onStep(i);
      },
      ctx.onLeave,
    );
  } else {
    const replay = planReplay(events);
    controls = stepper(
      replay.steps.length,
      initial,
      (i) => {
        const step = replay.steps[i];
        if (step) replace(body, planStepView(step, seats, replay.progress));
        onStep(i);
      },
      ctx.onLeave,
    );
  }
  const errors = events.filter((e) => e.type === 'error');
  append(ctx.root, 
    heading('Replay', summaryLine(detail)),
    el('div', { class: 'controls' }, back),
    errors.length ? el('p', { class: 'bad' }, `This match ended in an error: ${errors.map((e) => (e.type === 'error' ? e.message : '')).join('; ')}`) : null,
    controls,
    body,
  );
  queueMicrotask(() => ready('match'));
}
