/**
 * Where the plain maximum-likelihood Bradley–Terry rating of an agent, relative to the anchor, does not exist:
 * `above` (+∞: it reaches the anchor's group through results, never the other way: e.g. it never lost), `below`
 * (−∞), or `unlinked` (no chain of results connects it to the anchor in either direction, so nothing fixes its
 * distance: e.g. a comparison graph in two pieces).
 */
export type Unbounded = 'above' | 'below' | 'unlinked';

/** One match between two agents: `score` is a's score (1 win, 0.5 draw, 0 loss). */
export interface Pairing {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  /** How much the match counts in a Bradley–Terry fit (default 1), e.g. 1 / its game's match count. */
  readonly weight?: number;
  /** Resampling group: when set, the bootstrap resamples within each stratum (e.g. each game) separately. */
  readonly stratum?: string;
}

export interface Rating {
  readonly agent: string;
  readonly rating: number;
  /** 95% percentile-bootstrap interval over matches (equal to the estimate when not bootstrapped). */
  readonly lo: number;
  readonly hi: number;
  /** Matches the agent played. */
  readonly n: number;
  /**
   * Set when the plain maximum-likelihood rating does not exist (no prior): `above` (rating +∞), `below` (−∞) or
   * `unlinked` (NaN: no results connect the agent to the anchor). See existence.ts.
   */
  readonly unbounded?: Unbounded;
}

export interface RatingOptions {
  /** The agent pinned to `anchorRating` (default: the first agent named `random`, else the first agent). */
  readonly anchor?: string;
  /** Default 1000. */
  readonly anchorRating?: number;
  /** Bootstrap resamples for the intervals (default 1000; 0 for none). */
  readonly bootstrap?: number;
  /** Seed of the bootstrap resampling (default 1). */
  readonly seed?: number;
}
