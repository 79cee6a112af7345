import type { MatchOutcome } from '../store/store.js';
import type { BudgetCaps } from './config.js';

export type CapName = 'usd' | 'tokens' | 'matches' | 'hours';

/** What a run has spent so far (over all its invocations). */
export interface Spent {
  readonly matches: number;
  readonly tokens: number;
  readonly usd: number;
  readonly elapsedMs: number;
}

export interface CapStop {
  readonly cap: CapName;
  readonly limit: number;
  /** Spent at the moment the cap refused a match (in the cap's unit). */
  readonly spent: number;
}

const UNIT: Record<CapName, string> = { usd: 'USD', tokens: 'tokens', matches: 'matches', hours: 'hours' };

export function describeCap(stop: CapStop): string {
  const fmt = (v: number) => (stop.cap === 'usd' ? v.toFixed(2) : stop.cap === 'hours' ? v.toFixed(3) : String(Math.round(v)));
  return `the ${stop.cap} cap (${fmt(stop.limit)} ${UNIT[stop.cap]}; ${fmt(stop.spent)} spent)`;
}

/**
 * Admits matches while the run stays within its caps. A match is refused when starting it could pass a cap: for
 * matches, the finished and in-flight matches plus this one; for tokens and dollars, the amount spent plus the
 * measured mean per match for each match in flight and this one (no mean yet: refused only once the cap is spent);
 * for hours, the wall time of this and earlier invocations. After the first refusal every later match is refused
 * too, and with `onCap: 'cancel'` the gate's signal aborts the matches in flight (they stay pending).
 */
export class BudgetGate {
  private inFlight = 0;
  private matches: number;
  private tokens: number;
  private usd: number;
  private readonly startedAt: number;
  private readonly controller = new AbortController();
  stopped: CapStop | undefined;

  constructor(
    private readonly caps: BudgetCaps | undefined,
    spent: Spent,
    private readonly now: () => number = Date.now,
  ) {
    this.matches = spent.matches;
    this.tokens = spent.tokens;
    this.usd = spent.usd;
    this.previousMs = spent.elapsedMs;
    this.startedAt = now();
  }

  private readonly previousMs: number;

  /** Aborted when a cap is reached and matches in flight are to be cancelled. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Wall time spent by the run so far, this invocation included. */
  elapsedMs(): number {
    return this.previousMs + (this.now() - this.startedAt);
  }

  /** Totals so far (finished matches only). */
  spent(): Spent {
    return { matches: this.matches, tokens: this.tokens, usd: this.usd, elapsedMs: this.elapsedMs() };
  }

  /** True when a cap is already reached before anything more is started (nothing to admit at all). */
  exhausted(): boolean {
    return this.check(0) !== undefined;
  }

  private check(extra: number): CapStop | undefined {
    const c = this.caps;
    if (!c) return undefined;
    const next = this.inFlight + extra;
    if (c.matches !== undefined && this.matches + next > c.matches) return { cap: 'matches', limit: c.matches, spent: this.matches };
    const perMatch = (total: number) => (this.matches > 0 ? total / this.matches : 0);
    if (c.tokens !== undefined && (this.tokens >= c.tokens || this.tokens + next * perMatch(this.tokens) > c.tokens)) return { cap: 'tokens', limit: c.tokens, spent: this.tokens };
    if (c.usd !== undefined && (this.usd >= c.usd || this.usd + next * perMatch(this.usd) > c.usd)) return { cap: 'usd', limit: c.usd, spent: this.usd };
    const hours = this.elapsedMs() / 3_600_000;
    if (c.hours !== undefined && hours >= c.hours) return { cap: 'hours', limit: c.hours, spent: hours };
    return undefined;
  }

  /** Asks to start one match; true reserves it (call `finish` when it ends or is abandoned). */
  tryStart(): boolean {
    if (this.stopped) return false;
    const stop = this.check(1);
    if (stop) {
      this.stopped = stop;
      if (this.caps?.onCap === 'cancel') this.controller.abort(new Error(`budget: ${describeCap(stop)}`));
      return false;
    }
    this.inFlight++;
    return true;
  }

  /** A reserved match ended: its outcome is counted; undefined when it was abandoned (it stays pending). */
  finish(outcome: MatchOutcome | undefined): void {
    this.inFlight--;
    if (!outcome) return;
    this.matches++;
    this.tokens += outcome.tokens;
    this.usd += outcome.costUsd;
  }
}
