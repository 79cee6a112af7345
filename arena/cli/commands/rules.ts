import type { Command } from 'commander';
import { resolveGame } from '../../games/registry.js';
import { UsageError, unknownChoice } from '../../errors.js';
import { parseSide } from '../../games/sides.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('print the exact rules text a model reads')
    .argument('<game>', 'game id as `arena games` lists them, e.g. name@1(rows=6,cols=7)')
    .option('--side <side>', 'plan games: the side whose rules text to print (e.g. human, demon, defender, invader)')
    .option('--preset <name>', 'plan games: settings preset (budgets, HP)')
    .option('--catalogue', 'plan games: also print the side\'s catalogue')
    .action((gameId: string, opts: { side?: string; preset?: string; catalogue?: boolean }) => {
      const resolved = resolveGame(gameId);
      if (resolved.family === 'move') {
        process.stdout.write(`${resolved.game.rulesText()}\n`);
        return;
      }
      const game = resolved.game;
      if (opts.side === undefined) throw new UsageError(`--side is required for ${resolved.id}; valid choices: ${game.sides.map((s) => s.id).join(', ')}`);
      const side = parseSide(game, opts.side);
      const preset = opts.preset ?? game.presets[0] ?? 'default';
      if (!game.presets.includes(preset)) throw unknownChoice('preset', preset, game.presets);
      const config = game.config(preset);
      process.stdout.write(`${game.rulesText(side, config)}\n`);
      if (opts.catalogue) process.stdout.write(`\n${game.catalogueText(side, config)}\n`);
    });
}
