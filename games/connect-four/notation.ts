/**
 * Connect Four move notation: the column number, 1 (left) to `cols` (right), as labelled on the board. The parser
 * also accepts, case-insensitively and ignoring a leading verb such as "play" or "drop": `column 4`, `col 4`,
 * `col. 4`, `column #4`, `(4)`, `[4]`, `4th column`, and a text naming exactly one column ("I drop in column 4",
 * "4 blocks the threat"). Column letters are not accepted (`d`, `c4` are unparseable): the board labels columns
 * with numbers only, and a letter would be ambiguous between conventions.
 */
export type ColumnParse =
  | { readonly ok: true; readonly col: number }
  | { readonly ok: false; readonly code: 'move/unparseable' | 'move/out_of_range'; readonly reason: string };

/** Canonical text of a 0-based column index. */
export function columnName(col: number): string {
  return String(col + 1);
}

function normalise(text: string): string {
  let t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  t = t.replace(/^[`'"*_([]+|[`'"*_)\]]+$/g, '').trim();
  t = t.replace(/[.!]+$/, '').trim();
  t = t.replace(/^(?:my move is|move|play|i play|drop|i drop|answer)\s*(?::|in|into|at|on)?\s*/, '').trim();
  return t.replace(/^[`'"*_([]+|[`'"*_)\]]+$/g, '').trim();
}

function fromNumber(n: number, cols: number, text: string): ColumnParse {
  if (!Number.isInteger(n) || n < 1 || n > cols) {
    return { ok: false, code: 'move/out_of_range', reason: `there is no column ${text}: columns are numbered 1-${cols}` };
  }
  return { ok: true, col: n - 1 };
}

/** Parses a column; legality in a position (a full column, a finished game) is checked by the rules. */
export function parseColumn(text: string, cols: number): ColumnParse {
  const t = normalise(text);
  let m: RegExpMatchArray | null;
  if ((m = /^(?:col|column)?\.?\s?(?:no\.?|number|#)?\s?(\d+)$/.exec(t))) return fromNumber(Number(m[1]), cols, m[1] ?? '');
  if ((m = /^(\d+)(?:st|nd|rd|th)? col(?:umn)?$/.exec(t))) return fromNumber(Number(m[1]), cols, m[1] ?? '');
  const phrases = new Set([...t.matchAll(/\bcol(?:umn)?\.?\s?(?:no\.?|number|#)?\s?(\d+)\b/g)].map((x) => x[1] ?? ''));
  const ordinals = new Set([...t.matchAll(/\b(\d+)(?:st|nd|rd|th)? col(?:umn)?\b/g)].map((x) => x[1] ?? ''));
  const named = phrases.size + ordinals.size > 0 ? new Set([...phrases, ...ordinals]) : new Set([...t.matchAll(/(?<![a-z0-9.])(\d+)(?![a-z0-9]|\.\d)/g)].map((x) => x[1] ?? ''));
  if (named.size === 1) {
    const [only = ''] = named;
    return fromNumber(Number(only), cols, only);
  }
  if (named.size > 1) {
    return { ok: false, code: 'move/unparseable', reason: `the reply names several columns (${[...named].join(', ')}); name exactly one` };
  }
  return { ok: false, code: 'move/unparseable', reason: `could not read a column number from '${text.trim().slice(0, 60)}'; answer with one number from 1 to ${cols}` };
}
