import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockStats, combineBlocks } from './blocks.js';
import { AGB_METRICS, fileBudget, fileMetrics, keptRows } from './evaluator.js';
import { readAgbFolder } from './folder.js';
import type { AgbFile } from './layout.js';
import { advgamebenchProfile, type AgbReport } from './profile.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/advgamebench/Turn-based', import.meta.url));

function values(report: AgbReport, model: string): Record<string, number | null> {
  const row = report.models.find((m) => m.model === model);
  if (!row) throw new Error(`no model ${model}`);
  return Object.fromEntries(AGB_METRICS.map((id) => [id, row.metrics[id].value]));
}

function expectClose(actual: Record<string, number | null>, expected: Record<string, number>): void {
  for (const [id, v] of Object.entries(expected)) expect(Math.abs((actual[id] as number) - v), id).toBeLessThan(1e-9);
}

describe('advgamebench profile on a CSV folder of the reference layout', () => {
  it('computes model_metrics as the evaluator does (values worked out by hand)', async () => {
    const files = await readAgbFolder(FIXTURE);
    const report = advgamebenchProfile(files, { bootstrap: 200 });
    // m1, defender/first (keep even rounds ≥ 2; both duplicated round-4 rows pass), two opponent blocks appended:
    //   kept costs 15 16 16 | 20 21 21, wins 1 1 0 | 0 0 0 (n = 6).
    //   win 2/6; over budget (> 20): 2/6; cost changes 15→16 (next won), 16→20 (across the opponent boundary),
    //   20→21: corr 3, success 1 → correction 3/5, success 1/3; slope: Σxw − x̄Σw = (0 + 1) − 2.5·2 = −4,
    //   Σ(x − x̄)² = 6·35/12 = 17.5 → −8/35.
    // m1, defender/second (keep odd rounds ≥ 3): costs 19 | 12, wins 1 | 1: win 1, over 0, corr 1 of 1 pair,
    //   success 1/1, slope 0.
    // m1, invader/first: costs 21 20 20, wins 0 0 1 (an empty winner cell is never a win): win 1/3, over 1/3,
    //   corr 1 of 2 pairs (21→20, next lost): correction ½, success 0; slope (2 − 1·1) / 2 = ½.
    // m1, invader/second: one kept row (cost 20, lost): win 0, over 0 (20 is not > 20), the rest 0.
    // Mean over the four (role, tag) files:
    expectClose(values(report, 'm1'), {
      win_rate: (2 / 6 + 1 + 1 / 3 + 0) / 4, // 5/12
      correction_rate: (3 / 5 + 1 + 1 / 2 + 0) / 4, // 0.525
      correction_success_rate: (1 / 3 + 1 + 0 + 0) / 4, // 1/3
      improvement_slope: (-8 / 35 + 0 + 1 / 2 + 0) / 4, // 19/280
      over_budget_ratio: (2 / 6 + 0 + 1 / 3 + 0) / 4, // 1/6
    });
    const m1 = report.models.find((m) => m.model === 'm1');
    expect(m1?.files).toBe(4);
    // n: kept rows 6 + 2 + 3 + 1; pairs 5 + 1 + 2 + 0; corrections 3 + 1 + 1 + 0.
    expect(m1?.metrics.win_rate.n).toBe(12);
    expect(m1?.metrics.correction_rate.n).toBe(8);
    expect(m1?.metrics.correction_success_rate.n).toBe(5);
    // m2: defender/second keeps nothing (rounds 1, 2, 2) → all five metrics 0.0; invader/first keeps both
    // round-2 rows, both won, cost unchanged → win 1, the rest 0. Mean: win ½.
    expectClose(values(report, 'm2'), { win_rate: 0.5, correction_rate: 0, correction_success_rate: 0, improvement_slope: 0, over_budget_ratio: 0 });
    // 'org/m3' never matches its file stem 'org-m3': no wins, and a warning says so.
    expectClose(values(report, 'org-m3'), { win_rate: 0 });
    expect(report.warnings.some((w) => w.includes("'org/m3'"))).toBe(true);
  });

  it('reproduces the worked example of the reference (Turn-based, invader, first, R = 4)', async () => {
    // Kept rounds 2, 4, 4 (n = 3), invader costs 20, 20, 20, all won by the tested invader.
    const files = (await readAgbFolder(FIXTURE)).filter((f) => f.model === 'chatgpt-4o');
    const report = advgamebenchProfile(files, { bootstrap: 100 });
    expectClose(values(report, 'chatgpt-4o'), { win_rate: 1, correction_rate: 0, correction_success_rate: 0, improvement_slope: 0, over_budget_ratio: 0 });
    expect(report.models[0]?.metrics.win_rate.n).toBe(3);
  });

  it('block statistics concatenated in file order equal the literal computation on rows', async () => {
    for (const file of await readAgbFolder(FIXTURE)) {
      const { kept, blocks } = keptRows(file);
      const literal = fileMetrics(kept, fileBudget(file));
      const combined = combineBlocks(blockStats(kept, blocks, fileBudget(file)), Array.from({ length: blocks }, (_, i) => i));
      for (const id of AGB_METRICS) expect(Math.abs(combined[id] - literal[id]), `${file.model} ${id}`).toBeLessThan(1e-12);
    }
  });

  it('reads cells as pandas does: NA strings and numeric name columns never equal a model name', () => {
    const header = ['round', 'defender_cost', 'invader_cost', 'winner', 'invader_LLM', 'defender_LLM'];
    const file = (model: string, name: string): AgbFile => ({
      game: 'Turn-based',
      role: 'defender',
      tag: 'first',
      model,
      header,
      rows: [['1', '10', '10', 'Defenders', 'o', name], ['2', '10', '10', 'Defenders', 'o', name]],
    });
    expect(fileMetrics(keptRows(file('m', 'm')).kept, 20).win_rate).toBe(1);
    expect(fileMetrics(keptRows(file('NA', 'NA')).kept, 20).win_rate).toBe(0); // read as NaN
    expect(fileMetrics(keptRows(file('7', '7')).kept, 20).win_rate).toBe(0); // an int column, compared with '7'
  });

  it('intervals contain the value and are reproducible with the same seed', async () => {
    const files = await readAgbFolder(FIXTURE);
    const a = advgamebenchProfile(files, { bootstrap: 300, seed: 5 });
    const b = advgamebenchProfile(files, { bootstrap: 300, seed: 5 });
    expect(a).toEqual(b);
    for (const m of a.models) {
      for (const id of AGB_METRICS) {
        const e = m.metrics[id];
        expect(e.lo as number).toBeLessThanOrEqual(e.value as number);
        expect(e.hi as number).toBeGreaterThanOrEqual(e.value as number);
      }
    }
  });
});
