import { mixedRng } from '../../../games/core/rng.js';
import type { Agent, AgentContext, MoveRequest } from '../agent.js';
import { addUsage, ZERO_USAGE, type Usage } from '../../trace/usage.js';
import { sampleCandidates, searchRequest } from './candidates.js';
import type { MoveVerifier } from './verifier.js';

export interface BeamInput {
  readonly request: MoveRequest;
  /** The decision's seed: every proposal and verifier call inside the search derives its generator from it. */
  readonly seed: number;
  /** The distinct root candidates, their scores Q + α·A for the mover, and how often the base sampled each. */
  readonly roots: readonly unknown[];
  readonly rootScores: readonly number[];
  readonly counts: readonly number[];
  readonly verifier: MoveVerifier;
  readonly alpha: number;
  /** Proposals per expanded line, beam width B, further plies D. */
  readonly n: number;
  readonly width: number;
  readonly depth: number;
  /** The mover's proposer (its own plies) and the opponent model (the other side's plies). */
  readonly base: NonNullable<Agent['decideMove']>;
  readonly reply: NonNullable<Agent['decideMove']>;
  readonly ctx: AgentContext;
}

/** A partial line: the index of its first move among the roots, its moves as text, its state and its score. */
interface Line {
  readonly first: number;
  readonly moves: readonly string[];
  readonly state: unknown;
  /** The mover's value of the line: Q + α·A of its last step from the mover's side; the exact result once it ends. */
  readonly score: number;
  readonly done: boolean;
  /** Root order, for ties: the root the base sampled most often, then the first sampled. */
  readonly rank: number;
}

export interface BeamResult {
  /** Index of the chosen first move among the roots. */
  readonly first: number;
  /** The final beam, best first: each line's moves and score. */
  readonly lines: { readonly moves: readonly string[]; readonly score: number; readonly done: boolean }[];
  /** Proposer calls made inside the search; the verifier's simulations and CPU ms spent there. */
  readonly proposals: number;
  readonly verifierSimulations: number;
  readonly verifierCpuMs: number;
  readonly usage: Usage;
}

function topB(lines: readonly Line[], b: number): Line[] {
  return [...lines].sort((x, y) => y.score - x.score || x.rank - y.rank).slice(0, b);
}

/**
 * Beam search over lines of play (PRM.md, PRM-guided play): the root candidates start one line each; the best B
 * lines by verifier score are kept; each further ply expands every unfinished line. On the mover's plies N
 * proposals of the base are scored by the verifier (Q + α·A for the mover) and every distinct one is a child; on
 * the opponent's plies N proposals of the opponent model are scored from the opponent's side and the opponent's
 * best reply is the line's one child, valued for the mover as 1 − Q − α·A (the opponent's progress is the mover's
 * loss). A line that ends takes its exact result. After D plies the first move of the best line is played. The
 * verifier's CPU time and simulations are summed over every call.
 */
export async function beamSearch(input: BeamInput): Promise<BeamResult> {
  const { request, seed, verifier, alpha } = input;
  const { game } = request;
  const me = request.player;
  let usage: Usage = ZERO_USAGE;
  let proposals = 0;
  let verifierSimulations = 0;
  let verifierCpuMs = 0;
  const order = input.roots.map((_, k) => k).sort((x, y) => (input.counts[y] ?? 0) - (input.counts[x] ?? 0) || x - y);
  const rank = new Map(order.map((k, i) => [k, i]));
  const lineOf = (first: number, moves: readonly string[], state: unknown, score: number): Line => {
    const outcome = game.outcome(state);
    return { first, moves, state, score: outcome ? (outcome[me] ?? 0) : score, done: outcome !== null, rank: rank.get(first) ?? 0 };
  };
  let beam = topB(
    input.roots.map((a, k) => lineOf(k, [game.actionText(request.state, a)], game.apply(request.state, a), input.rootScores[k] ?? 0)),
    input.width,
  );
  for (let ply = 1; ply <= input.depth && beam.some((l) => !l.done); ply++) {
    const next: Line[] = [];
    for (const [i, line] of beam.entries()) {
      if (line.done) {
        next.push(line);
        continue;
      }
      const mine = game.toMove(line.state) === me;
      const sub = searchRequest(request, line.state, ply);
      const sampled = await sampleCandidates(mine ? input.base : input.reply, sub, input.n, [seed, 'beam', ply, i], input.ctx);
      usage = addUsage(usage, sampled.usage);
      proposals += input.n;
      // a proposer with no legal answer here: the line continues with every legal move as candidates
      const actions = sampled.distinct.length > 0 ? sampled.distinct : sub.legal;
      const cpuStart = process.cpuUsage();
      const scores = await verifier.score(game, line.state, actions, mixedRng(seed, 'beam-verifier', ply, i));
      const cpu = process.cpuUsage(cpuStart);
      verifierCpuMs += (cpu.user + cpu.system) / 1000;
      verifierSimulations += scores.simulations;
      const value = actions.map((_, k) => (scores.q[k] ?? 0) + alpha * (scores.a?.[k] ?? 0));
      const child = (k: number, score: number): Line => lineOf(line.first, [...line.moves, game.actionText(line.state, actions[k])], game.apply(line.state, actions[k]), score);
      if (mine) {
        for (let k = 0; k < actions.length; k++) next.push(child(k, value[k] ?? 0));
      } else {
        let reply = 0;
        for (let k = 1; k < actions.length; k++) if ((value[k] ?? 0) > (value[reply] ?? 0)) reply = k;
        next.push(child(reply, 1 - (value[reply] ?? 0)));
      }
    }
    beam = topB(next, input.width);
  }
  const best = beam[0] as Line;
  return {
    first: best.first,
    lines: beam.map((l) => ({ moves: l.moves, score: l.score, done: l.done })),
    proposals,
    verifierSimulations,
    verifierCpuMs,
    usage,
  };
}
