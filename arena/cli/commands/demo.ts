import type { Command } from 'commander';
import { registerBuiltinAgents } from '../../agents/builtin.js';
import { createAgent } from '../../agents/registry.js';
import { gameEntries } from '../../games/registry.js';
import { formatPlanMatch } from '../../match/plan-format.js';
import { runPlanMatch } from '../../match/plan-match.js';
import type { PlanMatchSpec } from '../../trace/events.js';

/** The demo: one match of every plan game between the search agent and a random planner, no API key needed. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the built-in demo (no API key needed)')
    .option('--quiet', 'print only the final lines')
    .action(async (opts: { quiet?: boolean }) => {
      registerBuiltinAgents();
      for (const entry of gameEntries()) {
        if (entry.family !== 'plan') continue;
        const game = entry.game;
        const spec: PlanMatchSpec = {
          family: 'plan',
          game: `${entry.id}@${entry.version}`,
          config: game.config(),
          rounds: 6,
          reviseFirst: 0,
          seed: 7,
          seats: [
            { side: 0, agent: 'counter', name: 'counter' },
            { side: 1, agent: 'random', name: 'random' },
          ],
          roundNumbering: 'reference',
          planReportFeedback: false,
        };
        const events = await runPlanMatch(game, spec, [createAgent('counter', {}, 'plan'), createAgent('random', {}, 'plan')], { log: false });
        const text = formatPlanMatch(events, game.sides, game.title);
        process.stdout.write(`${opts.quiet ? text.split('\n').slice(-1)[0] : text}\n\n`);
      }
    });
}
