/**
 * The leaderboard site's data contract: what the server's JSON API returns and what the static export embeds.
 * The front end imports these as types only; the server builds them; the request bounds live here so both ends
 * agree on them.
 */
import type { Estimate } from '../../metrics/types.js';
import type { BoardGrid } from '../../games/core/move-game.js';
import type { RevisionClass } from '../../metrics/steps/plan.js';

/** A plan game's revision opportunity, labelled as the metrics count it (success, harmful, unforced, or unchanged). */
export type RevisionLabel = RevisionClass;
import type { CostRow } from '../../metrics/leaderboard/cost.js';
import type { Coverage } from '../../metrics/leaderboard/coverage.js';
import type { CrossGameCoverage } from '../../metrics/leaderboard/cross-game.js';
import type { HeadToHead } from '../../metrics/leaderboard/head-to-head.js';
import type { RankRange } from '../../metrics/leaderboard/ranks.js';
import type { SettingRow } from '../../metrics/leaderboard/settings.js';
import type { Comparison } from '../../metrics/leaderboard/compare.js';

export type { CostRow, Coverage, CrossGameCoverage, HeadToHead, RankRange, SettingRow };

/** Bounds on requests (the server rejects anything outside them with 400/414). */
export const LIMITS = Object.freeze({
  /** Largest match-list page. */
  pageMax: 200,
  pageDefault: 50,
  offsetMax: 10_000_000,
  /** Run ids, game ids and agent names. */
  idMax: 200,
  /** Match keys (they embed the game, both agents and the setting). */
  keyMax: 512,
  /** Whole request target (path and query). */
  urlMax: 2048,
});

export const MATCH_STATUSES = ['planned', 'completed', 'error'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Orders of the match list: planned order (default), newest finished first, most tokens, longest wall time. */
export const MATCH_SORTS = ['planned', 'newest', 'tokens', 'wall'] as const;
export type MatchSort = (typeof MATCH_SORTS)[number];

/** The scope of a leaderboard: every game of the run, or one versioned game id. */
export const ALL_GAMES = 'all';

/** One gated metric of a regression run (`arena regress`), as stored in the run's meta. */
export interface Verdict {
  readonly metric: string;
  readonly baseline: number | null;
  readonly candidate: number | null;
  readonly diff: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly tolerance: number;
  readonly regression: boolean;
  /** Which direction is better, and the paired matches compared, when the run records them. */
  readonly better?: 'higher' | 'lower';
  readonly n?: number;
}

/** `baseline` names the baseline run; `candidate` the candidate agent (played in the regression run itself). */
export interface RegressionMeta {
  readonly baseline: string;
  readonly candidate: string;
  readonly target?: string;
  readonly verdicts: readonly Verdict[];
}

export interface RunInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly status: string;
  readonly createdAt: string;
  readonly seed: number;
  readonly counts: { readonly total: number; readonly completed: number; readonly errors: number; readonly planned: number };
  readonly games: readonly string[];
  readonly agents: readonly string[];
  /** The verdicts of a regression run; null when the run holds none (or they do not have the agreed shape). */
  readonly regression: RegressionMeta | null;
  /** The run's reproducibility manifest (`arena runs --show`); null for runs made before manifests were recorded. */
  readonly manifest: unknown;
  /** Agent → where its row's data came from when not fresh and local (cached replies, another arena version, imported). */
  readonly provenance: Readonly<Record<string, readonly string[]>>;
  /** A distributed run while it is live (`arena tournament --redis`): its matches by state, as of `at`. */
  readonly queue?: QueueStates;
  /** The run's stored configuration (fields that could name a secret are removed); null when unreadable. */
  readonly config: unknown;
  /** When the run's newest match finished (null before any did). */
  readonly lastUpdated: string | null;
}

/** Matches of a live distributed run by state, as its coordinator last wrote them. */
export interface QueueStates {
  readonly waiting: number;
  readonly running: number;
  readonly done: number;
  readonly failed: number;
  readonly at: string;
}

export interface RunsResponse {
  /** Newest first; the first is the default run. */
  readonly runs: readonly RunInfo[];
}

export interface RatingValue {
  /** +∞, −∞ or NaN (each null in JSON) where the maximum-likelihood rating does not exist: see `unbounded`. */
  readonly rating: number;
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  /** Set when maximum likelihood diverges for this agent: above (+∞), below (−∞), unlinked from the anchor. */
  readonly unbounded?: 'above' | 'below' | 'unlinked';
}

/** One leaderboard row: the same fields as `arena leaderboard --format json`. */
export interface BoardRow {
  readonly agent: string;
  readonly rating: RatingValue | null;
  /** Best and worst rank the rating intervals allow (overlapping intervals share ranks); null when unrated. */
  readonly rank: RankRange | null;
  /** Tokens and price per match, decision and win with 95% intervals (absent for agents without completed matches). */
  readonly cost?: CostRow;
  readonly matches: number;
  readonly metrics: Readonly<Record<string, Estimate>>;
  readonly tokens: number;
  readonly spendUsd: number;
  /** How the agent's model was asked (protocol settings, e.g. `answer=tool history=stateless ...`); absent for agents without one. */
  readonly protocol?: string;
}

/** Mean score at evaluated-round index k over the matches that reached it. */
export interface CurvePoint {
  readonly k: number;
  readonly mean: number;
  readonly n: number;
}

export interface CorrelationValue {
  readonly n: number;
  readonly r: number | null;
  readonly p: number | null;
  readonly rho: number | null;
}

export interface LeaderboardResponse {
  readonly run: RunInfo;
  /** ALL_GAMES or a game id of the run. */
  readonly game: string;
  readonly ratingMethod: 'bradley-terry';
  /** The estimator, in words (and the agents for which maximum likelihood does not exist), with its prior. */
  readonly estimator: { readonly text: string; readonly prior: number | null; readonly unbounded: readonly { readonly agent: string; readonly how: string }[] };
  readonly anchor: string | null;
  readonly bootstrap: number;
  /** Seed of every bootstrap (the run's seed). */
  readonly seed: number;
  readonly weights: Readonly<Record<string, number>>;
  /** Matches scored and not scored in the whole run. */
  readonly included: number;
  readonly excluded: Readonly<Record<string, number>>;
  /** Matches scored and not scored in this scope (the run for ALL_GAMES, else the game). */
  readonly scope: { readonly included: number; readonly excluded: Readonly<Record<string, number>> };
  /** Metric id → label, for every metric id the rows may hold. */
  readonly labels: Readonly<Record<string, string>>;
  /** For ALL_GAMES: cross-game ratings, over `crossGame.agents` only. For a game: that game's ratings. */
  readonly rows: readonly BoardRow[];
  /** Which agents and games the cross-game ratings cover (null when no two agents qualify). */
  readonly crossGame: CrossGameCoverage | null;
  /** A game's head-to-head matrix (null for ALL_GAMES). */
  readonly headToHead: HeadToHead | null;
  /** Scored matches per agent and game, for the whole run. */
  readonly coverage: Coverage;
  /** ORR against CSR across the agents of this scope. */
  readonly correlation: CorrelationValue;
  readonly curves: readonly { readonly agent: string; readonly points: readonly CurvePoint[] }[];
}

/** Summed usage of an agent's seats (match totals, error matches included). */
export interface UsageTotals {
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly reasoningTokens: number;
  readonly wallMs: number;
  readonly costUsd: number;
  readonly retries: number;
  readonly simulations: number;
}

export interface AgentResponse {
  readonly run: RunInfo;
  readonly agent: string;
  readonly overall: BoardRow;
  readonly games: readonly { readonly game: string; readonly row: BoardRow; readonly curve: readonly CurvePoint[] }[];
  /** Violation codes of plan submissions and rejection codes of moves, most frequent first. */
  readonly violations: readonly { readonly code: string; readonly count: number }[];
  /** Plan submissions (re-asks included), moves and rejections. */
  readonly submissions: number;
  /** Matches with a trace in which the agent sat, error matches included. */
  readonly matches: number;
  readonly usage: UsageTotals;
  readonly labels: Readonly<Record<string, string>>;
  readonly meta: AgentMeta;
  /** Results by setting: plan games by role × revise-first, move games by seat order, with Wilson intervals. */
  readonly settings: readonly (SettingRow & { readonly label: string })[];
}

/** Who an agent is: its spec and kind badges; for an LLM the model and the endpoint's name (never a key). */
export interface AgentMeta {
  readonly spec: string | null;
  /** Any of: anchor, calibration, built-in, LLM (or the spec's kind for others). */
  readonly badges: readonly string[];
  readonly model: string | null;
  readonly endpoint: string | null;
  /** What the agent kind does, from its registration. */
  readonly description: string | null;
}

export interface MatchSummary {
  readonly key: string;
  readonly ord: number;
  readonly game: string;
  readonly family: string;
  readonly agents: readonly [string, string];
  readonly seed: number;
  readonly status: MatchStatus;
  readonly errorReason: string | null;
  readonly winner: number | null;
  readonly scores: readonly [number, number] | null;
  readonly tokens: number;
  readonly costUsd: number;
  readonly wallMs: number;
  readonly finishedAt: string | null;
  /** Plan games: each seat's role (the game's side labels, e.g. Human and Demon); null for move games. */
  readonly roles: readonly [string, string] | null;
  /** Plan games: the side that revises first; null for move games. */
  readonly reviseFirst: 0 | 1 | null;
}

export interface MatchQuery {
  readonly run: string;
  readonly game?: string;
  readonly agent?: string;
  readonly status?: MatchStatus;
  /** Default `planned`. */
  readonly sort?: MatchSort;
  readonly offset: number;
  readonly limit: number;
}

export interface MatchPage {
  readonly run: string;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly matches: readonly MatchSummary[];
}

/** A move game's board as text (the game's own rendering) before the first move and after each move. */
export interface MoveBoard {
  readonly gameIndex: number;
  /** The `seq` of the move event the board follows; null for the start of a game. */
  readonly seq: number | null;
  readonly board: string;
  /** The board as a grid with the move's squares highlighted, when the game offers one (`boardGrid`). */
  readonly grid?: BoardGrid;
  /** The move in the game's canonical notation (chess: SAN); absent for the start of a game. */
  readonly notation?: string;
  /** The engine's best move in the position before the move, in the same notation (engine progress only). */
  readonly best?: string;
}

export interface MatchDetail {
  readonly run: string;
  readonly summary: MatchSummary;
  /** The stored trace (null for a match not played yet). Typed loosely: the viewer reads what it knows. */
  readonly events: readonly Readonly<Record<string, unknown>>[] | null;
  /** Move games only, when the game can be rebuilt from the spec. */
  readonly boards: readonly MoveBoard[] | null;
  /** Plan games: every revision opportunity labelled by the metrics' own rules; null when the trace has none to label. */
  readonly revisions?: readonly RevisionLabel[] | null;
}

/** Two agents (or one agent in two runs) compared with the regression verdict's definitions: B − A per metric. */
export interface CompareResponse {
  readonly a: { readonly run: RunInfo; readonly agent: string };
  readonly b: { readonly run: RunInfo; readonly agent: string };
  /** True when A and B are the same agent in the same run: every difference is 0 by construction. */
  readonly same: boolean;
  readonly comparison: Comparison;
  readonly labels: Readonly<Record<string, string>>;
  readonly bootstrap: number;
  readonly seed: number;
}

/** Error bodies of the API. */
export interface ApiError {
  readonly error: string;
}

/** One cell of a PRM experiment (`arena experiment prm`'s JSON): a scorer at a candidate budget. */
export interface ExperimentCellView {
  readonly scorer: string;
  readonly budget: number;
  readonly games: number;
  readonly wins: number;
  readonly draws: number;
  readonly losses: number;
  readonly winRate: number;
  readonly low: number;
  readonly high: number;
  /** Verifier CPU ms per decision (the experiment's one currency) and the raw rollouts, inferences or battles. */
  readonly compute: number;
  readonly simulations: number;
  readonly search?: string | null;
  readonly base?: string | null;
}

/** A PRM experiment as the web report shows it: what was run, every cell, and each PAV-vs-ORM verdict. */
export interface ExperimentView {
  /** The file it was read from (its base name). */
  readonly name: string;
  readonly game: string;
  readonly family: string;
  readonly bases: readonly string[];
  readonly opponent: string;
  readonly cells: readonly ExperimentCellView[];
  readonly verdicts: readonly string[];
}

export interface ExperimentsResponse {
  readonly experiments: readonly ExperimentView[];
}
