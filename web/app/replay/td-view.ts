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

interface Mark {
  readonly side: 'human' | 'demon';
  readonly tag: string;
  readonly title: string;
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
    if (h) put(h.y, h.x, { side: 'human', tag: initials(h.name), title: `${h.name} #${id}, HP ${hp / log.hpScale}` });
  }
  for (const [id, front, hp] of frame.demons) {
    const d = demons.get(id);
    if (!d) continue;
    const col = Math.max(0, Math.min(log.columns, Math.floor(front / log.cell)));
    put(d.y, col, { side: 'demon', tag: initials(d.name), title: `${d.name} #${id}, HP ${hp / log.hpScale}` });
  }
  return cells;
}

/**
 * The lanes-by-columns grid at a chosen keyframe: Human units at their cells, demons at the column of their
 * front (the extra right column is where demons enter). A slider picks the keyframe.
 */
export function tdView(log: TdLog): HTMLElement {
  const grid = el('table', { class: 'td-grid', id: 'td-grid' });
  const label = el('span', { class: 'slider-label', id: 'td-time' });
  const events = el('ul', { class: 'events' });
  const last = Math.max(0, log.frames.length - 1);
  const slider = el('input', { type: 'range', min: '0', max: String(last), value: String(last), id: 'td-slider', ariaLabel: 'keyframe' });
  const show = (index: number): void => {
    const frame = log.frames[index];
    if (!frame) return;
    const cells = marks(log, frame);
    const header = el('tr', {}, el('th', {}, ''), ...Array.from({ length: log.columns + 1 }, (_, c) => el('th', {}, c === log.columns ? 'in' : String(c))));
    const rows = Array.from({ length: log.lanes }, (_, lane) =>
      el(
        'tr',
        {},
        el('th', {}, `lane ${lane}`),
        ...Array.from({ length: log.columns + 1 }, (_, col) => {
          const list = cells.get(`${lane}:${col}`) ?? [];
          const cls = list.length === 0 ? 'cell' : `cell ${[...new Set(list.map((m) => m.side))].join(' ')}`;
          return el('td', { class: cls, title: list.map((m) => m.title).join('\n') }, list.map((m) => m.tag).join(' '));
        }),
      ),
    );
    replace(grid, header, ...rows);
    const prev = log.frames[index - 1]?.t ?? -1;
    const recent = log.events.filter((e) => e.t > prev && e.t <= frame.t).slice(0, 30);
    replace(events, ...recent.map((e) => el('li', {}, `${(e.t / 1000).toFixed(2)} s: ${e.type} #${e.id}`)));
    const end = index === last && log.end ? ` — ${log.end.winner} side wins${log.end.lostRow !== null ? ` (breach in lane ${log.end.lostRow})` : ''}${log.end.capped ? ', time cap' : ''}` : '';
    replace(label, `t = ${(frame.t / 1000).toFixed(1)} s (keyframe ${index + 1} of ${log.frames.length})${end}`);
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  show(last);
  return el('div', { class: 'battle td' }, el('div', { class: 'slider' }, slider, label), grid, el('details', {}, el('summary', {}, 'Events at this keyframe'), events));
}
