import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleUrls } from './module-urls.js';

/** A throw-away project: src/lib/*.ts files and a data file, bundled into out/cli/. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'arena-module-urls-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function bundle(root: string, entry: string): Promise<string> {
  const out = join(root, 'out', 'cli');
  const result = await build({ absWorkingDir: root, entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, outdir: out, logLevel: 'silent', plugins: [moduleUrls(root, out, [{ boot: 'src/lib/worker-boot.mjs', entry: 'src/lib/worker.ts', out: 'worker-boot' }])] });
  return result.outputFiles[0]?.text ?? '';
}

describe('module-relative URLs in the bundle', () => {
  it('point from the output folder at the same file, and at the bundled worker instead of its tsx boot', async () => {
    const root = project({
      'src/lib/model.ts': "export const MODEL = new URL('../data/model.onnx', import.meta.url);\nexport const WORKER = new URL(\"./worker-boot.mjs\", import.meta.url);\n",
      'src/data/model.onnx': 'x',
      'src/lib/worker-boot.mjs': "import { register } from 'tsx/esm/api';\nregister();\nawait import('./worker.ts');\n",
    });
    const text = await bundle(root, 'src/lib/model.ts');
    expect(text).toContain('new URL("../../src/data/model.onnx", import.meta.url)');
    expect(text).toContain('new URL("./worker-boot.js", import.meta.url)');
  });

  it('fail the build when the file is missing or import.meta.url is used another way', async () => {
    const missing = project({ 'src/lib/a.ts': "export const A = new URL('./gone.json', import.meta.url);\n" });
    await expect(bundle(missing, 'src/lib/a.ts')).rejects.toThrow(/gone\.json \(src\/lib\/gone\.json\) does not exist/);
    const other = project({ 'src/lib/b.ts': 'export const B = import.meta.url;\n' });
    await expect(bundle(other, 'src/lib/b.ts')).rejects.toThrow(/src\/lib\/b\.ts: uses import\.meta\.url other than/);
  });
});
