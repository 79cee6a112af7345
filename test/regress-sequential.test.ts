import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../arena/store/store.js';
import { runCliCaptured as cli } from './support/cli.js';

/**
 * `arena regress --sequential` end to end: a baseline tournament (tic-tac-toe, greedy and random, 30 repetitions of
 * 10-game series: 60 matches per agent), then candidates whose verdict is clear early. The run plays the baseline's
 * matches in batches and stops once every gate is decided; the report and JUnit say so and why.
 */
const dir = mkdtempSync(join(tmpdir(), 'arena-regress-seq-'));
const db = join(dir, 'arena.db');
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function runMatches(runName: string): { planned: number; completed: number; status: string } {
  const store = new Store(db, { readonly: true });
  try {
    const run = store.listRuns().find((r) => r.name.startsWith(runName));
    if (!run) throw new Error(`no run ${runName}`);
    const c = store.counts(run.id);
    return { planned: c.total, completed: c.completed, status: run.status };
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  const cfg = file('base.yaml', 'name: base\nseed: 5\ngames:\n  - { id: tic-tac-toe, games: 10 }\nagents:\n  random: random\n  greedy: greedy\nrepetitions: 30\ncache: off\n');
  const r = await cli(['tournament', cfg, '--store', db, '--quiet', '--bootstrap', '10']);
  expect(r.code).toBe(0);
}, 120_000);

describe('arena regress --sequential', () => {
  it('stops early on a clear regression (exit 1) and says why in the report and JUnit', async () => {
    const suite = file('worse.yaml', 'name: worse\ntarget: greedy\ngates:\n  - { metric: wr, tolerance: 0.05 }\nsequential: { batch: 10 }\nworkers: 1\n');
    const md = join(dir, 'worse.md');
    const xml = join(dir, 'worse.xml');
    // greedy:error=0.9 (a random move 90% of the time) replaces greedy; named apart from the opponent `random`.
    const r = await cli(['regress', suite, '--baseline', 'base', '--candidate', 'greedy:error=0.9', '--store', db, '--quiet', '--markdown', md, '--junit', xml]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const m = runMatches('worse-');
    expect(m.planned).toBeLessThan(60);
    expect(m.planned % 10).toBe(0);
    expect(m.completed).toBe(m.planned);
    expect(m.status).toBe('completed');
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('**REGRESSION**');
    expect(text).toMatch(new RegExp(`stopped early after ${m.planned} of 60 matches: regression decided after ${m.planned} matches: wr worse than the tolerance`));
    expect(text).toContain('| wr | higher |');
    expect(text).toMatch(/\| regression \|\n?$/m);
    const junit = readFileSync(xml, 'utf8');
    expect(junit).toContain('<property name="sequential.stopped" value="early"/>');
    expect(junit).toContain(`<property name="sequential.matches" value="${m.planned}"/>`);
    expect(junit).toContain('<failure message="regression: wr');
  }, 120_000);

  it('stops early on a clear pass (exit 0); re-running plays nothing more and gives the same verdict', async () => {
    const suite = file('better.yaml', 'name: better\ntarget: random\ngates:\n  - { metric: wr, tolerance: 0.05 }\n  - { metric: wrMatch, tolerance: 0.1 }\nworkers: 1\n');
    const args = ['regress', suite, '--baseline', 'base', '--candidate', 'greedy:error=0', '--store', db, '--quiet', '--sequential', '--markdown', join(dir, 'better.md'), '--junit', join(dir, 'better.xml')];
    const r = await cli(args);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const m = runMatches('better-');
    expect(m.planned).toBeLessThan(60);
    expect(r.out).toMatch(new RegExp(`stopped early after ${m.planned} of 60 matches: every gate passed after ${m.planned} matches`));
    expect(r.out).toMatch(/\| wr \| higher \|.*\| passed \|/);
    expect(r.out).toMatch(/\| wrMatch \| higher \|.*\| passed \|/);
    expect(readFileSync(join(dir, 'better.xml'), 'utf8')).toContain('<property name="sequential.stopped" value="early"/>');
    const again = await cli(args);
    expect(again.code).toBe(0);
    expect(runMatches('better-').planned).toBe(m.planned);
    expect(again.out).toBe(r.out);
  }, 120_000);

  it('without a clear difference it plays every baseline match and reports the gate undecided', async () => {
    // greedy:error=0 plays as greedy does (identical results), but no number of matches narrows the interval below
    // a zero tolerance.
    const suite = file('same.yaml', 'name: same\ntarget: greedy\ngates:\n  - { metric: wr, tolerance: 0 }\nsequential: true\nworkers: 1\n');
    const r = await cli(['regress', suite, '--baseline', 'base', '--candidate', 'greedy:error=0', '--store', db, '--quiet', '--markdown', join(dir, 'same.md'), '--junit', join(dir, 'same.xml')]);
    expect(r.code).toBe(0);
    expect(runMatches('same-').planned).toBe(60);
    expect(r.out).toContain("played 60 of 60 matches: the baseline's 60 matches ran out with 1 of 1 gates undecided: wr: no regression found");
    expect(r.out).toMatch(/\| wr \| higher \|.*\| undecided \|/);
    expect(readFileSync(join(dir, 'same.xml'), 'utf8')).toContain('<property name="sequential.stopped" value="complete"/>');
  }, 120_000);

  it('a gate with no sequential rule is a usage error before anything is played', async () => {
    const suite = file('tokens.yaml', 'name: tokens\ntarget: greedy\ngates:\n  - { metric: tokensPerMatch, tolerance: 10 }\n');
    const r = await cli(['regress', suite, '--baseline', 'base', '--candidate', 'random', '--store', db, '--quiet', '--sequential']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("gates: metric 'tokensPerMatch' has no sequential rule");
    const bad = file('badseq.yaml', 'target: greedy\ngates:\n  - { metric: wr }\nsequential: { batch: 0 }\n');
    const b = await cli(['regress', bad, '--baseline', 'base', '--candidate', 'random', '--store', db, '--quiet']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('expected a batch of at least 1 match');
    const store = new Store(db, { readonly: true });
    try {
      expect(store.listRuns().some((x) => x.name.startsWith('tokens-'))).toBe(false);
    } finally {
      store.close();
    }
  });
});
