import type { PlanMatchSpec, RoundResultEvent, TraceEvent } from '../../arena/trace/events.js';
import type { SideIndex } from '../../games/core/plan-game.js';
import { exclusionReason } from '../steps/extract.js';
import { layoutForGame, modelStem, ROLES, slashWarning, type AgbFile, type AgbGameLayout, type AgbRole, type AgbTag } from './layout.js';

export interface AgbExportOptions {
  /**
   * `reference` (default) numbers rows as the reference does whatever the trace used: Tower Defense 1…R;
   * Auto-battler/Turn-based 1…R then R again for the final battle. `unique` numbers rows 1, 2, 3, … .
   */
  readonly roundNumbering?: 'reference' | 'unique';
}

export interface AgbExport {
  /**
   * One file per (game, role, tag, tested model), blocks ordered by opponent name, then by match key (`matchId`),
   * then by the block's own cells: the same matches give the same files whatever order their traces arrive in
   * (the reference evaluator reads a file's rows as one sequence, so row order changes its numbers).
   */
  readonly files: AgbFile[];
  readonly warnings: string[];
  /** Matches not exported, by reason (error, incomplete, move game, game unknown to the evaluator). */
  readonly skipped: Record<string, number>;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tower Defense extras, filled only for raw Demon wins (REFERENCE-EVALUATOR §1.2). */
const TD_EXTRAS: Readonly<Record<string, string>> = { lost_row: 'lostRow', winner_remain_chars: 'remainUnits', winner_remain_cost: 'remainCost' };

/** How pandas writes a column of one block: all empty → empty; some empty → floats (`2.0`); none → as is. */
function pandasColumn(values: readonly (number | string | null)[]): string[] {
  const anyEmpty = values.some((v) => v === null);
  const allEmpty = values.every((v) => v === null);
  return values.map((v) => {
    if (v === null || allEmpty) return '';
    if (typeof v === 'number' && anyEmpty && Number.isInteger(v)) return `${v}.0`;
    return String(v);
  });
}

/** The rows of one match (a block), identical for both tested seats. */
function blockRows(spec: PlanMatchSpec, layout: AgbGameLayout, battles: readonly RoundResultEvent[], numbering: 'reference' | 'unique'): string[][] {
  const sideOf = (role: AgbRole): SideIndex => (layout.roles[0] === role ? 0 : 1);
  const extras = new Map<string, string[]>();
  for (const [columnName, key] of Object.entries(TD_EXTRAS)) {
    if (!layout.header.includes(columnName)) continue;
    extras.set(columnName, pandasColumn(battles.map((b) => (b.raw.winner === 1 ? (b.raw.summary[key] ?? null) : null))));
  }
  return battles.map((b, i) => {
    const round = numbering === 'reference' && layout.finalDuplicate ? Math.min(b.battle, spec.rounds) : b.battle;
    return layout.header.map((column) => {
      if (column === 'round') return String(round);
      if (column === 'winner') return b.winner === null ? '' : ROLES[layout.roles[b.winner]].winner;
      const extra = extras.get(column);
      if (extra) return extra[i] as string;
      for (const role of layout.roles) {
        if (column === ROLES[role].costColumn) return String(b.costs[sideOf(role)]);
        if (column === ROLES[role].llmColumn) return spec.seats[sideOf(role)].name;
      }
      return '';
    });
  });
}

/**
 * Traces → the reference evaluator's CSV files (REFERENCE-EVALUATOR §1, §4). Each completed match contributes its
 * block of rows twice: once to the file of seat 0 as the tested model, once to the file of seat 1. Role = the side
 * the tested seat played; tag = `first` when it revised first; the opponent is the other seat. The output does not
 * depend on the order of `matches`.
 */
export function exportAdvgamebench(matches: readonly (readonly TraceEvent[])[], options: AgbExportOptions = {}): AgbExport {
  const numbering = options.roundNumbering ?? 'reference';
  const skipped: Record<string, number> = {};
  const warnings = new Set<string>();
  const skip = (reason: string): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const blocks = new Map<string, { file: Omit<AgbFile, 'rows'>; parts: { opponent: string; matchKey: string; cells: string; rows: string[][] }[] }>();
  for (const match of matches) {
    const start = match[0];
    if (start?.type !== 'match_start') continue;
    const reason = exclusionReason(match);
    if (reason !== null) {
      skip(reason);
      continue;
    }
    if (start.spec.family !== 'plan') {
      skip('move game');
      continue;
    }
    const spec = start.spec as PlanMatchSpec;
    const layout = layoutForGame(spec.game);
    if (layout === undefined) {
      skip(`game ${spec.game}`);
      continue;
    }
    const hardCoded = layout.roles.map((r) => ROLES[r].budget);
    if (spec.config.budgets[0] !== hardCoded[0] || spec.config.budgets[1] !== hardCoded[1]) {
      warnings.add(
        `${layout.dir}: matches played with budgets ${spec.config.budgets.join('/')}, but the reference evaluator hard-codes ${hardCoded.join('/')} for over_budget_ratio (play the 'paper' preset to compare)`,
      );
    }
    const battles = match.filter((e): e is RoundResultEvent => e.type === 'round_result');
    const rows = blockRows(spec, layout, battles, numbering);
    const cells = JSON.stringify(rows);
    for (const side of [0, 1] as const) {
      const name = spec.seats[side].name;
      if (name.includes('/')) {
        warnings.add(slashWarning(name));
      }
      const role = layout.roles[side];
      const tag: AgbTag = spec.reviseFirst === side ? 'first' : 'second';
      const file = { game: layout.dir, role, tag, model: modelStem(name), header: layout.header };
      const key = JSON.stringify([file.game, role, tag, file.model]);
      const entry = blocks.get(key) ?? { file, parts: [] };
      entry.parts.push({ opponent: spec.seats[side === 0 ? 1 : 0].name, matchKey: start.matchId, cells, rows });
      blocks.set(key, entry);
    }
  }
  const files = [...blocks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { file, parts }]) => {
      parts.sort((a, b) => byCodeUnits(a.opponent, b.opponent) || byCodeUnits(a.matchKey, b.matchKey) || byCodeUnits(a.cells, b.cells));
      return { ...file, rows: parts.flatMap((p) => p.rows) };
    });
  return { files, warnings: [...warnings], skipped };
}
