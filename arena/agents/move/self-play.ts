import type { MoveGame } from '../../../games/core/move-game.js';
import type { Agent, AgentContext } from '../agent.js';

export interface PureGameResult {
  /** Scores by agent index (not by player): 1 win, 0.5 draw, 0 loss. */
  readonly scores: readonly [number, number];
  readonly plies: number;
  readonly moves: readonly string[];
}

/**
 * Plays one game between two agents on the pure rules, without boardgame.io or a trace: for tests, calibration
 * and self-play data where speed matters. `first` is the index of the agent that moves first. An agent must answer
 * with a legal `action`; anything else is a programming error and throws.
 */
export async function playPureGame<S, A>(
  game: MoveGame<S, A>,
  agents: readonly [Agent, Agent],
  ctxs: readonly [AgentContext, AgentContext],
  first: 0 | 1 = 0,
): Promise<PureGameResult> {
  let state = game.initial();
  const moves: string[] = [];
  for (let ply = 0; ; ply++) {
    const outcome = game.outcome(state);
    if (outcome) {
      const byAgent: readonly [number, number] = first === 0 ? [outcome[0], outcome[1]] : [outcome[1], outcome[0]];
      return { scores: byAgent, plies: ply, moves };
    }
    const player = game.toMove(state);
    const who = (player === 0 ? first : 1 - first) as 0 | 1;
    const agent = agents[who];
    const legal = game.legalActions(state);
    if (!agent.decideMove) throw new Error(`agent ${agent.id} cannot play move games`);
    const request = { kind: 'move', game: game as MoveGame, state, player, legal, ply, gameIndex: 0, attempt: 1, feedback: [] } as const;
    const decision = await agent.decideMove(request, ctxs[who]);
    const wanted = JSON.stringify(decision.action);
    const action = legal.find((a) => JSON.stringify(a) === wanted);
    if (decision.action === undefined || action === undefined) throw new Error(`agent ${agent.id} answered no legal action at ply ${ply}`);
    moves.push(game.actionText(state, action));
    state = game.apply(state, action);
  }
}
