import type { Command } from 'commander';
import { gameEntries } from '../../games/registry.js';

export function registerGames(program: Command): void {
  program
    .command('games')
    .description('list the games, their sides or parameters, and presets')
    .action(() => {
      for (const entry of gameEntries()) {
        if (entry.family === 'plan') {
          const g = entry.game;
          const presets = g.presets
            .map((p) => {
              const c = g.config(p);
              const params = Object.entries(c.params).map(([k, v]) => ` ${k}=${v}`).join('');
              return `${p} (budgets ${g.sides[0].id} ${c.budgets[0]}, ${g.sides[1].id} ${c.budgets[1]}${params})`;
            })
            .join('; ');
          process.stdout.write(`${entry.id}@${entry.version}  ${entry.title}  [plan game]  sides: ${g.sides[0].id}, ${g.sides[1].id}  presets: ${presets}\n`);
        } else {
          const params = Object.entries(entry.params).map(([k, p]) => `${k}=${p.default}`).join(',');
          process.stdout.write(`${entry.id}@${entry.version}${params ? `(${params})` : ''}  ${entry.title}  [move game]  seats: 0, 1\n`);
        }
      }
    });
}
