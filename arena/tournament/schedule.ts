import { hashSeed } from '../../games/core/rng.js';
import { registerBuiltinAgents } from '../agents/builtin.js';
import { agentFamiliesOf, agentKinds } from '../agents/registry.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { resolveGame } from '../games/registry.js';
import { planConfig } from '../games/plan-config.js';
import type { PlannedMatch } from '../store/store.js';
import type { MoveMatchSpec, PlanMatchSpec, SeatSpec } from '../trace/events.js';
import type { TournamentConfig, TournamentGame } from './config.js';

/** The game families an agent spec can play (unknown kinds: none, so they are reported when created). */
export function agentFamilies(spec: string): readonly ('plan' | 'move')[] {
  const known = agentKinds().some((k) => k.kind === parseAgentSpec(spec).kind);
  return known ? agentFamiliesOf(spec) : ['plan', 'move'];
}

/** Pairs to play: every unordered pair (round-robin) or candidate × opponent (gauntlet). */
export function pairings(config: TournamentConfig): [string, string][] {
  if (config.schedule.type === 'gauntlet') {
    const pairs: [string, string][] = [];
    for (const c of config.schedule.candidates) for (const o of config.schedule.opponents) if (c !== o) pairs.push([c, o]);
    return pairs;
  }
  const names = config.agents.map((a) => a.name);
  const pairs: [string, string][] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push([names[i] as string, names[j] as string]);
  return pairs;
}

function seat(config: TournamentConfig, side: number, name: string): SeatSpec {
  const agent = config.agents.find((a) => a.name === name);
  if (!agent) throw new Error(`unknown agent '${name}'`);
  return { side, agent: agent.spec, name };
}

function planMatches(config: TournamentConfig, game: TournamentGame, a: string, b: string, rep: number, out: PlannedMatch[]): void {
  const resolved = resolveGame(game.id);
  if (resolved.family !== 'plan') return;
  const g = resolved.game;
  const budgets = Object.entries(game.budgets).map(([side, v]) => `${side}=${v}`);
  const params = Object.entries(game.params).map(([k, v]) => `${k}=${v}`);
  const cfg = planConfig(g, game.preset, budgets, params);
  // Both roles and both revise-first settings for each pair: the paper's four settings.
  for (const aSide of [0, 1] as const) {
    for (const aFirst of [true, false]) {
      const bSide = aSide === 0 ? 1 : 0;
      const seats: [SeatSpec, SeatSpec] = aSide === 0 ? [seat(config, 0, a), seat(config, 1, b)] : [seat(config, 0, b), seat(config, 1, a)];
      const key = `${resolved.id}|${a}|${b}|${a}@${g.sides[aSide].id}|${aFirst ? a : b}-first|rep${rep}`;
      const seed = hashSeed(config.seed, key);
      const spec: PlanMatchSpec = {
        family: 'plan',
        game: resolved.id,
        config: cfg,
        rounds: game.rounds,
        reviseFirst: aFirst ? aSide : bSide,
        seed,
        seats,
        roundNumbering: game.roundNumbering,
        planReportFeedback: game.planReport,
      };
      out.push({ key, ord: out.length, game: resolved.id, family: 'plan', agents: [seats[0].name, seats[1].name], seed, spec });
    }
  }
}

function moveMatches(config: TournamentConfig, game: TournamentGame, a: string, b: string, rep: number, out: PlannedMatch[]): void {
  const resolved = resolveGame(game.id);
  if (resolved.family !== 'move') return;
  // Each pair plays twice per repetition, each agent taking seat 0 (first mover of game 0) once. A game with
  // seeded starts gets one start seed for both matches, so each start is played from both sides.
  const startSeed = resolved.game.seededStart ? { startSeed: hashSeed(config.seed, `${resolved.id}|${a}|${b}|rep${rep}|start`) } : {};
  for (const [first, second] of [[a, b], [b, a]] as const) {
    const key = `${resolved.id}|${a}|${b}|${first}-seat0|rep${rep}`;
    const seed = hashSeed(config.seed, key);
    const spec: MoveMatchSpec = {
      family: 'move',
      game: resolved.id,
      params: resolved.game.params,
      games: game.games,
      seed,
      ...startSeed,
      seats: [seat(config, 0, first), seat(config, 1, second)],
    };
    out.push({ key, ord: out.length, game: resolved.id, family: 'move', agents: [first, second], seed, spec });
  }
}

/**
 * The planned matches of a tournament, in play order: repetition, then game, then pair, then setting. Seeds are
 * derived from the run seed and the match key, so any match can be re-created alone, and seats and revise-first
 * settings are balanced by construction.
 */
export function scheduleTournament(config: TournamentConfig): PlannedMatch[] {
  const out: PlannedMatch[] = [];
  for (let rep = 0; rep < config.repetitions; rep++) out.push(...scheduleSets(config, pairings(config), rep, out.length));
  return out;
}

/**
 * One set of matches (every game both agents can play, both seats, and for plan games both revise-first settings)
 * of each given pair at repetition `rep`, numbered from `firstOrd`. The adaptive schedule plans its batches with it;
 * keys and seeds are those a fixed schedule gives the same pair and repetition.
 */
export function scheduleSets(config: TournamentConfig, pairs: readonly (readonly [string, string])[], rep: number, firstOrd = 0): PlannedMatch[] {
  registerBuiltinAgents();
  const out: PlannedMatch[] = [];
  const families = new Map(config.agents.map((a) => [a.name, agentFamilies(a.spec)]));
  const plays = (name: string, family: 'plan' | 'move') => families.get(name)?.includes(family) ?? false;
  const gameFamily = new Map(config.games.map((g) => [g.id, resolveGame(g.id).family]));
  for (const game of config.games) {
    const family = gameFamily.get(game.id) as 'plan' | 'move';
    // An agent only meets games of the families it can play (e.g. counter: plan games; mcts: move games).
    const allowed = (name: string) => plays(name, family) && (game.agents === undefined || game.agents.includes(name));
    for (const [a, b] of pairs.filter(([x, y]) => allowed(x) && allowed(y))) {
      planMatches(config, game, a, b, rep, out);
      moveMatches(config, game, a, b, rep, out);
    }
  }
  return out.map((m, i) => ({ ...m, ord: firstOrd + i }));
}
