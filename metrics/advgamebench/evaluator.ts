import { modelStem, ROLES, type AgbFile } from './layout.js';

/**
 * The reference evaluator's computation on one CSV (REFERENCE-EVALUATOR §3), to the letter: cells are read as
 * pandas reads them, rows filtered by round parity and tag, all rows of the file treated as one sequence.
 */

export const AGB_METRICS = ['win_rate', 'correction_rate', 'correction_success_rate', 'improvement_slope', 'over_budget_ratio'] as const;
export type AgbMetricId = (typeof AGB_METRICS)[number];

export type FileMetrics = Readonly<Record<AgbMetricId, number>> & {
  /** Kept rows. */
  readonly n: number;
  /** Cost changes between consecutive kept rows. */
  readonly corr: number;
};

/** A kept row: the tested role's cost, whether the tested model won, and the block (match) it came from. */
export interface KeptRow {
  readonly cost: number;
  readonly win: boolean;
  readonly block: number;
}

/** pandas' default NA strings: such cells read as NaN, which equals nothing. */
const NA = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);
const NUMBER = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf(inity)?)\s*$/i;
const BOOLEAN = /^(True|TRUE|true|False|FALSE|false)$/;

function numberCell(cell: string | undefined): number {
  if (cell === undefined || NA.has(cell) || !NUMBER.test(cell)) return NaN;
  const t = cell.trim().toLowerCase().replace(/^([+-]?)inf(inity)?$/, '$1Infinity');
  return Number(t);
}

/**
 * A column as strings comparable to a model name or winner label: NA cells give null, and a column pandas would
 * parse as numbers or booleans (every non-NA cell numeric or boolean) never equals a string, so all null.
 */
function stringColumn(cells: readonly (string | undefined)[]): (string | null)[] {
  const present = cells.filter((c): c is string => c !== undefined && !NA.has(c));
  if (present.length > 0 && (present.every((c) => NUMBER.test(c)) || present.every((c) => BOOLEAN.test(c)))) return cells.map(() => null);
  return cells.map((c) => (c === undefined || NA.has(c) ? null : c));
}

function columnIndex(file: AgbFile, name: string): number {
  const i = file.header.indexOf(name);
  if (i < 0) throw new Error(`${file.game}/${file.role}_results/${file.tag}/${file.model}_results.csv: no column '${name}'`);
  return i;
}

/** Python's `x % 2` for the parity filter (non-negative for negative x). */
const parity = (x: number): number => ((x % 2) + 2) % 2;

/** Row selection and per-row facts (§3 steps 1–3), and the number of blocks (each starts at a `round == 1` row). */
export function keptRows(file: AgbFile): { readonly kept: KeptRow[]; readonly blocks: number } {
  const info = ROLES[file.role];
  const roundAt = columnIndex(file, 'round');
  const rounds = file.rows.map((r) => numberCell(r[roundAt]));
  const winners = stringColumn(file.rows.map((r) => r[columnIndex(file, 'winner')]));
  const llms = stringColumn(file.rows.map((r) => r[columnIndex(file, info.llmColumn)]));
  const costAt = columnIndex(file, info.costColumn);
  const want = file.tag === 'first' ? 0 : 1;
  const kept: KeptRow[] = [];
  let block = -1;
  file.rows.forEach((r, i) => {
    const round = rounds[i] as number;
    if (round === 1 || block < 0) block++;
    if (round === 1 || parity(round) !== want) return;
    const win = llms[i] === file.model && winners[i] === info.winner;
    kept.push({ cost: numberCell(r[costAt]), win, block });
  });
  return { kept, blocks: block + 1 };
}

/** §3 step 4, literally: the five metrics of one file from its kept rows (zero defaults). */
export function fileMetrics(rows: readonly KeptRow[], budget: number): FileMetrics {
  const n = rows.length;
  if (n === 0) return { win_rate: 0, correction_rate: 0, correction_success_rate: 0, improvement_slope: 0, over_budget_ratio: 0, n: 0, corr: 0 };
  const w = rows.map((r) => (r.win ? 1 : 0));
  const c = rows.map((r) => r.cost);
  const wMean = w.reduce((a: number, b) => a + b, 0) / n;
  const over = c.filter((x) => x > budget).length / n;
  let corr = 0;
  let success = 0;
  for (let k = 0; k < n - 1; k++) {
    if (c[k + 1] !== c[k]) {
      corr++;
      if (w[k + 1] === 1) success++;
    }
  }
  let slope = 0;
  if (n > 1) {
    const xMean = (n - 1) / 2;
    let sxy = 0;
    let sxx = 0;
    for (let k = 0; k < n; k++) {
      sxy += (k - xMean) * ((w[k] as number) - wMean);
      sxx += (k - xMean) * (k - xMean);
    }
    slope = sxy / sxx;
  }
  return {
    win_rate: wMean,
    correction_rate: n <= 1 ? 0 : corr / (n - 1),
    correction_success_rate: corr === 0 ? 0 : success / corr,
    improvement_slope: slope,
    over_budget_ratio: over,
    n,
    corr,
  };
}

/** Budget the evaluator hard-codes for the file's role. */
export const fileBudget = (file: AgbFile): number => ROLES[file.role].budget;

/** Names in the tested role's *_LLM column that contain '/' yet slug to the file's model: their wins never count. */
export function slashNames(file: AgbFile): string[] {
  const at = file.header.indexOf(ROLES[file.role].llmColumn);
  if (at < 0) return [];
  const names = new Set<string>();
  for (const r of file.rows) {
    const name = r[at];
    if (name !== undefined && name.includes('/') && modelStem(name) === file.model) names.add(name);
  }
  return [...names];
}
