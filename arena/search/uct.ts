import type { MoveBoard } from '../../games/core/move-game.js';

/** A node of the UCT tree. Scores are from the point of view of `mover`, the player whose action led here. */
export interface UctNode {
  readonly action: unknown;
  readonly mover: 0 | 1;
  visits: number;
  score: number;
  readonly children: UctNode[];
  /** Actions not expanded yet; null until the node is first reached. */
  untried: unknown[] | null;
}

export function newRoot(toMove: 0 | 1): UctNode {
  return { action: undefined, mover: (1 - toMove) as 0 | 1, visits: 0, score: 0, children: [], untried: null };
}

function select(node: UctNode, c: number): UctNode {
  const logN = Math.log(node.visits);
  let best = node.children[0] as UctNode;
  let bestValue = -Infinity;
  for (const child of node.children) {
    const value = child.score / child.visits + c * Math.sqrt(logN / child.visits);
    if (value > bestValue) {
      bestValue = value;
      best = child;
    }
  }
  return best;
}

/**
 * One UCT iteration from `root` on a clone of `board` (the root position): select by UCB1 with exploration `c`,
 * expand one untried action chosen by `rand`, finish with a uniformly random rollout, back the result up.
 */
export function iterate(root: UctNode, board: MoveBoard<unknown>, c: number, rand: (n: number) => number): void {
  const b = board.clone();
  const path: UctNode[] = [root];
  let node = root;
  for (;;) {
    if (b.status() !== -1) break;
    if (node.untried === null) node.untried = b.legal();
    if (node.untried.length > 0) {
      const i = rand(node.untried.length);
      const action = node.untried[i];
      node.untried[i] = node.untried[node.untried.length - 1];
      node.untried.pop();
      const mover = b.toMove();
      b.play(action);
      const child: UctNode = { action, mover, visits: 0, score: 0, children: [], untried: null };
      node.children.push(child);
      path.push(child);
      break;
    }
    node = select(node, c);
    b.play(node.action);
    path.push(node);
  }
  const status = b.status();
  const result = status === -1 ? b.rollout(rand) : status;
  for (const n of path) {
    n.visits++;
    n.score += result === 2 ? 0.5 : result === n.mover ? 1 : 0;
  }
}

/** The most visited child (ties: the better mean, then the first); null when the root has no children. */
export function bestChild(root: UctNode): UctNode | null {
  let best: UctNode | null = null;
  for (const child of root.children) {
    if (
      best === null ||
      child.visits > best.visits ||
      (child.visits === best.visits && child.score / Math.max(1, child.visits) > best.score / Math.max(1, best.visits))
    ) {
      best = child;
    }
  }
  return best;
}
