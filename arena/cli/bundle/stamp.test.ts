import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAMP_FILE, staleReason, stampOf } from './stamp.js';

describe('the build stamp', () => {
  it('says the bundle is current until an input changes, is touched or goes missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'arena-stamp-'));
    const out = join(root, 'dist');
    mkdirSync(out);
    writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'b.ts'), 'export const b = 2;\n');
    expect(staleReason(root, out, '1.0.0')).toBe('not built yet');
    writeFileSync(join(out, STAMP_FILE), JSON.stringify(stampOf(root, ['a.ts', 'b.ts', '<runtime>'], '1.0.0')));
    expect(staleReason(root, out, '1.0.0')).toBeNull();
    expect(staleReason(root, out, '1.1.0')).toBe('built with esbuild 1.0.0, now 1.1.0');
    utimesSync(join(root, 'b.ts'), new Date(), new Date(Date.now() + 5000));
    expect(staleReason(root, out, '1.0.0')).toBe('b.ts changed');
    writeFileSync(join(out, STAMP_FILE), JSON.stringify(stampOf(root, ['a.ts', 'b.ts'], '1.0.0')));
    rmSync(join(root, 'a.ts'));
    expect(staleReason(root, out, '1.0.0')).toBe('a.ts is gone');
  });
});
