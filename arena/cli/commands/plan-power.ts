import type { Command } from 'commander';
import { eloWinProbability, matchesToSeparate } from '../../../metrics/power.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { UsageError } from '../../errors.js';
import { openExistingStore, pickRun } from './store-option.js';
import { adaptiveForecast } from './plan-power-adaptive.js';

interface PowerOptions {
  wr?: string;
  elo?: string;
  confidence: string;
  power: string;
  run?: string;
  agent?: string;
  store: string;
  adaptive?: boolean;
  targetAgent?: string;
  targetElo?: string;
  simulations: string;
  maxMatches: string;
}

function num(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got '${text}'`);
  return n;
}

/** Measured per-match rates of one agent (or all agents) in a stored run. */
function measuredRates(opts: PowerOptions): { tokens: number; usd: number; hours: number; agent: string; matches: number } | null {
  if (opts.run === undefined) return null;
  const store = openExistingStore(opts.store);
  try {
    const runId = pickRun(store, opts.run);
    const rows = store.matches(runId, { status: 'completed' }).filter((m) => opts.agent === undefined || m.agent0 === opts.agent || m.agent1 === opts.agent);
    if (rows.length === 0) throw new UsageError(`run '${opts.run}' has no completed match${opts.agent ? ` of agent '${opts.agent}'` : ''}`);
    const n = rows.length;
    const sum = (f: (m: (typeof rows)[number]) => number) => rows.reduce((s, m) => s + f(m), 0) / n;
    return { tokens: sum((m) => m.tokens), usd: sum((m) => m.cost_usd), hours: sum((m) => m.wall_ms) / 3_600_000, agent: opts.agent ?? 'all agents', matches: n };
  } finally {
    store.close();
  }
}

export function registerPlanPower(program: Command): void {
  program
    .command('plan-power')
    .description('how many matches separate two win rates (or an Elo gap), and what that costs at measured rates')
    .option('--wr <p1,p2>', 'two expected win rates, e.g. 0.55,0.45')
    .option('--elo <gap>', 'an Elo gap (tested against an equal opponent: 0.5)')
    .option('--confidence <c>', 'two-sided confidence level', '0.95')
    .option('--power <p>', 'probability of detecting the difference', '0.8')
    .option('--run <run>', 'take tokens, price and time per match from this stored run')
    .option('--agent <name>', 'with --run: only this agent\'s matches')
    .option('--store <file>', 'results store', DEFAULT_STORE)
    .option('--adaptive', "with --run: the adaptive schedule's expected cost on the run's measured strengths and rates, against a round-robin")
    .option('--target-agent <name>', "with --adaptive: pin this agent's Elo gap to each opponent (default goal: separate every adjacent pair)")
    .option('--target-elo <points>', 'with --target-agent: the precision, ± Elo points', '50')
    .option('--simulations <n>', 'with --adaptive: simulated runs', '50')
    .option('--max-matches <n>', 'with --adaptive: a simulated run gives up after this many matches', '20000')
    .action((opts: PowerOptions) => {
      if (opts.adaptive) {
        if (opts.run === undefined) throw new UsageError('--adaptive needs --run <run> (it learns strengths and costs from that run)');
        const whole = (flag: string, text: string, max: number) => {
          const n = Number(text);
          if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${flag} must be a whole number in [1, ${max}], got '${text}'`);
          return n;
        };
        const confidence = num('confidence', opts.confidence);
        if (!(confidence > 0 && confidence < 1)) throw new UsageError(`--confidence must be in (0, 1), got '${opts.confidence}'`);
        const elo = num('target-elo', opts.targetElo ?? '50');
        if (!(elo > 0)) throw new UsageError(`--target-elo must be above 0, got '${opts.targetElo}'`);
        const store = openExistingStore(opts.store);
        try {
          const runId = pickRun(store, opts.run);
          const lines = adaptiveForecast(store, runId, {
            confidence,
            ...(opts.targetAgent !== undefined ? { agent: opts.targetAgent, elo } : {}),
            simulations: whole('simulations', opts.simulations, 10_000),
            maxMatches: whole('max-matches', opts.maxMatches, 10_000_000),
            seed: 1,
          });
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          store.close();
        }
        return;
      }
      let p1: number;
      let p2: number;
      if (opts.wr !== undefined && opts.elo !== undefined) throw new UsageError('give either --wr p1,p2 or --elo <gap>, not both');
      if (opts.agent !== undefined && opts.run === undefined) throw new UsageError('--agent needs --run <run> (it picks that agent\'s matches in the run)');
      if (opts.wr !== undefined) {
        const parts = opts.wr.split(',');
        if (parts.length !== 2) throw new UsageError(`--wr takes two win rates, e.g. 0.55,0.45; got '${opts.wr}'`);
        [p1, p2] = [num('wr', parts[0] as string), num('wr', parts[1] as string)];
      } else if (opts.elo !== undefined) {
        p1 = eloWinProbability(num('elo', opts.elo));
        p2 = 0.5;
      } else throw new UsageError('give --wr p1,p2 or --elo <gap>');
      let result;
      try {
        result = matchesToSeparate({ p1, p2, confidence: num('confidence', opts.confidence), power: num('power', opts.power) });
      } catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
      }
      const lines = [
        `To separate win rates ${p1.toFixed(3)} and ${p2.toFixed(3)} with ${(result.confidence * 100).toFixed(0)}% confidence and ${(result.power * 100).toFixed(0)}% power:`,
        `  ${result.matchesPerAgent} matches per agent (${result.matchesPerAgent * 2} in all for two agents).`,
      ];
      const rates = measuredRates(opts);
      if (rates) {
        const m = result.matchesPerAgent;
        lines.push(
          `At the rates measured in run '${opts.run}' (${rates.agent}, ${rates.matches} matches): ${rates.tokens.toFixed(0)} tokens, $${rates.usd.toFixed(4)} and ${(rates.hours * 3600).toFixed(1)} s of model time per match,`,
          `  ${m} matches cost about ${(rates.tokens * m).toFixed(0)} tokens, $${(rates.usd * m).toFixed(2)} and ${(rates.hours * m).toFixed(2)} hours of model time (before parallelism).`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
