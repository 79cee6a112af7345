import { InfrastructureError } from '../llm/infrastructure-error.js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../games/core/rng.js';
import type { Agent, MoveRequest } from '../agents/agent.js';
import { ZERO_USAGE, addUsage, type Usage } from '../trace/usage.js';
import { moveAgentFactories } from '../agents/move/index.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { UsageError } from '../errors.js';
import type { MoveMatchSpec, TraceEvent } from '../trace/events.js';
import { runMoveMatch } from './move-match.js';
import { replayMoveMatch } from './move-replay.js';

function bot(text: string): Agent {
  const spec = parseAgentSpec(text);
  return moveAgentFactories[spec.kind as keyof typeof moveAgentFactories].create(spec);
}

function spec(game: string, agents: [string, string], games = 1, seed = 1, params: Record<string, number> = {}): MoveMatchSpec {
  return { family: 'move', game, params, games, seed, seats: [{ side: 0, agent: agents[0], name: agents[0] }, { side: 1, agent: agents[1], name: agents[1] }] };
}

/** An agent that answers with the given texts in turn (then repeats the last), recording each request. */
function scripted(replies: readonly string[], seen: MoveRequest[] = []): Agent {
  let i = 0;
  return {
    id: 'scripted',
    kind: 'scripted',
    decideMove(request) {
      seen.push(request);
      const text = replies[Math.min(i++, replies.length - 1)] ?? '';
      return Promise.resolve({ text, reasoning: `thinking ${i}`, usage: { ...ZERO_USAGE, calls: 1, promptTokens: 10, completionTokens: 2, wallMs: 5 } });
    },
  };
}

const of = <T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T): Extract<TraceEvent, { type: T }>[] =>
  events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

/** The trace with measured wall times zeroed: what must be equal between two live runs. */
function timeless(events: readonly TraceEvent[]): string {
  return JSON.stringify(events, (key, value: unknown) => (key === 'wallMs' || key === 'time' ? 0 : value));
}

describe('runMoveMatch', () => {
  it('plays a series with alternating first seats and records every move', async () => {
    const events = await runMoveMatch(spec('tic-tac-toe', ['random', 'random'], 4, 7), [bot('random'), bot('random')]);
    expect(events[0]).toMatchObject({ type: 'match_start', seq: 0, spec: { maxAttempts: 3, onFail: 'forfeit', params: {} } });
    const moves = of(events, 'move');
    for (let g = 0; g < 4; g++) {
      const game = moves.filter((m) => m.gameIndex === g);
      expect(game[0]).toMatchObject({ seat: g % 2, player: 0, round: 0, legalCount: 9 });
      expect(game[1]).toMatchObject({ seat: 1 - (g % 2), player: 1, legalCount: 8 });
      expect(game.map((m) => m.round)).toEqual(game.map((_, i) => i));
    }
    const ends = of(events, 'game_end');
    expect(ends.map((e) => e.gameIndex)).toEqual([0, 1, 2, 3]);
    const end = events.at(-1);
    if (end?.type !== 'match_end') throw new Error('no match_end');
    expect(end.status).toBe('completed');
    const points = [0, 1].map((s) => ends.reduce((a, e) => a + (e.scores[s] ?? 0), 0) / 4);
    expect(end.score).toEqual(points);
    expect(end.wins).toEqual([0, 1].map((s) => ends.filter((e) => e.scores[s] === 1).length));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  });

  it('gives each seat a generator forked from the match seed and its seat', async () => {
    const draws: number[][] = [[], []];
    const probe = (seat: 0 | 1): Agent => ({
      id: 'probe',
      kind: 'probe',
      decideMove(request, ctx) {
        draws[seat]?.push(ctx.rng.int(0, 1e9));
        return Promise.resolve({ action: request.legal[0], usage: ZERO_USAGE });
      },
    });
    await runMoveMatch(spec('tic-tac-toe', ['probe', 'probe'], 1, 99), [probe(0), probe(1)]);
    const seat0 = createRng(99).fork('seat0');
    const seat1 = createRng(99).fork('seat1');
    expect(draws[0]).toEqual(draws[0]?.map(() => seat0.int(0, 1e9)));
    expect(draws[1]).toEqual(draws[1]?.map(() => seat1.int(0, 1e9)));
  });

  it('parses text replies, rejects bad ones with reason codes and re-asks with feedback', async () => {
    const seen: MoveRequest[] = [];
    const events = await runMoveMatch(spec('tic-tac-toe', ['scripted', 'random']), [scripted(['hello', 'b2', 'b2', 'a1', 'c3', 'a3', 'c1', 'b3', 'a2', 'c2', 'b1'], seen), bot('random')]);
    const rejections = of(events, 'rejection');
    expect(rejections[0]).toMatchObject({ seat: 0, attempt: 1, code: 'move/unparseable', outcome: 'reask', response: { text: 'hello' } });
    expect(rejections.some((r) => r.code === 'move/occupied')).toBe(true);
    expect(seen[1]?.attempt).toBe(2);
    expect(seen[1]?.feedback[0]).toMatch(/rejected \(move\/unparseable\)/);
    const first = of(events, 'move')[0];
    expect(first).toMatchObject({ seat: 0, action: 'b2', attempt: 2, response: { text: 'b2', reasoning: 'thinking 2' } });
  });

  it('forfeits the game once the attempts run out (policy forfeit)', async () => {
    const events = await runMoveMatch(spec('connect-four', ['scripted', 'random'], 2), [scripted(['nope']), bot('random')], { maxAttempts: 2 });
    const rejections = of(events, 'rejection').filter((r) => r.gameIndex === 0);
    expect(rejections.map((r) => r.outcome)).toEqual(['reask', 'forfeit']);
    const ends = of(events, 'game_end');
    expect(ends[0]).toMatchObject({ forfeit: 0, scores: [0, 1], plies: 0 });
    expect(ends[1]).toMatchObject({ forfeit: 0, scores: [0, 1] });
    expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'completed', wins: [0, 2], winner: 1, score: [0, 1] });
  });

  it('plays a seeded random legal move once the attempts run out (policy random)', async () => {
    const events = await runMoveMatch(spec('connect-four', ['scripted', 'random']), [scripted(['8']), bot('random')], { onFail: 'random' });
    const auto = of(events, 'move').filter((m) => m.seat === 0);
    expect(auto.length).toBeGreaterThan(3);
    for (const m of auto) {
      expect(m.meta).toEqual({ policy: 'random_move' });
      expect(m.response).toBeUndefined();
      expect(m.usage).toEqual(ZERO_USAGE);
    }
    expect(of(events, 'rejection').every((r) => r.code === 'move/out_of_range')).toBe(true);
    expect(of(events, 'rejection').filter((r) => r.outcome === 'random_move')).toHaveLength(auto.length);
    expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
  });

  it('rejects direct actions that are not legal with the game reason', async () => {
    const stubborn: Agent = {
      id: 'stubborn',
      kind: 'stubborn',
      decideMove: (request) => Promise.resolve({ action: request.attempt === 1 ? 0 : request.legal[0], usage: ZERO_USAGE }),
    };
    const events = await runMoveMatch(spec('tic-tac-toe', ['scripted', 'stubborn']), [scripted(['a1', 'b1', 'c1']), stubborn]);
    expect(of(events, 'rejection')[0]).toMatchObject({ seat: 1, code: 'move/occupied', response: { action: 0 }, outcome: 'reask' });
    expect(of(events, 'move')[1]).toMatchObject({ seat: 1, attempt: 2, action: 'b1', response: { action: 1 } });
    const bad = await runMoveMatch(spec('connect-four', ['x', 'random']), [{ id: 'x', kind: 'x', decideMove: () => Promise.resolve({ action: 99, usage: ZERO_USAGE }) }, bot('random')]);
    expect(of(bad, 'rejection')[0]).toMatchObject({ code: 'move/out_of_range', response: { action: 99 } });
    const empty = await runMoveMatch(spec('connect-four', ['x', 'random']), [{ id: 'x', kind: 'x', decideMove: () => Promise.resolve({ usage: ZERO_USAGE }) }, bot('random')]);
    expect(of(empty, 'rejection')[0]).toMatchObject({ code: 'move/empty' });
  });

  it('tells each seat the previous game result in a series', async () => {
    const seen: MoveRequest[] = [];
    await runMoveMatch(spec('tic-tac-toe', ['scripted', 'greedy'], 2), [scripted(['a1', 'b1', 'c1', 'a2', 'b2', 'c2', 'a3', 'b3', 'c3'], seen), bot('greedy')]);
    const second = seen.find((r) => r.gameIndex === 1);
    expect(second?.feedback.join('\n')).toMatch(/Game 1 of 2 is over: (you won|you lost|it was a draw).*You moved first; your moves were: a1/);
  });

  it('ends with an infrastructure error, never a loss, when an agent throws', async () => {
    let calls = 0;
    const flaky: Agent = {
      id: 'flaky',
      kind: 'flaky',
      decideMove(request) {
        if (++calls === 3) return Promise.reject(new InfrastructureError('endpoint timed out'));
        return Promise.resolve({ action: request.legal[0], usage: ZERO_USAGE });
      },
    };
    const events = await runMoveMatch(spec('connect-four', ['random', 'flaky']), [bot('random'), flaky]);
    expect(of(events, 'error')).toMatchObject([{ kind: 'infrastructure', side: 1, message: 'endpoint timed out', round: 5 }]);
    expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'error', reason: 'infrastructure', winner: null, score: [0, 0] });
    expect(of(events, 'game_end')).toEqual([]);
  });

  it('ends with reason aborted when the signal fires', async () => {
    const controller = new AbortController();
    let n = 0;
    const stopper: Agent = {
      id: 's',
      kind: 's',
      decideMove(request) {
        if (++n === 2) controller.abort();
        return Promise.resolve({ action: request.legal[0], usage: ZERO_USAGE });
      },
    };
    const events = await runMoveMatch(spec('connect-four', ['s', 'random'], 3), [stopper, bot('random')], { signal: controller.signal });
    expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'error', reason: 'aborted' });
    expect(of(events, 'move').filter((m) => m.seat === 0)).toHaveLength(2);
    expect(of(events, 'error')).toEqual([]);
  });

  it('rethrows usage errors: unknown games, agents that cannot play the game', async () => {
    await expect(runMoveMatch(spec('go', ['random', 'random']), [bot('random'), bot('random')])).rejects.toThrow(/valid choices: tic-tac-toe, connect-four, chess/);
    await expect(runMoveMatch(spec('connect-four', ['solver', 'random']), [bot('solver'), bot('random')])).rejects.toThrow(UsageError);
    await expect(runMoveMatch(spec('connect-four', ['x', 'random']), [{ id: 'x', kind: 'x' }, bot('random')])).rejects.toThrow(/cannot play move games/);
  });

  it('sums each seat usage into match_end and advances match time by recorded wall time', async () => {
    const events = await runMoveMatch(spec('tic-tac-toe', ['scripted', 'random']), [scripted(['zz', 'b2', 'a1', 'c1', 'a3', 'c3', 'a2', 'b1', 'b3', 'c2']), bot('random')]);
    const total: [Usage, Usage] = [ZERO_USAGE, ZERO_USAGE];
    for (const e of events) if (e.type === 'move' || e.type === 'rejection') total[e.seat] = addUsage(total[e.seat], e.usage);
    const end = events.at(-1);
    if (end?.type !== 'match_end') throw new Error('no match_end');
    expect(end.usage).toEqual(total);
    expect(end.usage[0].calls).toBe(of(events, 'move').filter((m) => m.seat === 0).length + of(events, 'rejection').length);
    expect(end.time).toBeCloseTo(total[0].wallMs + total[1].wallMs, 9);
  });

  it('is deterministic: the same spec, seed and agents give the same trace (wall times aside)', async () => {
    const run = (seed: number): Promise<TraceEvent[]> =>
      runMoveMatch(spec('connect-four', ['mcts:iterations=200', 'greedy:error=0.3'], 2, seed), [bot('mcts:iterations=200'), bot('greedy:error=0.3')]);
    const [a, b, c] = await Promise.all([run(5), run(5), run(6)]);
    expect(timeless(a)).toBe(timeless(b));
    expect(timeless(a)).not.toBe(timeless(c));
  });
});

describe('replayMoveMatch', () => {
  const cases: [string, string, () => Promise<TraceEvent[]>][] = [
    ['bots over a 3-game Connect Four series', 'completed', () => runMoveMatch(spec('connect-four', ['mcts:iterations=300', 'greedy:error=0.2'], 3, 11), [bot('mcts:iterations=300'), bot('greedy:error=0.2')])],
    ['text replies with rejections and the random policy', 'completed', () =>
      runMoveMatch(spec('tic-tac-toe', ['scripted', 'random'], 2, 3), [scripted(['??', 'b2', 'b2', 'a1', '(3,3)', 'top right', 'x', 'x', 'x']), bot('random')], { onFail: 'random' })],
    ['a forfeit on a 5x8 board', 'completed', () => runMoveMatch(spec('connect-four@1(rows=5,cols=8)', ['scripted', 'random'], 2, 4), [scripted(['1', '1', '1', '1', '1', '1']), bot('random')], { maxAttempts: 1 })],
    ['an infrastructure failure', 'infrastructure', () => {
      let n = 0;
      const flaky: Agent = { id: 'f', kind: 'f', decideMove: (r) => (++n === 4 ? Promise.reject(new InfrastructureError('boom')) : Promise.resolve({ action: r.legal[0], usage: { ...ZERO_USAGE, wallMs: 1.25 } })) };
      return runMoveMatch(spec('connect-four', ['f', 'random']), [flaky, bot('random')]);
    }],
    ['an aborted match', 'aborted', () => {
      const controller = new AbortController();
      let n = 0;
      const stopper: Agent = { id: 's', kind: 's', decideMove: (r) => { if (++n === 2) controller.abort(); return Promise.resolve({ action: r.legal[0], usage: ZERO_USAGE }); } };
      return runMoveMatch(spec('tic-tac-toe', ['s', 'random']), [stopper, bot('random')], { signal: controller.signal });
    }],
  ];

  it.each(cases)('reproduces %s byte for byte', async (_name, ending, run) => {
    const original = await run();
    const end = original.at(-1);
    expect(end?.type === 'match_end' && (end.reason ?? end.status)).toBe(ending);
    const stored = JSON.parse(JSON.stringify(original)) as TraceEvent[];
    const replayed = await replayMoveMatch(stored);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(original));
  });

  it('streams replayed events to a sink and refuses traces that are not move matches', async () => {
    const original = await runMoveMatch(spec('tic-tac-toe', ['random', 'random']), [bot('random'), bot('random')]);
    const seen: TraceEvent[] = [];
    await replayMoveMatch(original, { sink: (e) => seen.push(e) });
    expect(seen).toHaveLength(original.length);
    await expect(replayMoveMatch(original.slice(1))).rejects.toThrow(/not a move-match trace/);
  });
});


describe('agent bugs', () => {
  it('end the match as an agent error (not infrastructure, so not retried), never a loss', async () => {
    const buggy: Agent = { id: 'buggy', kind: 'test', decideMove: () => Promise.reject(new TypeError('cannot read properties of undefined')) };
    const events = await runMoveMatch({ family: 'move', game: 'tic-tac-toe', params: {}, games: 1, seed: 1, seats: [{ side: 0, agent: 'buggy', name: 'buggy' }, { side: 1, agent: 'x', name: 'x' }] }, [buggy, buggy]);
    expect(events.at(-1)).toMatchObject({ type: 'match_end', status: 'error', reason: 'agent', winner: null });
    expect(events.some((e) => e.type === 'error' && e.kind === 'agent')).toBe(true);
  });
});
