import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../arena/trace/events.js';
import type { SideIndex } from '../../games/core/plan-game.js';
import { createRng } from '../../games/core/rng.js';
import { change, KEEP, planTrace, type PlanTraceSpec } from '../testing/plan-trace.js';
import { syntheticTournament } from '../testing/tournament.js';
import { formatCsvRow } from './csv.js';
import { exportAdvgamebench } from './export.js';
import { readAgbFolder, writeAgbFolder } from './folder.js';
import { agbFilePath } from './layout.js';
import { advgamebenchFromTraces, advgamebenchProfile } from './profile.js';

const csvText = (header: readonly string[], rows: readonly (readonly string[])[]): string => [header, ...rows].map(formatCsvRow).join('');

describe('export to the reference CSV layout', () => {
  const tb = planTrace({
    game: 'turn-based',
    seats: ['alpha', 'beta'],
    rounds: 2,
    budgets: [20, 20],
    initial: [[{ cost: 18 }], [{ cost: 19 }]],
    revisions: [change(20), change(21)],
    winners: [0, null, 1],
  });

  it('writes one file per (role, tag, tested model) with the exact header, cells and duplicated final round', () => {
    const { files } = exportAdvgamebench([tb]);
    expect(files.map(agbFilePath)).toEqual(['Turn-based/defender_results/first/alpha_results.csv', 'Turn-based/invader_results/second/beta_results.csv']);
    const expected = [
      'round,defender_cost,invader_cost,winner,invader_LLM,defender_LLM',
      '1,18,19,Defenders,beta,alpha',
      '2,20,19,,beta,alpha', // no winner: an empty cell
      '2,20,21,Invaders,beta,alpha', // the final battle is labelled R again
      '',
    ].join('\n');
    for (const f of files) expect(csvText(f.header, f.rows)).toBe(expected);
  });

  it('numbers rows uniquely on request', () => {
    const { files } = exportAdvgamebench([tb], { roundNumbering: 'unique' });
    expect(files[0]?.rows.map((r) => r[0])).toEqual(['1', '2', '3']);
  });

  it('fills Tower Defense extras for raw Demon wins only, formatted per block as pandas does', () => {
    const spec: PlanTraceSpec = {
      seats: ['H', 'D'],
      rounds: 3,
      budgets: [2000, 1500],
      initial: [[{ cost: 1000 }], [{ cost: 2100 }]],
      revisions: [KEEP, change(1400)],
      winners: [0, 0, 1], // b1: the demon is over budget, so Human wins although the raw battle was a Demon win
      rawWinners: [1, 0, 1],
      summaries: [{ lostRow: 2, remainUnits: 2, remainCost: 800 }, { lostRow: 0, remainUnits: 5, remainCost: 900 }, { lostRow: 4, remainUnits: 1, remainCost: 400 }],
    };
    const mixed = exportAdvgamebench([planTrace(spec)]).files[0];
    expect(mixed && csvText(mixed.header, mixed.rows)).toBe(
      [
        'round,side,human_cost,demon_cost,winner,lost_row,winner_remain_chars,winner_remain_cost,human_LLM,demon_LLM',
        '1,,1000,2100,Human,2.0,2.0,800.0,H,D',
        '2,,1000,2100,Human,,,,H,D',
        '3,,1000,1400,Demon,4.0,1.0,400.0,H,D',
        '',
      ].join('\n'),
    );
    // A block where every battle was a raw Demon win keeps integers; one with none leaves the cells empty.
    const allDemon = exportAdvgamebench([planTrace({ ...spec, rawWinners: [1, 1, 1] })]).files[0];
    expect(allDemon?.rows.map((r) => r.slice(5, 8).join(' '))).toEqual(['2 2 800', '0 5 900', '4 1 400']);
    const noDemon = exportAdvgamebench([planTrace({ ...spec, rawWinners: [0, 0, 0] })]).files[0];
    expect(noDemon?.rows.map((r) => r.slice(5, 8).join(''))).toEqual(['', '', '']);
  });

  it('appends blocks per opponent (by name, then match key) and skips error and move matches', () => {
    const m = (id: string, opp: string, winner: SideIndex): TraceEvent[] => planTrace({ id, seats: ['A', opp], rounds: 2, winners: [winner, winner] });
    const err = planTrace({ id: 'e', seats: ['A', 'X'], rounds: 2, winners: [0, 0], status: 'error' });
    const { files, skipped } = exportAdvgamebench([m('3', 'Z', 1), m('2', 'Y', 1), err, m('1', 'Z', 0)]);
    const human = files.find((f) => f.role === 'human');
    // human_LLM, demon_LLM are the last two columns; winners show which Z block is which.
    expect(human?.rows.map((r) => `${r[9]}:${r[4]}`)).toEqual(['Y:Demon', 'Y:Demon', 'Z:Human', 'Z:Human', 'Z:Demon', 'Z:Demon']);
    expect(skipped).toEqual({ infrastructure: 1 });
  });

  it('warns about model names containing "/"', () => {
    const { files, warnings } = exportAdvgamebench([planTrace({ seats: ['org/model', 'B'], rounds: 2, winners: [0, 0] })]);
    expect(files.find((f) => f.role === 'human')?.model).toBe('org-model');
    expect(warnings.filter((w) => w.includes("'org/model'"))).toHaveLength(1);
  });

  it('warns when budgets differ from those the evaluator hard-codes', () => {
    const at = (budgets: [number, number]): string[] => exportAdvgamebench([planTrace({ rounds: 2, budgets, winners: [0, 0] })]).warnings;
    expect(at([100, 100])).toEqual([expect.stringContaining('hard-codes 2000/1500')]);
    expect(at([2000, 1500])).toEqual([]);
  });
});

describe('export order', () => {
  it('is canonical: traces in any order give the same files and the same evaluator numbers', () => {
    // Repetitions: the same pairings meet several times, so blocks of one opponent follow each other in a file.
    const matches = syntheticTournament({ seed: 7, matches: 60, agents: ['m-a', 'm-b', 'm-c'] });
    const shuffled = createRng(99).shuffle(matches);
    const reversed = [...matches].reverse();
    const base = exportAdvgamebench(matches);
    expect(exportAdvgamebench(shuffled).files).toEqual(base.files);
    expect(exportAdvgamebench(reversed).files).toEqual(base.files);
    const profile = advgamebenchFromTraces(matches, { bootstrap: 50, seed: 3 });
    expect(advgamebenchFromTraces(shuffled, { bootstrap: 50, seed: 3 }).models).toEqual(profile.models);
  });
});

describe('export round trip', () => {
  it('traces → CSV files → profile equals the profile computed directly from traces', async () => {
    const matches = syntheticTournament({ seed: 11, matches: 40, agents: ['m-a', 'm-b', 'm-c', 'vendor/m-d'] });
    const direct = advgamebenchFromTraces(matches, { bootstrap: 200, seed: 3 });
    const dir = await mkdtemp(join(tmpdir(), 'agb-export-'));
    try {
      const written = await writeAgbFolder(dir, exportAdvgamebench(matches).files);
      expect(written.length).toBeGreaterThan(10);
      expect((await readFile(written[0] as string, 'utf8')).split('\n')[0]).toMatch(/^round,/);
      const viaCsv = advgamebenchProfile(await readAgbFolder(dir), { bootstrap: 200, seed: 3 });
      expect(viaCsv.models).toEqual(direct.models);
      expect(viaCsv.warnings).toEqual(direct.warnings);
      await expect(writeAgbFolder(dir, exportAdvgamebench(matches).files)).rejects.toThrow(/already exists/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
