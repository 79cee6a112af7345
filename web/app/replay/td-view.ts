import type { TdLog, TdLogFrame } from '../../../games/tower-defense/log.js';
import { el, replace } from '../dom.js';

/** True for a lane-and-column battle log with keyframes (Tower Defense's). */
export function isTdLog(log: unknown): log is TdLog {
  const l = log as Partial<TdLog> | null;
  return typeof l === 'object' && l !== null && Array.isArray(l.frames) && Array.isArray(l.humans) && Array.isArray(l.demons) && typeof l.cell === 'number' && typeof l.lanes === 'number';
}

/** Short tag of a unit name: its capitals (MachineGunSoldier → MGS). */
export function initials(name: string): string {
  const caps = name.replace(/[^A-Z]/g, '');
  return caps || name.slice(0, 3);
}

/** A unit's label, unique in the battle: side letter and id, then the name's initials (H3·MGS, D12·I). */
export function unitLabel(side: 'human' | 'demon', id: number, name: string): string {
  return `${side === 'human' ? 'H' : 'D'}${id}·${initials(name)}`;
}

interface Mark {
  readonly side: 'human' | 'demon';
  readonly tag: string;
  readonly hp: number;
}

function hpText(hp: number, scale: number): string {
  const v = Math.max(0, hp) / scale;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function marks(log: TdLog, frame: TdLogFrame): Map<string, Mark[]> {
  const cells = new Map<string, Mark[]>();
  const put = (lane: number, col: number, m: Mark) => {
    const key = `${lane}:${col}`;
    const list = cells.get(key);
    if (list) list.push(m);
    else cells.set(key, [m]);
  };
  const humans = new Map(log.humans.map((h) => [h.id, h]));
  const demons = new Map(log.demons.map((d) => [d.id, d]));
  for (const [id, hp] of frame.humans) {
    const h = humans.get(id);
    if (h) put(h.y, h.x, { side: 'human', tag: unitLabel('human', id, h.name), hp });
  }
  for (const [id, front, hp] of frame.demons) {
    const d = demons.get(id);
    if (!d) continue;
    const col = Math.max(0, Math.min(log.columns, Math.floor(front / log.cell)));
    put(d.y, col, { side: 'demon', tag: unitLabel('demon', id, d.name), hp });
  }
  return cells;
}

/** Who plays each side of the battle: the role and the agent in its seat. */
export interface TdSides {
  readonly human: string;
  readonly demon: string;
}

/**
 * The lanes-by-columns grid, animated from t = 0: Human units at their cells, demons at the column of their front
 * (the extra right column is where demons enter), every unit with a unique label and its HP, breached lanes
 * marked. Play/pause runs the keyframes; the slider picks one. A legend ties each label to its unit and agent.
 */
export function tdView(log: TdLog, sides: TdSides): HTMLElement {
  const grid = el('table', { class: 'td-grid', id: 'td-grid' });
  const label = el('span', { class: 'slider-label', id: 'td-time' });
  const events = el('ul', { class: 'events' });
  const legendBody = el('tbody', {});
  const last = Math.max(0, log.frames.length - 1);
  const slider = el('input', { type: 'range', min: '0', max: String(last), value: '0', id: 'td-slider', ariaLabel: 'keyframe' });
  const names = new Map<string, string>();
  for (const h of log.humans) names.set(unitLabel('human', h.id, h.name), h.name);
  for (const d of log.demons) names.set(unitLabel('demon', d.id, d.name), d.name);
  const human = new Map(log.humans.map((h) => [h.id, h]));
  const demon = new Map(log.demons.map((d) => [d.id, d]));
  const show = (index: number): void => {
    const frame = log.frames[index];
    if (!frame) return;
    const cells = marks(log, frame);
    const breached = new Set(log.events.filter((e) => e.type === 'breach' && e.t <= frame.t).map((e) => (e.type === 'breach' ? e.y : -1)));
    if (index === last && log.end?.lostRow !== null && log.end?.lostRow !== undefined) breached.add(log.end.lostRow);
    const header = el('tr', {}, el('th', {}, ''), ...Array.from({ length: log.columns + 1 }, (_, c) => el('th', {}, c === log.columns ? 'in' : String(c))));
    const rows = Array.from({ length: log.lanes }, (_, lane) =>
      el(
        'tr',
        { class: breached.has(lane) ? 'breached' : '', dataset: { lane: String(lane) } },
        el('th', {}, `lane ${lane}`, breached.has(lane) ? el('span', { class: 'breach-mark' }, ' ✖ breach') : null),
        ...Array.from({ length: log.columns + 1 }, (_, col) => {
          const list = cells.get(`${lane}:${col}`) ?? [];
          const cls = list.length === 0 ? 'cell' : `cell ${[...new Set(list.map((m) => m.side))].join(' ')}`;
          return el('td', { class: cls }, ...list.map((m) => el('span', { class: `unit ${m.side}`, dataset: { unit: m.tag } }, m.tag, el('small', {}, ` ${hpText(m.hp, log.hpScale)}`))));
        }),
      ),
    );
    replace(grid, header, ...rows);
    const alive = new Map<string, number>([
      ...frame.humans.map(([id, hp]) => [unitLabel('human', id, human.get(id)?.name ?? ''), hp] as const),
      ...frame.demons.map(([id, , hp]) => [unitLabel('demon', id, demon.get(id)?.name ?? ''), hp] as const),
    ]);
    replace(
      legendBody,
      ...[...names].map(([tag, name]) => {
        const isHuman = tag.startsWith('H');
        const hp = alive.get(tag);
        return el(
          'tr',
          { class: hp === undefined ? 'gone' : '' },
          el('td', { class: `unit ${isHuman ? 'human' : 'demon'}` }, tag),
          el('td', {}, name),
          el('td', {}, isHuman ? sides.human : sides.demon),
          el('td', { class: 'num' }, hp === undefined ? '—' : hpText(hp, log.hpScale)),
        );
      }),
    );
    const prev = log.frames[index - 1]?.t ?? -1;
    const recent = log.events.filter((e) => e.t > prev && e.t <= frame.t).slice(0, 30);
    replace(events, ...recent.map((e) => el('li', { class: e.type === 'breach' ? 'bad' : '' }, `${(e.t / 1000).toFixed(2)} s: ${e.type}${e.type === 'breach' ? ` in lane ${e.y}` : ''} #${e.id}`)));
    const end = index === last && log.end ? ` — ${log.end.winner} side wins${log.end.lostRow !== null ? ` (breach in lane ${log.end.lostRow})` : ''}${log.end.capped ? ', time cap' : ''}` : '';
    replace(label, `t = ${(frame.t / 1000).toFixed(1)} s (keyframe ${index + 1} of ${log.frames.length})${end}`);
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  const play = el('button', { type: 'button', id: 'td-play', class: 'play' }, '▶ Play');
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    replace(play, '▶ Play');
  };
  const step = (): void => {
    // A view taken off the page (another step, another page) stops its own animation.
    if (!grid.isConnected || Number(slider.value) >= last) return stop();
    slider.value = String(Number(slider.value) + 1);
    show(Number(slider.value));
  };
  play.addEventListener('click', () => {
    if (timer !== null) return stop();
    if (Number(slider.value) >= last) slider.value = '0';
    show(Number(slider.value));
    timer = setInterval(step, 200);
    replace(play, '⏸ Pause');
  });
  slider.addEventListener('input', () => {
    stop();
    show(Number(slider.value));
  });
  show(0);
  return el(
    'div',
    { class: 'battle td' },
    el('p', { class: 'td-sides' }, el('span', { class: 'unit human' }, `Human: ${sides.human}`), ' vs ', el('span', { class: 'unit demon' }, `Demon: ${sides.demon}`)),
    el('div', { class: 'slider' }, play, slider, label),
    el('div', { class: 'table-wrap' }, grid),
    el('details', { class: 'td-legend', open: true }, el('summary', {}, 'Legend: every unit, its agent and HP at this moment'), el('div', { class: 'table-wrap' }, el('table', { class: 'report', id: 'td-legend' }, el('thead', {}, el('tr', {}, ...['label', 'unit', 'agent', 'HP'].map((h) => el('th', {}, h)))), legendBody))),
    el('details', {}, el('summary', {}, 'Events at this keyframe'), events),
  );
}
