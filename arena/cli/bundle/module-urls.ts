import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * A worker thread's tsx boot file (what the source passes to `new Worker(new URL(...))`) and the TypeScript module
 * it loads, which the build bundles as an entry of its own named `out`.
 */
export interface WorkerBoot {
  readonly boot: string;
  readonly entry: string;
  readonly out: string;
}

const URL_PATTERN = /new URL\(\s*(['"])(\.{1,2}\/[^'"]*)\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * Rewrites every `new URL('./relative', import.meta.url)` in the project's own sources so that it still names the
 * same file from the bundle: a worker's boot file becomes the worker's bundled entry; any other file (the shipped
 * ONNX model, the web app's sources) is addressed from the output folder back into the source tree. Every output
 * file sits directly in `outDir`, so one relative path serves every chunk. A target that does not exist, or an
 * `import.meta.url` used any other way, fails the build instead of breaking at run time.
 */
export function moduleUrls(root: string, outDir: string, workers: readonly WorkerBoot[]): Plugin {
  const bootByPath = new Map(workers.map((w) => [resolve(root, w.boot), w]));
  const nodeModules = `${sep}node_modules${sep}`;
  return {
    name: 'module-urls',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
        if (args.path.includes(nodeModules) || !args.path.startsWith(root + sep)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const errors: string[] = [];
        const contents = source.replace(URL_PATTERN, (_match, quote: string, rel: string) => {
          const target = resolve(dirname(args.path), rel);
          const worker = bootByPath.get(target);
          if (worker) return `new URL(${quote}./${worker.out}.js${quote}, import.meta.url)`;
          if (!existsSync(target)) errors.push(`${rel} (${relative(root, target)}) does not exist`);
          const fromOut = relative(outDir, target).split(sep).join('/') + (rel.endsWith('/') ? '/' : '');
          return `new URL(${quote}${fromOut.startsWith('.') ? fromOut : `./${fromOut}`}${quote}, import.meta.url)`;
        });
        if (contents.replace(URL_PATTERN, '').includes('import.meta.url')) errors.push('uses import.meta.url other than as new URL(\'./relative\', import.meta.url), which the bundle cannot keep pointing at the same file');
        if (errors.length > 0) return { errors: errors.map((text) => ({ text: `${relative(root, args.path)}: ${text}` })) };
        return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
      });
    },
  };
}
