import { realpathSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npx arena` is fast only when npm finds `arena` in node_modules/.bin: a `bin` on the root package makes npm
 * install the project itself into its exec cache on every call (about 0.8 s). The linked launcher package gives
 * the root's node_modules/.bin its `arena`.
 */
describe('npx arena launcher', () => {
  it('links arena into node_modules/.bin through the launcher package, not a root bin', () => {
    const root = JSON.parse(readFileSync('package.json', 'utf8')) as { bin?: unknown; dependencies: Record<string, string> };
    expect(root.bin).toBeUndefined();
    expect(root.dependencies['game-arena-cli']).toBe('file:arena/cli/launcher');
    expect(realpathSync(join('node_modules', '.bin', 'arena'))).toBe(realpathSync('arena/cli/launcher/arena.js'));
  });

  it('runs the built CLI through the link', () => {
    const p = spawnSync(join('node_modules', '.bin', 'arena'), ['games'], { encoding: 'utf8' });
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/^tower-defense@1 /m);
  });
});
