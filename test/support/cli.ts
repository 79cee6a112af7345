import { vi } from 'vitest';
import { runCli } from '../../arena/cli/main.js';

/** Runs the CLI in-process, as `arena <args>` would, and captures its exit code and what it writes. */
export async function runCliCaptured(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    process.exitCode = undefined;
    return { code: await runCli([...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}
