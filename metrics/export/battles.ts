import type { TraceEvent } from '../../arena/trace/events.js';
import type { Column, Table } from './columns.js';
import { endsOf, settingOf } from './match-info.js';

/** The pairwise battle table of Chatbot-Arena-style rating code: one row per completed match. */
export const BATTLE_COLUMNS: readonly Column[] = [
  { name: 'model_a', type: 'string', doc: 'the agent in seat 0 (plan games: side 0), by its leaderboard name' },
  { name: 'model_b', type: 'string', doc: 'the agent in seat 1' },
  { name: 'winner', type: 'string', doc: "'model_a', 'model_b' or 'tie' (the match result; a series of games or rounds counts once)" },
  { name: 'game', type: 'string', doc: 'versioned game id with its parameters, e.g. connect-four@1(rows=6,cols=7)' },
  { name: 'setting', type: 'string', doc: 'the other settings the match was played under (plan games: preset, budgets, rounds; move games: games per series)' },
  { name: 'match_key', type: 'string', doc: 'the match id, unique within a run (game, agents, seats, repetition)' },
  { name: 'seed', type: 'int64', doc: "the match's seed" },
];

/** Completed matches as battles; error matches are no result and are left out. */
export function battleTable(matches: readonly (readonly TraceEvent[])[]): Table {
  const rows = [];
  for (const events of matches) {
    const ends = endsOf(events);
    if (ends?.end?.status !== 'completed') continue;
    const { spec, matchId } = ends.start;
    const w = ends.end.winner;
    rows.push({
      model_a: spec.seats[0].name,
      model_b: spec.seats[1].name,
      winner: w === 0 ? 'model_a' : w === 1 ? 'model_b' : 'tie',
      game: spec.game,
      setting: settingOf(spec),
      match_key: matchId,
      seed: spec.seed,
    });
  }
  return { name: 'battles', columns: BATTLE_COLUMNS, rows };
}
