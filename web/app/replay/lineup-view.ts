import type { AbBattleLog, AbLogEvent, AbLogUnit } from '../../../games/auto-battler/types.js';
import type { TbLog, TbLogEvent } from '../../../games/turn-based/log.js';
import { bar, el, replace } from '../dom.js';

/** True for a two-lines battle log with per-turn snapshots (Auto-battler's). */
export function isAbLog(log: unknown): log is AbBattleLog {
  const l = log as Partial<AbBattleLog> | null;
  return typeof l === 'object' && l !== null && Array.isArray(l.turns) && Array.isArray(l.initial) && Array.isArray(l.lines);
}

/** True for a lineup battle log with one HP frame per action (Turn-based's). */
export function isTbLog(log: unknown): log is TbLog {
  const l = log as Partial<TbLog> | null;
  return typeof l === 'object' && l !== null && Array.isArray(l.lineups) && Array.isArray(l.frames);
}

/** A skill or status id as words: `flame_splash` → `Flame Splash`. */
export function readable(id: string): string {
  return id
    .split(/[_\s]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** One fighter: its name, a few stats, and an HP bar. HP below zero (overkill) shows as 0. */
function fighter(name: string, hp: number, maxHp: number, stats: string, active: boolean): HTMLElement {
  const shown = Math.max(0, hp);
  return el(
    'div',
    { class: `fighter${shown <= 0 ? ' dead' : ''}${active ? ' active' : ''}` },
    el('div', { class: 'name' }, name),
    el('div', { class: 'stats', title: stats }, stats),
    bar(maxHp > 0 ? shown / maxHp : 0, 'hp'),
    el('div', { class: 'hp-text' }, `HP ${shown} / ${maxHp}`),
  );
}

/**
 * A slider over frames with two lineups and the frame's event list; it opens at the lineups as they start the
 * battle, and the winner is stated above the slider.
 */
function framed(cls: string, count: number, render: (i: number) => { title: string; lines: [HTMLElement[], HTMLElement[]]; events: string[] }, sides: readonly [string, string], winner: string): HTMLElement {
  const label = el('span', { class: 'slider-label' });
  const board = el('div', { class: 'lineups' });
  const events = el('ul', { class: 'events' });
  const slider = el('input', { type: 'range', min: '0', max: String(Math.max(0, count - 1)), value: '0', ariaLabel: 'action', class: 'battle-slider' });
  const show = (i: number): void => {
    const f = render(i);
    replace(label, `${f.title} (${i + 1} of ${count})`);
    replace(board, ...f.lines.map((line, s) => el('div', { class: `lineup side-${s}` }, el('h4', {}, sides[s] ?? `side ${s}`), el('div', { class: 'units' }, ...line))));
    replace(events, ...f.events.slice(0, 40).map((e) => el('li', {}, e)));
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  show(0);
  return el('div', { class: `battle ${cls}` }, el('p', { class: 'battle-winner' }, winner), el('div', { class: 'slider' }, slider, label), board, events);
}

function abEvent(e: AbLogEvent, name: (id: number) => string): string {
  switch (e.e) {
    case 'hit':
      return `${e.kind}: ${e.from === null ? '—' : name(e.from)} → ${name(e.to)} for ${e.amount}${e.blocked ? ' (shield)' : ''}, HP ${e.hp}`;
    case 'death':
      return `${name(e.unit)} dies`;
    case 'summon':
      return `${name(e.by)} summons ${e.unit.name}`;
    case 'target':
      return `${name(e.unit)} targets ${name(e.target)}`;
    default:
      return `${e.e}: ${name(e.unit)}`;
  }
}

/** Auto-battler: both lines with HP bars, before the battle, after start effects and after every turn. */
export function abView(log: AbBattleLog, sides: readonly [string, string], winner: string): HTMLElement {
  const names = new Map<number, string>();
  const learn = (units: readonly AbLogUnit[]) => units.forEach((u) => names.set(u.id, u.name));
  [...log.initial, ...log.lines, ...log.turns.flatMap((t) => t.lines)].forEach(learn);
  log.turns.forEach((t) => t.events.forEach((e) => e.e === 'summon' && names.set(e.unit.id, e.unit.name)));
  const name = (id: number) => `${names.get(id) ?? 'unit'} #${id}`;
  const frames = [
    { title: 'lines as bought', lines: log.initial, events: [] as readonly AbLogEvent[], actor: -1 },
    { title: 'after start-of-battle effects', lines: log.lines, events: log.start, actor: -1 },
    ...log.turns.map((t) => ({ title: `turn ${t.turn}: side ${t.side} acts with ${name(t.unit)}`, lines: t.lines, events: t.events, actor: t.unit })),
  ];
  return framed(
    'ab',
    frames.length,
    (i) => {
      const f = frames[i] ?? frames[0];
      if (!f) return { title: '', lines: [[], []], events: [] };
      const line = (units: readonly AbLogUnit[]) =>
        units.map((u) => fighter(`${u.name}${u.gold ? ' ★' : ''}`, u.hp, u.maxHp, `ATK ${u.atk}${u.shield ? ', shield' : ''}${u.taunt ? ', taunt' : ''}${u.burn ? `, burn ${u.burn}` : ''}`, u.id === f.actor));
      const end = i === frames.length - 1 ? ` — side ${log.winner} (${sides[log.winner] ?? '?'}) wins${log.capped ? ' (turn cap)' : ''}` : '';
      return { title: `${f.title}${end}`, lines: [line(f.lines[0]), line(f.lines[1])], events: f.events.map((e) => abEvent(e, name)) };
    },
    sides,
    winner,
  );
}

function tbEvent(e: TbLogEvent): string {
  const who = `side ${e.side} #${e.index}`;
  switch (e.type) {
    case 'damage':
      return `${who} loses ${e.amount} HP (${e.cause})`;
    case 'heal':
      return `${who} gains ${e.amount} HP (${e.cause})`;
    case 'absorb':
      return `${who}: ${readable(e.by)} absorbs ${e.amount}`;
    case 'status':
      return `${who} ${e.op === 'gain' ? 'gains' : 'loses'} ${readable(e.status)}${e.op === 'gain' ? ` (${e.value})` : ''}`;
    case 'defeated':
      return `${who} is defeated`;
  }
}

/** Turn-based: both teams with HP bars, at the start and after every action and end-of-round phase. */
export function tbView(log: TbLog, sides: readonly [string, string], winner: string): HTMLElement {
  const start = { round: 0, actor: null, skill: null, target: null, events: [], hp: [log.lineups[0].map((f) => f.maxHp), log.lineups[1].map((f) => f.maxHp)] as const };
  const frames = [start, ...log.frames];
  return framed(
    'tb',
    frames.length,
    (i) => {
      const f = frames[i] ?? start;
      const title =
        i === 0
          ? 'lineups at the start'
          : f.actor
            ? `round ${f.round}: side ${f.actor[0]} #${f.actor[1]} ${f.skill ? `uses ${readable(f.skill)}` : 'passes'}${f.target ? ` on side ${f.target[0]} #${f.target[1]}` : ''}`
            : `round ${f.round}: end of round`;
      const line = (s: 0 | 1) =>
        log.lineups[s].map((c, j) => fighter(`#${j} ${c.element}`, f.hp[s][j] ?? 0, c.maxHp, c.cycle.map((k) => (k === null ? 'pass' : readable(k))).join(' · '), f.actor?.[0] === s && f.actor[1] === j));
      return { title, lines: [line(0), line(1)], events: f.events.map(tbEvent) };
    },
    sides,
    winner,
  );
}
