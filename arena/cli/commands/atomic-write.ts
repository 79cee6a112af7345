import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';

export interface OutFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/**
 * Writes a folder of files all at once: into a temporary folder beside `out`, renamed to `out` when every file is
 * written, so a failure leaves nothing half-written. An existing `out` is an error unless `replace` is set.
 */
export async function writeFolderAtomically(out: string, files: readonly OutFile[], replace = false): Promise<void> {
  const target = resolve(out);
  if (existsSync(target) && !replace) throw new UsageError(`'${out}' already exists (choose another --out, or pass --force to replace it)`);
  await mkdir(dirname(target), { recursive: true });
  const tmp = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    for (const f of files) await writeFile(join(tmp, f.name), f.data);
    if (existsSync(target)) {
      const old = `${tmp}.old`;
      await rename(target, old);
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, target);
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** Writes one file through a temporary file renamed into place. */
export async function writeFileAtomically(out: string, data: string | Uint8Array, replace = false): Promise<void> {
  const target = resolve(out);
  if (existsSync(target) && !replace) throw new UsageError(`'${out}' already exists (choose another --out, or pass --force to replace it)`);
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
