import type { MoveGame } from '../../../games/core/move-game.js';
import type { Rng } from '../../../games/core/rng.js';

/** Values of every legal move of a state for the player to move (the learned verifier's q), one batched call. */
export type MoveValues = (state: unknown, actions: readonly unknown[]) => Promise<readonly number[]>;

interface Node {
  readonly state: unknown;
  readonly action: unknown;
  /** The player who made `action` (values are from this player's point of view). */
  readonly mover: 0 | 1;
  /** The network's value of the step into this node (or the exact result if the step ends the game). */
  readonly prior: number;
  visits: number;
  total: number;
  children: Node[] | null;
}

async function expand(game: MoveGame, node: Node, values: MoveValues): Promise<void> {
  const legal = game.legalActions(node.state);
  const mover = game.toMove(node.state);
  const q = legal.length > 0 ? await values(node.state, legal) : [];
  node.children = legal.map((action, i) => {
    const state = game.apply(node.state, action);
    const outcome = game.outcome(state);
    return { state, action, mover, prior: outcome ? outcome[mover] : (q[i] ?? 0.5), visits: 0, total: 0, children: null };
  });
}

function select(node: Node, c: number): Node {
  const children = node.children as Node[];
  const logN = Math.log(node.visits + 1);
  let best = children[0] as Node;
  let bestValue = -Infinity;
  for (const child of children) {
    // the network's value counts as one visit, so unvisited children are ranked by it
    const value = (child.total + child.prior) / (child.visits + 1) + c * Math.sqrt(logN / (child.visits + 1));
    if (value > bestValue) {
      bestValue = value;
      best = child;
    }
  }
  return best;
}

/**
 * UCT with the learned verifier as the leaf evaluator instead of random playouts: a node's children are valued by
 * one batched inference when it is first expanded; a leaf's value is the network's q of the step into it (exact
 * for steps that end the game). Returns the most visited root move (ties: seeded) and the inferences used.
 */
export async function netMcts(game: MoveGame, state: unknown, values: MoveValues, iterations: number, c: number, rng: Rng): Promise<{ action: unknown; inferences: number; visits: number[] }> {
  let inferences = 0;
  const counted: MoveValues = async (s, actions) => {
    inferences += actions.length;
    return values(s, actions);
  };
  const root: Node = { state, action: undefined, mover: (1 - game.toMove(state)) as 0 | 1, prior: 0.5, visits: 0, total: 0, children: null };
  await expand(game, root, counted);
  for (let i = 0; i < iterations; i++) {
    const path: Node[] = [root];
    let node = root;
    for (;;) {
      if (node.children === null) {
        if (node.visits === 0 || game.isTerminal(node.state)) break;
        await expand(game, node, counted);
      }
      if ((node.children as Node[]).length === 0) break;
      node = select(node, c);
      path.push(node);
      if (node.visits === 0) break;
    }
    const value = node.prior;
    for (const n of path) {
      n.visits++;
      n.total += n.mover === node.mover ? value : 1 - value;
    }
  }
  const children = root.children as Node[];
  const most = Math.max(...children.map((ch) => ch.visits));
  const action = rng.pick(children.filter((ch) => ch.visits === most)).action;
  return { action, inferences, visits: children.map((ch) => ch.visits) };
}
