import type { Unbounded } from './existence.js';
import type { Rating } from './types.js';

/** Which estimator produced a set of ratings, stated wherever ratings are shown (CLI, JSON, web). */
export interface RatingEstimator {
  readonly method: 'bradley-terry' | 'elo';
  /** Bradley–Terry: virtual draws per agent against a reference player; 0 is plain maximum likelihood. Null for Elo. */
  readonly prior: number | null;
  /** One sentence naming the estimator and, when maximum likelihood does not exist, the agents affected. */
  readonly text: string;
  /** Agents whose maximum-likelihood rating does not exist (prior 0 only), reported unbounded. */
  readonly unbounded: readonly { readonly agent: string; readonly how: Unbounded }[];
}

const WHY: Readonly<Record<Unbounded, string>> = {
  above: '+∞: results put them above the anchor and none the other way',
  below: '−∞: results put them below the anchor and none the other way',
  unlinked: 'unlinked: no results connect them to the anchor',
};

/** Describes how `ratings` were estimated. */
export function ratingEstimator(method: 'bradley-terry' | 'elo', prior: number, ratings: readonly Rating[]): RatingEstimator {
  if (method === 'elo') return { method, prior: null, text: 'Elo (K=16, averaged over random match orders)', unbounded: [] };
  const unbounded = ratings.flatMap((r) => (r.unbounded === undefined ? [] : [{ agent: r.agent, how: r.unbounded }]));
  if (prior > 0) {
    const text = `Bradley–Terry with a prior of ${prior} virtual draw${prior === 1 ? '' : 's'} per agent against a reference player (regularised, not maximum likelihood; --prior 0 for maximum likelihood)`;
    return { method, prior, text, unbounded };
  }
  let text = 'Bradley–Terry maximum likelihood (no prior)';
  if (unbounded.length > 0) {
    const groups = (['above', 'below', 'unlinked'] as const)
      .map((how) => ({ how, agents: unbounded.filter((u) => u.how === how).map((u) => u.agent) }))
      .filter((g) => g.agents.length > 0)
      .map((g) => `${g.agents.join(', ')} (${WHY[g.how]})`);
    text += `; it does not exist for ${groups.join('; ')}, shown unbounded; --prior 1 (config ratings.prior) gives finite, regularised ratings`;
  }
  return { method, prior: 0, text, unbounded };
}
