import type { Command } from 'commander';
import { UsageError, unknownChoice } from '../../errors.js';
import type { BudgetCaps } from '../../tournament/config.js';

export interface BudgetFlags {
  budgetUsd?: string;
  budgetTokens?: string;
  budgetMatches?: string;
  budgetHours?: string;
  onCap?: string;
}

/** The budget cap flags (each overrides the config's `budget:` value). */
export function addBudgetOptions(cmd: Command): Command {
  return cmd
    .option('--budget-usd <usd>', "stop before spending more than this many US dollars (overrides the config's budget.usd)")
    .option('--budget-tokens <n>', 'stop before using more than this many tokens')
    .option('--budget-matches <n>', 'stop before playing more than this many matches')
    .option('--budget-hours <h>', 'start no match after this many hours of run time (over all invocations)')
    .option('--on-cap <mode>', 'at a cap: finish (matches in flight end) or cancel (they stay pending)');
}

/** Checks the budget flags: each must be a number above 0 (whole for tokens and matches). */
export function checkBudgetFlags(opts: BudgetFlags): Partial<BudgetCaps> {
  const out: { -readonly [K in keyof BudgetCaps]?: BudgetCaps[K] } = {};
  const read = (flag: string, text: string | undefined, whole: boolean): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
      throw new UsageError(`--${flag} must be ${whole ? 'a whole number' : 'a number'} above 0, got '${text}'`);
    }
    return n;
  };
  const usd = read('budget-usd', opts.budgetUsd, false);
  const tokens = read('budget-tokens', opts.budgetTokens, true);
  const matches = read('budget-matches', opts.budgetMatches, true);
  const hours = read('budget-hours', opts.budgetHours, false);
  if (usd !== undefined) out.usd = usd;
  if (tokens !== undefined) out.tokens = tokens;
  if (matches !== undefined) out.matches = matches;
  if (hours !== undefined) out.hours = hours;
  if (opts.onCap !== undefined) {
    if (opts.onCap !== 'finish' && opts.onCap !== 'cancel') throw unknownChoice('--on-cap mode', opts.onCap, ['finish', 'cancel']);
    out.onCap = opts.onCap;
  }
  return out;
}
