import type { Command } from 'commander';
import { registerAgents } from './agents.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export.js';
import { registerGames } from './games.js';
import { registerLeaderboard, registerRuns } from './leaderboard.js';
import { registerMatch } from './match.js';
import { registerMetrics } from './metrics.js';
import { registerReport } from './report.js';
import { registerProgress } from './progress.js';
import { registerVerifier } from './verifier.js';
import { registerExperiment } from './experiment.js';
import { registerPlanPower } from './plan-power.js';
import { registerRegress } from './regress.js';
import { registerRules } from './rules.js';
import { registerServe } from './serve.js';
import { registerTournament } from './tournament.js';

/** One module per command; each registers itself on the root program. */
export type CommandModule = (program: Command) => void;

export const commands: readonly CommandModule[] = [registerGames, registerRules, registerAgents, registerMatch, registerDemo, registerMetrics, registerExport, registerTournament, registerLeaderboard, registerRuns, registerRegress, registerPlanPower, registerProgress, registerVerifier, registerExperiment, registerServe, registerReport];
