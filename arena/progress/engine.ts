import type { EngineAnalysis, EngineScore, EngineSession } from '../../games/core/engine.js';
import { winProbability } from '../../games/core/engine.js';
import type { MoveGame } from '../../games/core/move-game.js';
import { UsageError } from '../errors.js';
import { resolveMoveGame } from '../games/registry.js';
import { checkParams, numParam, parseAgentSpec } from '../spec/agent-spec.js';
import type { MoveMatchSpec, ProgressEvent, TraceEvent } from '../trace/events.js';
import { movePositions } from './positions.js';

/** The default depth of engine annotation. */
export const DEFAULT_PROVER_DEPTH = 8;

/** An engine prover: μ = the game's engine at a fixed depth (`engine`, `engine:depth=12`). */
export interface EngineProverSpec {
  readonly depth: number;
  readonly name: string;
}

/** Parses `engine[:depth=N]`; returns null for any other prover kind. */
export function parseEngineProver(text: string): EngineProverSpec | null {
  const spec = parseAgentSpec(text);
  if (spec.kind !== 'engine') return null;
  checkParams(spec, ['depth']);
  const depth = numParam(spec, 'depth', DEFAULT_PROVER_DEPTH, 1, 40);
  if (!Number.isInteger(depth)) throw new UsageError(`prover '${text}': depth must be an integer`);
  return { depth, name: `engine:depth=${depth}` };
}

const MATE_CP = 1000;

/** A score as centipawns for the loss measure: mate is ±1000. */
function centipawns(score: EngineScore): number {
  if ('mate' in score) return score.mate > 0 ? MATE_CP : -MATE_CP;
  return Math.max(-MATE_CP, Math.min(MATE_CP, score.cp));
}

type Draft = Omit<ProgressEvent, 'seq' | 'time'>;

/**
 * Engine advantage of each move: V = W(score of s for the mover), Q = W(score of s' for the mover) = 1 − W(score of
 * s' for the opponent), or the mover's result when s' ends the game; A = Q − V (W: `winProbability`). Each position
 * is analysed once (the position after a move is the next move's position).
 */
export class EngineProver {
  private readonly cache = new Map<string, EngineAnalysis<unknown>>();
  analyses = 0;

  constructor(
    private readonly session: EngineSession<unknown, unknown>,
    readonly spec: EngineProverSpec,
  ) {}

  private async analyse(game: MoveGame, state: unknown): Promise<EngineAnalysis<unknown>> {
    const key = `${game.id}\u0000${game.key(state)}\u0000${JSON.stringify(state)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const a = await this.session.analyse(state, { depth: this.spec.depth });
    this.analyses++;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, a);
    return a;
  }

  async step(game: MoveGame, state: unknown, action: unknown): Promise<Pick<ProgressEvent, 'q' | 'v' | 'advantage' | 'stderr' | 'engine'>> {
    const mover = game.toMove(state);
    const before = await this.analyse(game, state);
    const next = game.apply(state, action);
    const outcome = game.outcome(next);
    const v = winProbability(before.score);
    let q: number;
    let afterCp: number;
    let after: NonNullable<ProgressEvent['engine']>['after'];
    let depth = before.depth;
    let nodes = before.nodes;
    if (outcome) {
      q = outcome[mover];
      afterCp = q === 1 ? MATE_CP : q === 0 ? -MATE_CP : 0;
      after = { result: q };
    } else {
      const a = await this.analyse(game, next);
      q = 1 - winProbability(a.score);
      afterCp = -centipawns(a.score);
      after = 'mate' in a.score ? { mate: -a.score.mate } : { cp: -a.score.cp };
      depth = Math.min(depth, a.depth);
      nodes += a.nodes;
    }
    const best = before.best === null ? null : game.actionText(state, before.best);
    const cpLoss = Math.min(MATE_CP, Math.max(0, centipawns(before.score) - afterCp));
    return { q, v, advantage: q - v, stderr: 0, engine: { depth, nodes, best, before: before.score, after, cpLoss } };
  }
}

/** Progress drafts of every move of a move match under the game's engine. */
export async function engineMoveDrafts(events: readonly TraceEvent[], spec: MoveMatchSpec, matchId: string, prover: EngineProver, onStep?: (done: number) => void): Promise<Draft[]> {
  const rules = resolveMoveGame(spec.game, spec.params).rules;
  const out: Draft[] = [];
  for (const { event, state, action } of movePositions(rules, events, matchId)) {
    const step = await prover.step(rules, state, action);
    out.push({ type: 'progress', round: event.round, step: event.seq, prover: prover.spec.name, rollouts: 0, ...step });
    onStep?.(out.length);
  }
  return out;
}

/** Opens the engine of a move match's game for annotation; a game without one is a UsageError. */
export async function openEngineFor(spec: MoveMatchSpec): Promise<EngineSession<unknown, unknown>> {
  const { rules, canonical } = resolveMoveGame(spec.game, spec.params);
  if (!rules.engine) throw new UsageError(`the engine prover needs a game with an engine (the engine capability); ${canonical} has none`);
  return rules.engine.open();
}
