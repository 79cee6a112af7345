import { describe, expect, it } from 'vitest';
import { encodeActions, permuteStep, type MoveGame } from '../games/core/move-game.js';
import { createConnectFour } from '../games/connect-four/index.js';
import { createTicTacToe, type TicTacToeState } from '../games/tic-tac-toe/index.js';
import { exactProgress } from '../arena/progress/exact.js';
import { parseProver } from '../arena/search/provers.js';
import { augmentSymmetries, generateDataset, sliceStates, type Dataset } from '../arena/verifier/dataset.js';

const ttt = createTicTacToe();

/** Independent negamax: the final score (1 win, 0.5 draw, 0 loss) of the player to move under optimal play. */
const solved = new Map<string, number>();
function optimal(state: TicTacToeState): number {
  const key = ttt.key(state);
  const known = solved.get(key);
  if (known !== undefined) return known;
  const out = ttt.outcome(state);
  const v = out ? (out[ttt.toMove(state)] as number) : Math.max(...ttt.legalActions(state).map((a) => 1 - optimal(ttt.apply(state, a))));
  solved.set(key, v);
  return v;
}

/** The states of a dataset's rows, recovered by decoding: the board after the move, from the mover's side. */
function rowsOf(d: Dataset): { mine: number; theirs: number; cell: number; q: number; a: number; group: number }[] {
  return Array.from({ length: d.size }, (_, i) => {
    const x = d.x.subarray(i * d.inputs, (i + 1) * d.inputs);
    let mine = 0;
    let theirs = 0;
    let cell = -1;
    for (let c = 0; c < 9; c++) {
      if (x[c] === 1) mine |= 1 << c;
      if (x[9 + c] === 1) theirs |= 1 << c;
      if (x[18 + c] === 1) cell = c;
    }
    return { mine, theirs, cell, q: d.q[i] as number, a: d.a[i] as number, group: d.group[i] as number };
  });
}

describe('progress labels on tic-tac-toe against exact values', () => {
  it('exact solver labels are the negamax values: Q*(s, a) and A* = Q* − max Q*', () => {
    const d = generateDataset(ttt, { positions: 60, rollouts: 1, seed: 4, prover: parseProver('solver'), exact: true });
    expect(d.states).toBe(60);
    const rows = rowsOf(d);
    for (const r of rows) {
      // the state before the move: the mover's marks without the new one
      const before = r.mine & ~(1 << r.cell);
      const ply = popcount(before) + popcount(r.theirs);
      const state: TicTacToeState = { marks: ply % 2 === 0 ? [before, r.theirs] : [r.theirs, before], ply };
      expect(r.q).toBeCloseTo(1 - optimal(ttt.apply(state, r.cell)), 6);
      expect(r.a).toBeCloseTo(r.q - optimal(state), 6);
    }
  });

  it('rollout labels converge on the exact expectation under the prover (random: many playouts, within 5 standard errors)', () => {
    const random = parseProver('random');
    const d = generateDataset(ttt, { positions: 12, rollouts: 800, seed: 9, prover: random });
    const exact = generateDataset(ttt, { positions: 12, rollouts: 800, seed: 9, prover: random, exact: true });
    // same positions (self-play does not depend on how labels are computed)
    expect(Array.from(d.x)).toEqual(Array.from(exact.x));
    for (let i = 0; i < d.size; i++) {
      expect(Math.abs((d.q[i] as number) - (exact.q[i] as number))).toBeLessThan(5 * Math.sqrt(0.25 / 800));
    }
  });

  it('labels under a prover without an exact distribution (best-of-K) estimate V by the prover’s own playouts', () => {
    const d = generateDataset(ttt, { positions: 10, rollouts: 8, seed: 2, prover: parseProver('best:k=3,base=(greedy)') });
    expect(d.states).toBe(10);
    // A = Q − V with one V per state: the spread of A within a state equals the spread of Q
    for (let i = 1; i < d.size; i++) {
      if (d.group[i] !== d.group[i - 1]) continue;
      expect((d.a[i] as number) - (d.a[i - 1] as number)).toBeCloseTo((d.q[i] as number) - (d.q[i - 1] as number), 5);
    }
  });

  it('outcome labels come from the outcome policy: exact random-play values beside the solver’s progress', () => {
    const random = parseProver('random');
    const d = generateDataset(ttt, { positions: 8, rollouts: 1, seed: 3, prover: parseProver('solver'), exact: true, outcome: random });
    const plain = generateDataset(ttt, { positions: 8, rollouts: 1, seed: 3, prover: random, exact: true });
    expect(Array.from(d.o ?? [])).toEqual(Array.from(plain.q));
    expect(Array.from(d.q)).not.toEqual(Array.from(plain.q));
    const s0 = ttt.initial();
    expect(exactProgress(ttt, s0, 4, random).q).toBeGreaterThan(exactProgress(ttt, s0, 1, random).q);
  });
});

function popcount(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

/** Plays `moves` and encodes every legal step of the result. */
function encodedAfter<S>(game: MoveGame<S, number>, moves: readonly number[]): { state: S; rows: Float32Array; legal: number[] } {
  const state = moves.reduce((s, m) => game.apply(s, m), game.initial());
  const legal = game.legalActions(state);
  return { state, rows: encodeActions(game.tensor!, state, legal), legal };
}

describe('symmetries of the tensor encodings', () => {
  it('Connect Four: the mirror permutation encodes the mirrored position and move', () => {
    const c4 = createConnectFour();
    const perm = c4.tensor?.symmetries?.[0] as Int32Array;
    const moves = [3, 2, 2, 6, 0];
    const a = encodedAfter(c4, moves);
    const b = encodedAfter(c4, moves.map((m) => 6 - m));
    const size = c4.tensor!.size;
    a.legal.forEach((col, i) => {
      const j = b.legal.indexOf(6 - col);
      expect(Array.from(permuteStep(a.rows.subarray(i * size, (i + 1) * size), perm))).toEqual(Array.from(b.rows.subarray(j * size, (j + 1) * size)));
    });
  });

  it('tic-tac-toe: seven distinct symmetries, each mapping a position’s steps onto its image’s steps', () => {
    const syms = ttt.tensor?.symmetries ?? [];
    expect(syms).toHaveLength(7);
    expect(new Set(syms.map((p) => Array.from(p).join(','))).size).toBe(7);
    const rot = (c: number): number => 3 * (c % 3) + (2 - Math.floor(c / 3));
    const a = encodedAfter(ttt, [0, 4, 5]);
    const b = encodedAfter(ttt, [0, 4, 5].map(rot));
    const rows = (r: Float32Array): string[] => Array.from({ length: r.length / 27 }, (_, i) => Array.from(r.subarray(i * 27, (i + 1) * 27)).join('')).sort();
    const images = syms.map((p) => rows(Float32Array.from(Array.from({ length: a.legal.length }, (_, i) => Array.from(permuteStep(a.rows.subarray(i * 27, (i + 1) * 27), p))).flat())));
    expect(images.map((x) => x.join('|'))).toContain(rows(b.rows).join('|'));
  });

  it('a unique draw keeps no position (nor a symmetric image of one) on both sides of the split, and augmentation adds every image', () => {
    const d = generateDataset(ttt, { positions: 400, rollouts: 1, seed: 7, prover: parseProver('solver'), exact: true, unique: true });
    const syms = ttt.tensor?.symmetries ?? [];
    const key = (part: Dataset, g: number, perm?: Int32Array): string => {
      const out: string[] = [];
      for (let i = 0; i < part.size; i++) {
        if (part.group[i] !== g) continue;
        const x = part.x.subarray(i * 27, (i + 1) * 27);
        out.push(Array.from(perm ? permuteStep(x, perm) : x).join(''));
      }
      return out.sort().join('|');
    };
    const train = sliceStates(d, 0, 300);
    const test = sliceStates(d, 300, d.states);
    const seen = new Set<string>();
    for (let g = 0; g < train.states; g++) for (const p of [undefined, ...syms]) seen.add(key(train, g, p));
    for (let g = 0; g < test.states; g++) expect(seen.has(key(test, g))).toBe(false);
    const aug = augmentSymmetries(train, syms);
    expect(aug.size).toBe(train.size * 8);
    expect(aug.states).toBe(train.states * 8);
    expect(Array.from(aug.q.subarray(0, 3))).toEqual(Array.from(train.q.subarray(0, 3)));
  });
});
