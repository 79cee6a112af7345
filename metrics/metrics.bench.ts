import { performance } from 'node:perf_hooks';
import type { TraceEvent } from '../arena/trace/events.js';
import { createRng } from '../games/core/rng.js';
import type { SideIndex } from '../games/core/plan-game.js';
import type { BenchResult } from '../test/bench/types.js';
import { advgamebenchFromTraces } from './advgamebench/profile.js';
import { computeMetrics } from './compute.js';
import { change, KEEP, planTrace } from './testing/plan-trace.js';
import { syntheticTournament } from './testing/tournament.js';

const TOURNAMENTS = 1000;
const MATCHES = 60;
const TRUE_WR = 0.6;

/**
 * One tournament of X against Y in Tower Defense (R = 6), X on a random side with a random revise-first side.
 * Each match draws its own win probability uniformly in TRUE_WR ± 0.15 (matches differ, as real ones do); every
 * battle is then won by X with that probability, so X's expected score on any evaluated round is TRUE_WR.
 */
function tournament(seed: number): TraceEvent[][] {
  const rng = createRng(seed);
  return Array.from({ length: MATCHES }, (_, i) => {
    const xSide: SideIndex = rng.chance(0.5) ? 0 : 1;
    const p = TRUE_WR - 0.15 + 0.3 * rng.float();
    const winners = Array.from({ length: 6 }, (): SideIndex => (rng.chance(p) ? xSide : xSide === 0 ? 1 : 0));
    const seats: [string, string] = xSide === 0 ? ['X', 'Y'] : ['Y', 'X'];
    const revisions = Array.from({ length: 5 }, () => (rng.chance(0.5) ? change(50 + rng.int(0, 20)) : KEEP));
    return planTrace({ id: `c${i}`, seats, rounds: 6, reviseFirst: rng.chance(0.5) ? 0 : 1, winners, revisions });
  });
}

function coverage(): BenchResult[] {
  let covered = 0;
  let width = 0;
  const start = performance.now();
  for (let t = 0; t < TOURNAMENTS; t++) {
    const report = computeMetrics(tournament(1000 + t), { seed: t, bootstrap: 1000 });
    const wr = report.games.find((g) => g.agent === 'X')?.metrics['wr'];
    if (wr?.lo === null || wr?.hi === null || wr === undefined) continue;
    if ((wr.lo as number) <= TRUE_WR && TRUE_WR <= (wr.hi as number)) covered++;
    width += (wr.hi as number) - (wr.lo as number);
  }
  const seconds = (performance.now() - start) / 1000;
  return [
    {
      name: 'bootstrap 95% interval coverage of the true WR',
      value: (100 * covered) / TOURNAMENTS,
      unit: '%',
      note: `${TOURNAMENTS} tournaments × ${MATCHES} matches, B = 1000, true WR ${TRUE_WR}; target 93–97`,
    },
    { name: 'mean interval width (WR)', value: width / TOURNAMENTS, unit: '', note: `${seconds.toFixed(1)} s for all tournaments` },
  ];
}

/** Wall seconds and CPU seconds (user + system) of a call: on a shared machine the CPU figure is the steadier one. */
function timed<T>(f: () => T): [T, number, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(cpu);
  return [value, (performance.now() - start) / 1000, (used.user + used.system) / 1e6];
}

function scale(): BenchResult[] {
  const agents = Array.from({ length: 10 }, (_, i) => `agent-${i}`);
  const matches = syntheticTournament({ seed: 77, matches: 10_000, agents });
  const events = matches.reduce((a, m) => a + m.length, 0);
  const [report, seconds, cpu] = timed(() => computeMetrics(matches, { bootstrap: 1000 }));
  const [, agbSeconds, agbCpu] = timed(() => advgamebenchFromTraces(matches, { bootstrap: 1000 }));
  return [
    {
      name: 'all default metrics with intervals, 10,000 matches',
      value: seconds,
      unit: 's',
      note: `wall; ${cpu.toFixed(2)} s CPU; ${events} events, ${report.games.length} (agent, game) groups, B = 1000; target < 5`,
    },
    { name: 'advgamebench profile with intervals, 10,000 matches', value: agbSeconds, unit: 's', note: `wall; ${agbCpu.toFixed(2)} s CPU; export to rows, evaluator, block bootstrap` },
  ];
}

export async function bench(): Promise<BenchResult[]> {
  return [...scale(), ...coverage()];
}
