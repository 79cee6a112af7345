import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';

/**
 * The CLI's exit statuses as a user (or CI) sees them, from real processes (`arena/cli/bin.js`, the built bundle):
 * 0 ok, 1 regression, 2 usage error, 3 an incomplete run, 130 interrupted. Processes are spawned asynchronously so
 * the local OpenAI-compatible test server in this process can answer them.
 */

interface Result {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Sends SIGINT once this returns true (polled every 25 ms). */
  readonly interruptWhen?: () => boolean;
  /** Closes the reading end of stdout at once (a reader such as `head` that stops early). */
  readonly closeStdout?: boolean;
}

function arena(args: readonly string[], options: RunOptions = {}): Promise<Result> {
  return new Promise((resolve) => {
    const env = { ...(options.env ?? process.env) };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [join(process.cwd(), 'arena/cli/bin.js'), ...args], { cwd: options.cwd ?? process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let sent = false;
    const poll = options.interruptWhen
      ? setInterval(() => {
          if (!sent && options.interruptWhen?.()) {
            sent = true;
            child.kill('SIGINT');
          }
        }, 25)
      : undefined;
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Match counts of a run, read-only (zeros before the store or the run exists). */
function counts(db: string, run: string): { total: number; completed: number; errors: number } {
  if (!existsSync(db)) return { total: 0, completed: 0, errors: 0 };
  try {
    const store = new Store(db, { readonly: true });
    try {
      return store.getRun(run) ? store.counts(run) : { total: 0, completed: 0, errors: 0 };
    } finally {
      store.close();
    }
  } catch {
    return { total: 0, completed: 0, errors: 0 };
  }
}

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer({ models: { flaky: { kind: 'status', status: 500 } } });
  dir = mkdtempSync(join(tmpdir(), 'arena-exit-'));
});
afterAll(async () => {
  await server.close();
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('Ctrl-C during a tournament', () => {
  // 300 Connect Four matches with a searching agent: far more than play in the moments before the signal.
  const config = 'seed: 1\ngames:\n  - { id: connect-four, games: 2 }\nagents:\n  random: random\n  greedy: greedy\n  mcts: mcts:iterations=2000\nrepetitions: 50\n';

  it.each([['1'], ['2']])('with --workers %s: stops scheduling at once, keeps what finished, exits 130', async (workers) => {
    const name = `ctrl-c-${workers}`;
    const cfg = file(`${name}.yaml`, `name: ${name}\n${config}`);
    const db = join(dir, `${name}.db`);
    const args = ['tournament', cfg, '--store', db, '--quiet', '--workers', workers, '--bootstrap', '10'];
    const r = await arena(args, { interruptWhen: () => counts(db, name).completed >= 2 });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/Interrupted: \d+ of 300 matches are stored .* Run the same command again to resume\./);
    const after = counts(db, name);
    expect(after.total).toBe(300);
    expect(after.completed).toBeGreaterThanOrEqual(2);
    // stopped: most matches never started; abandoned ones are pending, never stored as errors
    expect(after.completed).toBeLessThan(150);
    expect(after.errors).toBe(0);
  }, 120_000);
});

describe('incomplete runs, missing keys and bad specs', () => {
  const models = () =>
    file(
      'models.yaml',
      `models:\n  steady:\n    base_url: ${server.url}\n    model: steady\n    api_key_env: null\n    retries: 0\n  flaky:\n    base_url: ${server.url}\n    model: flaky\n    api_key_env: null\n    retries: 0\n    retry_base_ms: 1\n  keyed:\n    base_url: ${server.url}\n    model: steady\n    api_key_env: ARENA_TEST_KEY_THAT_IS_NOT_SET\n`,
    );

  it('exits 3 with a one-line summary of what is missing and how to resume when matches end in infrastructure errors', async () => {
    const cfg = file('inc.yaml', `name: inc\ngames:\n  - { id: tic-tac-toe }\nagents:\n  random: random\n  flaky: llm:flaky\ncache: off\nmodels: ${models()}\n`);
    const db = join(dir, 'inc.db');
    const r = await arena(['tournament', cfg, '--store', db, '--quiet', '--bootstrap', '10']);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Incomplete \(exit 3\): 2 of 2 matches of run 'inc' have no result \(2 ended in infrastructure errors, e\.g\. .*500.*\)\. Run the same command again to resume them\.$/);
    expect(r.stdout).toMatch(/Run 'inc': 0 completed, 2 errors of 2 matches/);
  });

  it('an unset API key variable is a usage error before any match is played or stored', async () => {
    const cfg = file('nokey.yaml', `name: nokey\ngames:\n  - { id: tic-tac-toe }\nagents:\n  random: random\n  keyed: llm:keyed\ncache: off\nmodels: ${models()}\n`);
    const db = join(dir, 'nokey.db');
    const env = { ...process.env };
    delete env['ARENA_TEST_KEY_THAT_IS_NOT_SET'];
    const r = await arena(['tournament', cfg, '--store', db, '--quiet'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('environment variable ARENA_TEST_KEY_THAT_IS_NOT_SET is not set');
    expect(counts(db, 'nokey').total).toBe(0);
  });

  it('a bad agent spec is a usage error naming the parameter, and no run is created', async () => {
    const cfg = file('badspec.yaml', 'name: badspec\ngames:\n  - { id: tic-tac-toe }\nagents:\n  random: random\n  mcts: mcts:iters=5\n');
    const db = join(dir, 'badspec.db');
    const r = await arena(['tournament', cfg, '--store', db, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown parameter 'iters'; valid parameters: iterations");
    expect(counts(db, 'badspec').total).toBe(0);
  });
});

describe('regress', () => {
  let db = '';
  beforeAll(async () => {
    db = join(dir, 'regress.db');
    const cfg = file('base.yaml', 'name: base\ngames:\n  - { id: tic-tac-toe }\nagents:\n  random: random\n  greedy: greedy\n');
    const r = await arena(['tournament', cfg, '--store', db, '--quiet', '--bootstrap', '10']);
    expect(r.code).toBe(0);
  });

  it('a candidate that cannot play the target\'s games is an error, not "no regression"', async () => {
    const suite = file('suite.yaml', 'target: greedy\ngates:\n  - { metric: wr, tolerance: 0.05 }\n');
    const md = join(dir, 'r.md');
    const r = await arena(['regress', suite, '--baseline', 'base', '--candidate', 'counter', '--store', db, '--quiet', '--markdown', md, '--junit', join(dir, 'r.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown move-game agent 'counter'");
    expect(existsSync(md)).toBe(false);
  });

  it('a metric that cannot be gated is a usage error before anything is played', async () => {
    const suite = file('badgate.yaml', 'target: greedy\ngates:\n  - { metric: winrate, tolerance: 0.05 }\n');
    const r = await arena(['regress', suite, '--baseline', 'base', '--candidate', 'mcts:iterations=50', '--store', db, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("metric 'winrate' cannot be gated; gateable metrics: wr,");
    const store = new Store(db, { readonly: true });
    try {
      expect(store.listRuns().map((x) => x.name)).toEqual(['base']);
    } finally {
      store.close();
    }
  });

  it('plays a valid candidate and passes (exit 0)', async () => {
    const suite = file('ok.yaml', 'target: greedy\ngates:\n  - { metric: wr, tolerance: 1 }\n');
    const r = await arena(['regress', suite, '--baseline', 'base', '--candidate', 'greedy', '--store', db, '--quiet', '--markdown', join(dir, 'ok.md'), '--junit', join(dir, 'ok.xml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('read-only commands never change the file they read', () => {
  it.each([[['runs']], [['leaderboard']], [['metrics', '--run', 'x']], [['plan-power', '--elo', '50', '--run', 'x']], [['report', '--html', join(tmpdir(), 'arena-ro-site')]]])('%j on an unrelated SQLite file: exit 2, file untouched', async (args) => {
    const path = join(mkdtempSync(join(tmpdir(), 'arena-ro-')), 'notes.db');
    const db = new Database(path);
    db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (\'keep\')');
    db.close();
    const before = readFileSync(path);
    const r = await arena([...args, '--store', path]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`arena: '${path}' is not an arena results store (it has no arena tables); pass the store a tournament wrote with --store <file>`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('leaderboard --anchor with an agent not in the run lists the run\'s agents', async () => {
    const cfg = file('anchor.yaml', 'name: anchor\ngames:\n  - { id: tic-tac-toe }\nagents:\n  random: random\n  greedy: greedy\n');
    const db = join(dir, 'anchor.db');
    expect((await arena(['tournament', cfg, '--store', db, '--quiet', '--bootstrap', '10'])).code).toBe(0);
    const r = await arena(['leaderboard', '--store', db, '--anchor', 'nobody']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("arena: unknown anchor agent of run 'anchor' 'nobody'; valid choices: greedy, random");
  });
});

describe('small things', () => {
  it('output piped into a reader that stops early ends quietly (no EPIPE stack trace)', async () => {
    const r = await arena(['rules', 'turn-based', '--side', 'defender', '--catalogue'], { closeStdout: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('--version prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await arena(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
