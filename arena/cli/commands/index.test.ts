import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, invokedCommand } from '../main.js';
import { commands } from './index.js';

describe('the lazy command table', () => {
  it('lists each command with the description its own module registers', async () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const entry of commands) {
      const program = new Command();
      (await entry.load())(program);
      const registered = program.commands.find((c) => c.name() === entry.name);
      expect(registered?.description(), entry.name).toBe(entry.description);
    }
  });

  it('loads only the command named on the command line, in full', async () => {
    const program = await buildProgram(['match', '--game', 'tic-tac-toe']);
    const match = program.commands.find((c) => c.name() === 'match');
    expect(match?.options.map((o) => o.long)).toContain('--seat');
    const games = program.commands.find((c) => c.name() === 'games');
    expect(games?.description()).toBe(commands.find((c) => c.name === 'games')?.description);
    expect(program.commands.find((c) => c.name() === 'tournament')?.options).toEqual([]);
  });

  it('finds the command after `help` and skips options', () => {
    expect(invokedCommand(['help', 'rules'])).toBe('rules');
    expect(invokedCommand(['--help'])).toBeUndefined();
    expect(invokedCommand(['-h', 'games', '--bogus'])).toBe('games');
  });
});
