import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatCsvRow, parseCsv } from './csv.js';
import { agbFilePath, isRole, type AgbFile, type AgbTag } from './layout.js';

/**
 * Writes files at `<root>/<game>/<role>_results/<tag>/<model>_results.csv`. Without `append`, an existing file is
 * an error (nothing is overwritten). With `append`, rows are appended to existing files without a header, as the
 * reference does when a file already exists. Returns the paths written.
 */
export async function writeAgbFolder(root: string, files: readonly AgbFile[], append = false): Promise<string[]> {
  const paths = files.map((f) => join(root, agbFilePath(f)));
  if (!append) {
    const clash = paths.find((p) => existsSync(p));
    if (clash !== undefined) throw new Error(`${clash} already exists (use --append to add rows to existing files)`);
  }
  for (const [i, file] of files.entries()) {
    const path = paths[i] as string;
    await mkdir(dirname(path), { recursive: true });
    const body = file.rows.map(formatCsvRow).join('');
    if (append && existsSync(path)) await appendFile(path, body, 'utf8');
    else await writeFile(path, formatCsvRow(file.header) + body, 'utf8');
  }
  return paths;
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

const ROLE_DIR = /^(human|demon|defender|invader)_results$/;

async function readGameDir(dir: string): Promise<AgbFile[]> {
  const files: AgbFile[] = [];
  const game = basename(dir);
  for (const roleDir of (await readdir(dir)).sort()) {
    const role = ROLE_DIR.exec(roleDir)?.[1];
    if (role === undefined || !isRole(role)) continue;
    for (const tag of ['first', 'second'] as AgbTag[]) {
      const tagDir = join(dir, roleDir, tag);
      if (!(await isDir(tagDir))) continue;
      for (const name of (await readdir(tagDir)).sort()) {
        if (!name.endsWith('.csv')) continue;
        const stem = name.slice(0, -'.csv'.length);
        const model = stem.endsWith('_results') ? stem.slice(0, -'_results'.length) : stem;
        const path = join(tagDir, name);
        const [header, ...rows] = parseCsv(await readFile(path, 'utf8'));
        if (header === undefined) throw new Error(`${path}: empty CSV (no header)`);
        // pandas skips blank lines.
        files.push({ game, role, tag, model, header, rows: rows.filter((r) => !(r.length === 1 && r[0] === '')) });
      }
    }
  }
  return files;
}

/**
 * Reads a results folder of the reference layout: either one game folder (holding `<role>_results/`) or a root
 * holding game folders (as `arena export` writes). Files are found as the evaluator finds them:
 * `<role>_results/{first,second}/*.csv`, model = file stem minus `_results`.
 */
export async function readAgbFolder(root: string): Promise<AgbFile[]> {
  if (!(await isDir(root))) throw new Error(`${root} is not a directory`);
  const entries = (await readdir(root)).sort();
  if (entries.some((e) => ROLE_DIR.test(e))) return readGameDir(root);
  const files: AgbFile[] = [];
  for (const entry of entries) {
    const dir = join(root, entry);
    if ((await isDir(dir)) && (await readdir(dir)).some((e) => ROLE_DIR.test(e))) files.push(...(await readGameDir(dir)));
  }
  if (files.length === 0) throw new Error(`${root}: no <role>_results/{first,second}/*.csv files found`);
  return files;
}
