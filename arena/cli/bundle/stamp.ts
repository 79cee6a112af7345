import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build was made from: every input file (sources, bundled packages, the build itself) with size and mtime. */
export interface BuildStamp {
  readonly esbuild: string;
  readonly inputs: Readonly<Record<string, { readonly size: number; readonly mtimeMs: number }>>;
}

export const STAMP_FILE = 'build-info.json';

/** Size and mtime of each file (paths relative to `root`); a file that cannot be read is left out. */
export function stampOf(root: string, files: Iterable<string>, esbuild: string): BuildStamp {
  const inputs: Record<string, { size: number; mtimeMs: number }> = {};
  for (const file of files) {
    try {
      const s = statSync(join(root, file));
      inputs[file] = { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      // A virtual input (esbuild's own runtime helpers) has no file.
    }
  }
  return { esbuild, inputs };
}

/**
 * Why the bundle in `outDir` is out of date, or null when it is current: no stamp (never built, or an interrupted
 * build), another esbuild, or an input file changed, went missing or was touched since the build.
 */
export function staleReason(root: string, outDir: string, esbuild: string): string | null {
  let stamp: BuildStamp;
  try {
    stamp = JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8')) as BuildStamp;
  } catch {
    return 'not built yet';
  }
  if (stamp.esbuild !== esbuild) return `built with esbuild ${stamp.esbuild}, now ${esbuild}`;
  for (const [file, was] of Object.entries(stamp.inputs)) {
    try {
      const s = statSync(join(root, file));
      if (s.size !== was.size || s.mtimeMs !== was.mtimeMs) return `${file} changed`;
    } catch {
      return `${file} is gone`;
    }
  }
  return null;
}
