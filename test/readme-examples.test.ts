import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkModelConfig, endpointOf, loadModelsFile, parseModelsConfig, type ModelsConfig } from '../arena/llm/models.js';
import { checkAgents } from '../arena/tournament/check-agents.js';
import { checkTournamentConfig, loadTournamentConfig, type TournamentConfig } from '../arena/tournament/config.js';
import { loadRegressSuite } from '../arena/tournament/regress-config.js';
import { scheduleTournament } from '../arena/tournament/schedule.js';

/**
 * The README's configuration examples and the shipped `examples/` files, tested as written: a user who copies them
 * gets a config that validates, a CI workflow whose model-calling steps can see the key, and runs that play.
 */

const README = readFileSync('README.md', 'utf8');

/** The README's YAML code blocks, parsed. */
const blocks: { text: string; value: Record<string, unknown> }[] = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => ({ text: m[1] as string, value: parseYaml(m[1] as string) as Record<string, unknown> }));

/** The README block whose first line is `# <file>`. */
function block(file: string): { text: string; value: Record<string, unknown> } {
  const found = blocks.find((b) => b.text.startsWith(`# ${file}\n`));
  if (!found) throw new Error(`README has no yaml block for ${file}`);
  return found;
}

/** All `llm:<model>` model names in an agent spec, nested ones (`prm:base=(llm:m)`) included. */
function llmModels(spec: string): string[] {
  return [...spec.matchAll(/(?:^|[(=,])llm:([A-Za-z0-9._-]+)/g)].map((m) => m[1] as string);
}

const readmeModels = (): ModelsConfig => {
  const models = blocks.find((b) => typeof b.value['models'] === 'object' && b.value['models'] !== null && !('games' in b.value));
  if (!models) throw new Error('README has no models block');
  return parseModelsConfig(models.text, 'README models block');
};

/** The key variable a README model needs (null: none). */
function keyOf(model: string): string | null {
  const entry = readmeModels()[model];
  if (entry === undefined) throw new Error(`model '${model}' is used in the README but not defined in its models block`);
  return endpointOf(checkModelConfig(entry, 'README', model)).apiKeyEnv;
}

describe('the README examples', () => {
  it('the tournament config validates and schedules (presets, budgets and params included), and its models are defined', () => {
    const { value } = block('tournament.yaml');
    const config = checkTournamentConfig(value, 'README tournament.yaml', 'nightly');
    expect(config.games.some((g) => Object.keys(g.params).length > 0)).toBe(true);
    expect(scheduleTournament(config).length).toBeGreaterThan(0);
    for (const a of config.agents) for (const m of llmModels(a.spec)) expect(() => keyOf(m)).not.toThrow();
  });

  it('the regression suite validates', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'arena-readme-')), 'regress.yaml');
    writeFileSync(path, block('regress.yaml').text);
    expect(loadRegressSuite(path).gates.length).toBeGreaterThan(0);
  });

  it('the GitHub Actions workflow gives every `npx arena` step that calls a model the key variable', () => {
    const workflow = block('.github/workflows/arena-regress.yml').value as { env?: Record<string, string>; jobs: Record<string, { env?: Record<string, string>; steps: { run?: string; env?: Record<string, string> }[] }> };
    const checked: string[] = [];
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.run === undefined || !step.run.includes('npx arena')) continue;
        const words = step.run.split(/\s+/);
        const command = words[words.indexOf('arena') + 1];
        const models: string[] = [];
        if (command === 'tournament') {
          const config = checkTournamentConfig(block(words[words.indexOf('tournament') + 1] as string).value, 'README', 'nightly');
          for (const a of config.agents) models.push(...llmModels(a.spec));
        } else if (command === 'regress') {
          const candidate = words[words.indexOf('--candidate') + 1] as string;
          models.push(...llmModels(candidate));
        }
        const env = { ...workflow.env, ...job.env, ...step.env };
        for (const m of models) {
          const key = keyOf(m);
          if (key === null) continue;
          expect(env, `step '${step.run}' runs llm:${m}, which needs ${key}`).toHaveProperty(key);
          expect(env[key]).toBe(`\${{ secrets.${key} }}`);
          checked.push(`${command}:${m}`);
        }
      }
    }
    // both the baseline tournament and the regression call the model
    expect(checked).toEqual(['tournament:my-model', 'regress:my-model-v2']);
  });
});

function arena(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['arena/cli/bin.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the shipped examples/', () => {
  const files = readdirSync('examples').filter((f) => f.endsWith('.yaml'));

  it('ships a keyless tournament, an LLM tournament with its models file, and a regression suite', () => {
    expect(files.sort()).toEqual(['models.yaml', 'regress.yaml', 'tournament-llm.yaml', 'tournament.yaml']);
  });

  it.each(files)('%s validates', async (f) => {
    const path = join('examples', f);
    const value = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
    if ('games' in value) {
      const config: TournamentConfig = loadTournamentConfig(path);
      const models = config.models !== undefined ? await loadModelsFile(config.models) : undefined;
      // every agent builds for every game it is scheduled in (models and keys included)
      checkAgents(scheduleTournament(config), models ? { models } : {});
    } else if ('gates' in value) {
      expect(loadRegressSuite(path).target).toBe('greedy');
    } else {
      expect(Object.keys(await loadModelsFile(path)).length).toBeGreaterThan(0);
    }
  });

  it('the LLM tournament uses a model defined in the example models file', () => {
    const config = loadTournamentConfig('examples/tournament-llm.yaml');
    expect(config.models).toBe('examples/models.yaml');
    const used = config.agents.flatMap((a) => llmModels(a.spec));
    expect(used.length).toBeGreaterThan(0);
    const defined = Object.keys(parseYaml(readFileSync('examples/models.yaml', 'utf8')).models as object);
    for (const m of used) expect(defined).toContain(m);
  });

  it('the keyless tournament runs, and the regression suite runs on its result, as their comments say', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'arena-examples-')), 'arena.db');
    const t = await arena(['tournament', 'examples/tournament.yaml', '--store', db, '--quiet', '--bootstrap', '20']);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Run 'example': (\d+) completed, 0 errors of \1 matches/);
    const dir = mkdtempSync(join(tmpdir(), 'arena-examples-out-'));
    const r = await arena(['regress', 'examples/regress.yaml', '--baseline', 'example', '--candidate', 'mcts:iterations=100', '--store', db, '--quiet', '--markdown', join(dir, 'r.md'), '--junit', join(dir, 'r.xml')]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/Candidate `mcts:iterations=100` replaced `greedy` in \d+ matches/);
  }, 120_000);
});
