/**
 * Tic-tac-toe move notation. Canonical form: column letter a-c (left to right) then row number 1-3 (top to
 * bottom), e.g. `b2` is the centre. The parser also accepts, case-insensitively and ignoring a leading verb such
 * as "play" or "move:":
 * - `2b` (row first), `b 2`;
 * - `row 2 col 3`, `col 3 row 2`, `r2c3`, `row 2, column 3`;
 * - a (row, column) pair numbered from 1 like the board labels: `(2,3)`, `2,3`, `[2, 3]`, `2 3`;
 * - a cell number 1-9 in reading order (1 = a1, 3 = c1, 9 = c3);
 * - words: `centre`/`center`/`middle`, `top left`, `bottom-right`, `middle left`, `top centre` ...;
 * - otherwise a text naming exactly one cell in canonical form ("I take b2.").
 * Pairs are never read as 0-based: `(0,1)` is out of range, because the board is labelled from 1.
 */
export type CellParse =
  | { readonly ok: true; readonly cell: number }
  | { readonly ok: false; readonly code: 'move/unparseable' | 'move/out_of_range'; readonly reason: string };

const COLS = 'abc';

/** Canonical name of cell i (i = 3 * row + col). */
export function cellName(cell: number): string {
  return `${COLS[cell % 3] ?? '?'}${Math.floor(cell / 3) + 1}`;
}

function fromRowCol(row: number, col: number, text: string): CellParse {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || row > 3 || col < 1 || col > 3) {
    return { ok: false, code: 'move/out_of_range', reason: `'${text}' is off the board: rows and columns are numbered 1-3` };
  }
  return { ok: true, cell: (row - 1) * 3 + (col - 1) };
}

function fromLetterRow(letter: string, row: string, text: string): CellParse {
  const col = COLS.indexOf(letter);
  if (col < 0) return { ok: false, code: 'move/out_of_range', reason: `'${text}' is off the board: columns are a-c` };
  return fromRowCol(Number(row), col + 1, text);
}

const VERTICAL: Readonly<Record<string, number>> = { top: 1, upper: 1, middle: 2, center: 2, centre: 2, bottom: 3, lower: 3 };
const HORIZONTAL: Readonly<Record<string, number>> = { left: 1, middle: 2, center: 2, centre: 2, right: 3 };

function fromWords(t: string): CellParse | null {
  const words = t.replace(/-/g, ' ').replace(/\b(corner|cell|square|side|edge|one|the)\b/g, ' ').trim().split(/\s+/);
  if (words.length === 1 && (words[0] === 'center' || words[0] === 'centre' || words[0] === 'middle')) return { ok: true, cell: 4 };
  if (words.length !== 2) return null;
  const [a = '', b = ''] = words;
  const v = VERTICAL[a];
  const h = HORIZONTAL[b];
  if (v !== undefined && h !== undefined) return fromRowCol(v, h, t);
  const v2 = VERTICAL[b];
  const h2 = HORIZONTAL[a];
  if (v2 !== undefined && h2 !== undefined && (a === 'left' || a === 'right')) return fromRowCol(v2, h2, t);
  return null;
}

/** Lower-cases, trims, and strips wrapping quotes, brackets of markup, a trailing full stop and a leading verb. */
function normalise(text: string): string {
  let t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  t = t.replace(/^[`'"*_]+|[`'"*_]+$/g, '').trim();
  t = t.replace(/[.!]+$/, '').trim();
  t = t.replace(/^(?:my move is|move|play|i play|i take|take|answer|cell|square|position)\s*(?::|at|on|in)?\s*/, '').trim();
  return t.replace(/^[`'"*_]+|[`'"*_]+$/g, '').trim();
}

export function parseCell(text: string): CellParse {
  const t = normalise(text);
  let m: RegExpMatchArray | null;
  if ((m = /^([a-z])\s?(\d+)$/.exec(t))) return fromLetterRow(m[1] ?? '', m[2] ?? '', t);
  if ((m = /^(\d+)\s?([a-z])$/.exec(t))) return fromLetterRow(m[2] ?? '', m[1] ?? '', t);
  if ((m = /^(?:r|row)\s?(\d+)\s?,?\s?(?:c|col|column)\s?(\d+)$/.exec(t))) return fromRowCol(Number(m[1]), Number(m[2]), t);
  if ((m = /^(?:c|col|column)\s?(\d+)\s?,?\s?(?:r|row)\s?(\d+)$/.exec(t))) return fromRowCol(Number(m[2]), Number(m[1]), t);
  if ((m = /^[([]?\s?(\d+)\s?[,;\s]\s?(\d+)\s?[)\]]?$/.exec(t))) return fromRowCol(Number(m[1]), Number(m[2]), t);
  if ((m = /^(\d+)$/.exec(t))) {
    const n = Number(m[1]);
    if (n < 1 || n > 9) return { ok: false, code: 'move/out_of_range', reason: `'${t}' is off the board: cells are numbered 1-9` };
    return { ok: true, cell: n - 1 };
  }
  const words = fromWords(t);
  if (words) return words;
  const named = new Set([...t.matchAll(/(?<![a-z0-9])([a-c])([1-3])(?![a-z0-9])/g)].map((x) => `${x[1] ?? ''}${x[2] ?? ''}`));
  if (named.size === 1) {
    const [only = ''] = named;
    return fromLetterRow(only[0] ?? '', only.slice(1), only);
  }
  if (named.size > 1) {
    return { ok: false, code: 'move/unparseable', reason: `the reply names several cells (${[...named].join(', ')}); name exactly one` };
  }
  return { ok: false, code: 'move/unparseable', reason: `could not read a cell from '${text.trim().slice(0, 60)}'; answer like b2 (column a-c, row 1-3)` };
}
