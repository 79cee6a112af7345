import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from './support/cli.js';
import { readTraceFile } from '../arena/trace/read.js';

const cli = runCliCaptured;

afterEach(() => vi.restoreAllMocks());

describe('arena CLI', () => {
  it('lists the games', async () => {
    const r = await cli(['games']);
    expect(r.code).toBe(0);
    for (const id of ['tower-defense@1', 'auto-battler@1', 'turn-based@1', 'tic-tac-toe@1', 'connect-four@1(rows=6,cols=7)']) expect(r.out).toContain(id);
  });

  it('prints the rules text a model reads, with the preset budgets', async () => {
    const r = await cli(['rules', 'tower-defense', '--side', 'demon']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1000/);
    const paper = await cli(['rules', 'tower-defense', '--side', 'demon', '--preset', 'paper']);
    expect(paper.out).toMatch(/1500/);
    expect(paper.out).not.toBe(r.out);
  });

  it('plays a plan match, prints a round-by-round summary and writes a complete trace', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'arena-cli-')), 'm.jsonl');
    const r = await cli(['match', '--game', 'auto-battler', '--seat', 'defender=counter:evals=50', '--seat', 'invader=random', '--rounds', '10', '--seed', '7', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Auto-battler: Defender=counter:evals=50 vs Invader=random/);
    expect(r.out.split('\n').filter((l) => /^\d+\s/.test(l)).length).toBe(11); // R + 1 battle rows
    const [match] = await readTraceFile(out);
    expect(match?.[0]?.type).toBe('match_start');
    expect(match?.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(match?.length);
  });

  it('plays a move-game series', async () => {
    const r = await cli(['match', '--game', 'tic-tac-toe', '--seat', '0=solver', '--seat', '1=random', '--games', '2', '--seed', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Game 2/);
  });

  it.each([
    [['match', '--game', 'go', '--seat', '0=random', '--seat', '1=random'], "unknown game 'go'; valid choices: tower-defense, auto-battler, turn-based, tic-tac-toe, connect-four, chess"],
    [['match', '--game', 'auto-battler', '--seat', 'defender=alphazero', '--seat', 'invader=random'], "unknown plan-game agent 'alphazero'; valid choices: counter, llm"],
    [['match', '--game', 'auto-battler', '--seat', 'wizard=random', '--seat', 'invader=random'], "unknown side of auto-battler 'wizard'; valid choices: defender, invader"],
    [['match', '--game', 'auto-battler', '--seat', 'defender=random'], 'arena: --seat missing for invader (e.g. --seat defender=counter --seat invader=random)'],
    [['match', '--game', 'turn-based', '--seat', '0=random', '--seat', '1=random', '--preset', 'hard'], "unknown preset of turn-based 'hard'; valid choices: default, paper"],
    [['match', '--game', 'turn-based', '--seat', '0=random', '--seat', '1=random', '--rounds', 'ten'], "arena: --rounds must be an integer in [1, 1000], got 'ten'"],
    [['rules', 'tower-defense'], 'arena: --side is required for tower-defense@1; valid choices: human, demon'],
    [['match', '--game', 'connect-four(rows=99)', '--seat', '0=random', '--seat', '1=random'], 'rows'],
    [['match', '--game', 'connect-four', '--seat', '0=random', '--seat', '1=random', '--rounds', '3'], 'arena: --rounds applies to plan games only; connect-four@1(rows=6,cols=7) is a move game (its flags: --games, --attempts, --on-fail, --boards)'],
    [['match', '--game', 'tic-tac-toe', '--seat', '0=random', '--seat', '1=random', '--budget', '0=5'], 'arena: --budget applies to plan games only'],
    [['match', '--game', 'turn-based', '--seat', '0=random', '--seat', '1=random', '--games', '3'], 'arena: --games applies to move games only; turn-based@1 is a plan game (its flags: --rounds, --preset, --budget, --param,'],
    [['plan-power', '--wr', '0.55,0.45', '--elo', '50'], 'arena: give either --wr p1,p2 or --elo <gap>, not both'],
  ])('a bad flag or name is one line listing the choices, exit 2: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(message);
  });

  it('exits 2 from the real binary on an unknown option', () => {
    const p = spawnSync(process.execPath, ['arena/cli/bin.js', 'games', '--bogus'], { encoding: 'utf8' });
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/unknown option '--bogus'/);
  });
});
