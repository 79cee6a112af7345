import type { TraceEvent } from '../../../arena/trace/events.js';
import type { MatchDetail } from '../../shared/api.js';
import { append, el, replace } from '../dom.js';
import { download, fileName } from '../download.js';
import { num } from '../format.js';
import { href, replaceHash } from '../router.js';
import { moveList, moveStepView } from '../replay/move-view.js';
import { moveOverview, planOverview } from '../replay/overview.js';
import { planStepView, seatName, type PlanContext } from '../replay/plan-view.js';
import { moveReplay, planReplay } from '../replay/steps.js';
import { heading, pickRun, ready, type PageContext } from './common.js';
import { LIST_PARAMS } from './matches.js';

function summaryLine(d: MatchDetail, ctx: PlanContext): string {
  const s = d.summary;
  const outcome = s.status !== 'completed' ? s.status : s.winner === null ? 'draw' : `${seatName(ctx, s.winner)} won`;
  const setting = s.reviseFirst !== null ? `; ${s.agents[s.reviseFirst]} revises first` : s.family === 'move' ? `; ${s.agents[0]} moves first` : '';
  return `${s.game}: ${seatName(ctx, 0)} (seat 0) vs ${seatName(ctx, 1)} (seat 1)${setting} — ${outcome}${s.scores ? `, score ${num(s.scores[0])} – ${num(s.scores[1])}` : ''}; seed ${s.seed}`;
}

/** The match list a replay was opened from (its filters, sort and page), so "← Matches" goes back to it. */
function backLink(run: string, list: string | null): HTMLElement {
  const params: Record<string, string> = { run };
  for (const [k, v] of new URLSearchParams(list ?? '')) if ((LIST_PARAMS as readonly string[]).includes(k) && k !== 'run') params[k] = v;
  return el('a', { class: 'button', id: 'back-to-matches', href: href('matches', params) }, '← Matches');
}

interface Stepper {
  readonly node: HTMLElement;
  go(i: number): void;
}

/** Step controls: Prev/Next buttons and the arrow keys; `show` draws step i. */
function stepper(count: number, initial: number, show: (i: number) => void, onLeave: (fn: () => void) => void): Stepper {
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
  return { node: el('div', { class: 'stepper' }, prev, label, next, el('span', { class: 'muted keys' }, ' (or the ← → keys)')), go };
}

/** The trace as JSON lines, one event per line, as `arena` writes trace files. */
function traceJsonl(events: readonly Readonly<Record<string, unknown>>[]): string {
  return `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

/** The replay viewer: a match overview, then the match step by step (battles of a plan game, moves of a move game). */
export async function replayPage(ctx: PageContext): Promise<void> {
  const runs = await ctx.source.runs();
  const run = pickRun(runs, ctx.params.get('run'));
  const key = ctx.params.get('key') ?? '';
  const list = ctx.params.get('list');
  const detail = await ctx.source.match(run.id, key);
  const back = backLink(run.id, list);
  if (!detail || !detail.events) {
    append(
      ctx.root,
      heading('Replay', key),
      back,
      el('p', { id: 'no-trace' }, detail ? 'This match has no stored trace (it was not played yet).' : 'This export holds no trace for this match (it was written with --max-traces).'),
    );
    ready('match');
    return;
  }
  const events = detail.events as unknown as TraceEvent[];
  const start = events[0]?.type === 'match_start' ? events[0] : null;
  const seats: [string, string] = start ? [start.spec.seats[0].name, start.spec.seats[1].name] : [detail.summary.agents[0], detail.summary.agents[1]];
  const planCtx: PlanContext = { seats, roles: detail.summary.roles, revisions: detail.revisions ?? [] };
  const body = el('div', { id: 'step' });
  const initial = Math.floor(Number(ctx.params.get('step') ?? '1')) - 1 || 0;
  let overview: HTMLElement | null = null;
  const onStep = (i: number) => {
    replaceHash('match', { run: run.id, key, list: list ?? undefined, step: i + 1 });
    for (const c of Array.from(overview?.querySelectorAll<HTMLElement>('.overview-chip') ?? [])) c.classList.toggle('current', c.dataset['step'] === String(i));
  };
  let controls: Stepper;
  if (detail.summary.family === 'move') {
    const replay = moveReplay(events);
    const moveBoards = (detail.boards ?? []).filter((b) => b.seq !== null);
    const boards = new Map(moveBoards.map((b) => [b.seq as number, b]));
    const stepOfSeq = new Map(replay.steps.flatMap((s, i) => (s.move ? [[s.move.seq, i] as const] : [])));
    controls = stepper(
      replay.steps.length,
      initial,
      (i) => {
        const step = replay.steps[i];
        if (!step) return onStep(i);
        const board = step.move ? boards.get(step.move.seq) : undefined;
        const game = moveBoards.filter((b) => b.gameIndex === step.gameIndex && b.notation !== undefined);
        const moves = game.length ? moveList(game.map((b) => ({ seq: b.seq as number, notation: b.notation ?? '', best: b.best })), board?.seq ?? null, replay.progress, (seq) => controls.go(stepOfSeq.get(seq) ?? i)) : null;
        replace(body, moveStepView(step, seats, board, replay.progress, moves));
        onStep(i);
      },
      ctx.onLeave,
    );
    overview = moveOverview(replay.steps, seats, (i) => controls.go(i));
  } else {
    const replay = planReplay(events);
    controls = stepper(
      replay.steps.length,
      initial,
      (i) => {
        const step = replay.steps[i];
        if (step) replace(body, planStepView(step, planCtx, replay.progress));
        onStep(i);
      },
      ctx.onLeave,
    );
    overview = planOverview(replay.steps, planCtx, (i) => controls.go(i));
  }
  const errors = events.filter((e) => e.type === 'error');
  const s = detail.summary;
  append(
    ctx.root,
    heading(`Replay — ${s.game}: ${s.agents[0]} vs ${s.agents[1]}`, summaryLine(detail, planCtx)),
    el(
      'div',
      { class: 'controls' },
      back,
      el('button', { type: 'button', id: 'download-trace', onClick: () => download(fileName(key, 'jsonl'), 'application/x-ndjson', traceJsonl(detail.events ?? [])) }, 'Download trace (JSONL)'),
    ),
    errors.length ? el('p', { class: 'bad' }, `This match ended in an error: ${errors.map((e) => (e.type === 'error' ? e.message : '')).join('; ')}`) : null,
    overview,
    controls.node,
    body,
  );
  queueMicrotask(() => ready('match'));
}
