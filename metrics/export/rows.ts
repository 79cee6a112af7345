import { protocolText } from '../leaderboard/protocol.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import type { Usage } from '../../arena/trace/usage.js';
import type { Cell, Column, Row, Table } from './columns.js';
import { endsOf, settingOf } from './match-info.js';

/** One row per match: identity, seats, result, usage, and the whole trace (so an import can rebuild the run). */
export const MATCH_COLUMNS: readonly Column[] = [
  { name: 'run', type: 'string', doc: 'the run the match belongs to' },
  { name: 'match_key', type: 'string', doc: 'the match id, unique within a run' },
  { name: 'game', type: 'string', doc: 'versioned game id with its parameters' },
  { name: 'family', type: 'string', doc: "'plan' (simultaneous plans revised between rounds) or 'move' (alternating moves)" },
  { name: 'setting', type: 'string', doc: 'the other settings (plan games: preset, budgets, rounds; move games: games per series)' },
  { name: 'seed', type: 'int64', doc: "the match's seed" },
  { name: 'agent_0', type: 'string', doc: 'leaderboard name of the agent in seat 0 (plan games: side 0)' },
  { name: 'agent_1', type: 'string', doc: 'leaderboard name of the agent in seat 1' },
  { name: 'spec_0', type: 'string', doc: 'agent spec of seat 0, e.g. llm:my-model or mcts:iterations=400' },
  { name: 'spec_1', type: 'string', doc: 'agent spec of seat 1' },
  { name: 'protocol_0', type: 'string', nullable: true, doc: 'how the model in seat 0 was asked, e.g. answer=tool legal_moves=game truncation_reask=true; null for agents that are not language models' },
  { name: 'protocol_1', type: 'string', nullable: true, doc: 'how the model in seat 1 was asked' },
  { name: 'status', type: 'string', doc: "'completed', or 'error' (no result; never scored)" },
  { name: 'error_reason', type: 'string', nullable: true, doc: 'for errors: infrastructure, agent or internal' },
  { name: 'winner', type: 'int64', nullable: true, doc: 'winning seat (0 or 1); null for a draw or an error' },
  { name: 'score_0', type: 'float64', doc: 'seat 0 match score: wins plus half the draws over the battles or games' },
  { name: 'score_1', type: 'float64', doc: 'seat 1 match score' },
  { name: 'wins_0', type: 'int64', doc: 'rounds (plan games) or games (move games) won by seat 0' },
  { name: 'wins_1', type: 'int64', doc: 'rounds or games won by seat 1' },
  { name: 'tokens_0', type: 'int64', doc: 'prompt plus completion tokens used by seat 0' },
  { name: 'tokens_1', type: 'int64', doc: 'tokens used by seat 1' },
  { name: 'cost_usd', type: 'float64', doc: 'price of both seats at the configured rates, US dollars' },
  { name: 'prompt_version', type: 'string', doc: 'version of the prompt set the requests were rendered with' },
  { name: 'trace_version', type: 'int64', doc: 'version of the trace record format of `trace`' },
  { name: 'trace', type: 'string', doc: 'the complete match trace: a JSON array of trace events (see the README of the arena)' },
];

/** One row per decision: every plan submission and every move (or refused answer) of every match. */
export const DECISION_COLUMNS: readonly Column[] = [
  { name: 'run', type: 'string', doc: 'the run the match belongs to' },
  { name: 'match_key', type: 'string', doc: 'the match id, unique within a run' },
  { name: 'game', type: 'string', doc: 'versioned game id with its parameters' },
  { name: 'seq', type: 'int64', doc: 'event number within the match trace' },
  { name: 'round', type: 'int64', doc: 'round (plan games; 0 for initial plans) or ply (move games)' },
  { name: 'game_index', type: 'int64', nullable: true, doc: 'move games: the game of the series' },
  { name: 'seat', type: 'int64', doc: 'the deciding seat (plan games: side)' },
  { name: 'agent', type: 'string', doc: 'leaderboard name of the deciding agent' },
  { name: 'kind', type: 'string', doc: "'plan' (a plan submission), 'move' (a move played) or 'rejection' (an answer refused)" },
  { name: 'phase', type: 'string', nullable: true, doc: "plan games: 'initial' or 'revision'" },
  { name: 'attempt', type: 'int64', doc: 'attempt number of this decision (re-asks count up)' },
  { name: 'action', type: 'string', nullable: true, doc: 'the move played, or the plan used as canonical JSON' },
  { name: 'accepted', type: 'bool', nullable: true, doc: 'plan games: whether the submission became the plan in force' },
  { name: 'violations', type: 'string', nullable: true, doc: 'plan games: violation codes, comma-separated; rejections: the reason code' },
  { name: 'response_text', type: 'string', nullable: true, doc: "the agent's answer text as stored (LLM agents; bounded)" },
  { name: 'reasoning', type: 'string', nullable: true, doc: 'separate reasoning text, when the endpoint returned one (bounded)' },
  { name: 'model', type: 'string', nullable: true, doc: 'LLM agents: the endpoint name in the models config' },
  { name: 'endpoint_model', type: 'string', nullable: true, doc: 'LLM agents: the model id the server said it served' },
  { name: 'prompt_tokens', type: 'int64', doc: 'prompt tokens of the decision' },
  { name: 'completion_tokens', type: 'int64', doc: 'completion tokens' },
  { name: 'reasoning_tokens', type: 'int64', doc: 'reasoning tokens (part of completion tokens where reported)' },
  { name: 'cost_usd', type: 'float64', doc: 'price of the decision, US dollars' },
  { name: 'wall_ms', type: 'float64', doc: 'wall time of the decision, milliseconds (recorded)' },
];

function tokens(u: Usage): number {
  return u.promptTokens + u.completionTokens;
}

/** One row per match of `matches` (all of them, errors included, so an import keeps them). */
export function matchTable(run: string, matches: readonly (readonly TraceEvent[])[]): Table {
  const rows: Row[] = [];
  for (const events of matches) {
    const ends = endsOf(events);
    if (ends === undefined) continue;
    const { start, end } = ends;
    const { spec } = start;
    rows.push({
      run,
      match_key: start.matchId,
      game: spec.game,
      family: spec.family,
      setting: settingOf(spec),
      seed: spec.seed,
      agent_0: spec.seats[0].name,
      agent_1: spec.seats[1].name,
      spec_0: spec.seats[0].agent,
      spec_1: spec.seats[1].agent,
      protocol_0: spec.seats[0].protocol === undefined ? null : protocolText(spec.seats[0].protocol),
      protocol_1: spec.seats[1].protocol === undefined ? null : protocolText(spec.seats[1].protocol),
      status: end?.status ?? 'error',
      error_reason: end?.status === 'error' ? (end.reason ?? null) : end === undefined ? 'internal' : null,
      winner: end?.winner ?? null,
      score_0: end?.score[0] ?? 0,
      score_1: end?.score[1] ?? 0,
      wins_0: end?.wins[0] ?? 0,
      wins_1: end?.wins[1] ?? 0,
      tokens_0: end ? tokens(end.usage[0]) : 0,
      tokens_1: end ? tokens(end.usage[1]) : 0,
      cost_usd: end ? end.usage[0].costUsd + end.usage[1].costUsd : 0,
      prompt_version: start.promptVersion,
      trace_version: start.traceVersion,
      trace: JSON.stringify(events),
    });
  }
  return { name: 'matches', columns: MATCH_COLUMNS, rows };
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** One row per decision of `matches`. */
export function decisionTable(run: string, matches: readonly (readonly TraceEvent[])[]): Table {
  const rows: Row[] = [];
  for (const events of matches) {
    const ends = endsOf(events);
    if (ends === undefined) continue;
    const { spec, matchId } = ends.start;
    for (const e of events) {
      let cells: Record<string, Cell> | undefined;
      if (e.type === 'plan_submission') {
        cells = {
          game_index: null,
          seat: e.side,
          kind: 'plan',
          phase: e.phase,
          action: e.canonical,
          accepted: e.accepted,
          violations: e.violations.join(','),
          response_text: str(e.response.text),
          reasoning: str(e.response.reasoning),
          model: str(e.meta?.['model']),
          endpoint_model: str(e.meta?.['endpointModel']),
        };
      } else if (e.type === 'move' || e.type === 'rejection') {
        cells = {
          game_index: e.gameIndex,
          seat: e.seat,
          kind: e.type,
          phase: null,
          action: e.type === 'move' ? e.action : null,
          accepted: null,
          violations: e.type === 'rejection' ? e.code : null,
          response_text: str(e.response?.text),
          reasoning: str(e.response?.reasoning),
          model: e.type === 'move' ? str(e.meta?.['model']) : null,
          endpoint_model: e.type === 'move' ? str(e.meta?.['endpointModel']) : null,
        };
      }
      if (cells === undefined || (e.type !== 'plan_submission' && e.type !== 'move' && e.type !== 'rejection')) continue;
      const seat = cells['seat'] as number;
      rows.push({
        run,
        match_key: matchId,
        game: spec.game,
        seq: e.seq,
        round: e.round,
        game_index: cells['game_index'] ?? null,
        seat,
        agent: spec.seats[seat === 1 ? 1 : 0].name,
        kind: cells['kind'] ?? null,
        phase: cells['phase'] ?? null,
        attempt: e.attempt,
        action: cells['action'] ?? null,
        accepted: cells['accepted'] ?? null,
        violations: cells['violations'] ?? null,
        response_text: cells['response_text'] ?? null,
        reasoning: cells['reasoning'] ?? null,
        model: cells['model'] ?? null,
        endpoint_model: cells['endpoint_model'] ?? null,
        prompt_tokens: e.usage.promptTokens,
        completion_tokens: e.usage.completionTokens,
        reasoning_tokens: e.usage.reasoningTokens,
        cost_usd: e.usage.costUsd,
        wall_ms: e.usage.wallMs,
      });
    }
  }
  return { name: 'decisions', columns: DECISION_COLUMNS, rows };
}
