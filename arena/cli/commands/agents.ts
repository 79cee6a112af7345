import type { Command } from 'commander';
import { agentKinds, registerBuiltinAgents } from '../../agents/builtin.js';

export function registerAgents(program: Command): void {
  program
    .command('agents')
    .description('list the agent kinds and their parameters')
    .action(() => {
      registerBuiltinAgents();
      for (const kind of agentKinds()) {
        process.stdout.write(`${kind.kind}  [${kind.families.join(', ')}]  ${kind.description}\n`);
        for (const p of kind.params) process.stdout.write(`    ${p}\n`);
      }
    });
}
