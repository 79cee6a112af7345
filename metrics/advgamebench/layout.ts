/**
 * The reference evaluator's CSV layout (REFERENCE-EVALUATOR §1, §3): game folders, role folders, headers and the
 * budgets it hard-codes. This table is inherently about the three reference games, so it is keyed by game id.
 */

export type AgbRole = 'human' | 'demon' | 'defender' | 'invader';
export type AgbTag = 'first' | 'second';

export interface RoleInfo {
  readonly costColumn: string;
  readonly llmColumn: string;
  /** The `winner` cell that counts as a win for this role. */
  readonly winner: string;
  /** The evaluator's hard-coded budget for the role (its budget flags are ignored). */
  readonly budget: number;
}

export const ROLES: Readonly<Record<AgbRole, RoleInfo>> = {
  human: { costColumn: 'human_cost', llmColumn: 'human_LLM', winner: 'Human', budget: 2000 },
  demon: { costColumn: 'demon_cost', llmColumn: 'demon_LLM', winner: 'Demon', budget: 1500 },
  defender: { costColumn: 'defender_cost', llmColumn: 'defender_LLM', winner: 'Defenders', budget: 20 },
  invader: { costColumn: 'invader_cost', llmColumn: 'invader_LLM', winner: 'Invaders', budget: 20 },
};

export interface AgbGameLayout {
  /** Arena game id without version. */
  readonly id: string;
  /** The reference's game folder name. */
  readonly dir: string;
  /** Role by side index. */
  readonly roles: readonly [AgbRole, AgbRole];
  readonly header: readonly string[];
  /** Auto-battler / Turn-based: the final battle after the last revision is recorded as round R again. */
  readonly finalDuplicate: boolean;
}

const TD_HEADER = ['round', 'side', 'human_cost', 'demon_cost', 'winner', 'lost_row', 'winner_remain_chars', 'winner_remain_cost', 'human_LLM', 'demon_LLM'];
const AB_TB_HEADER = ['round', 'defender_cost', 'invader_cost', 'winner', 'invader_LLM', 'defender_LLM'];

export const LAYOUTS: readonly AgbGameLayout[] = [
  { id: 'tower-defense', dir: 'Tower_Defense', roles: ['human', 'demon'], header: TD_HEADER, finalDuplicate: false },
  { id: 'auto-battler', dir: 'Auto-battler', roles: ['defender', 'invader'], header: AB_TB_HEADER, finalDuplicate: true },
  { id: 'turn-based', dir: 'Turn-based', roles: ['defender', 'invader'], header: AB_TB_HEADER, finalDuplicate: true },
];

/** The layout of a versioned arena game id (`turn-based@1`), or undefined for games the evaluator does not know. */
export function layoutForGame(game: string): AgbGameLayout | undefined {
  const id = game.split('@')[0];
  return LAYOUTS.find((l) => l.id === id);
}

export const isRole = (name: string): name is AgbRole => Object.hasOwn(ROLES, name);

/** File stem of a model, as the reference writes it: every '/' replaced by '-'. */
export function modelStem(name: string): string {
  return name.replaceAll('/', '-');
}

/** One CSV of the reference layout: `<dir>/<role>_results/<tag>/<model>_results.csv`, cells exactly as written. */
export interface AgbFile {
  /** Game folder name (the reference's, or the folder the CSV was read from). */
  readonly game: string;
  readonly role: AgbRole;
  readonly tag: AgbTag;
  /** File stem minus `_results`: what the evaluator calls the model. */
  readonly model: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function agbFilePath(file: AgbFile): string {
  return `${file.game}/${file.role}_results/${file.tag}/${file.model}_results.csv`;
}

/** The warning for a model name the evaluator can never credit with a win (REFERENCE-EVALUATOR §3 step 2). */
export function slashWarning(name: string): string {
  return `model name '${name}' contains '/': the reference evaluator never counts its wins (its file stem '${modelStem(name)}' differs from the name in the *_LLM column)`;
}
