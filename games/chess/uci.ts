import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';

/** Every engine process this process started and has not yet seen exit: killed on exit, so none outlives it. */
const live = new Set<ChildProcessWithoutNullStreams>();
let exitHooked = false;

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/** Engine processes started by this process that are still running (tests check that none is left behind). */
export function liveEnginePids(): number[] {
  return [...live].map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
}

/** The single-threaded lite WebAssembly build of the `stockfish` package, run by this Node binary. */
export function stockfishPath(): string {
  return createRequire(new URL('./uci.ts', import.meta.url)).resolve('stockfish/bin/stockfish-19-lite-single.js');
}

interface Waiter {
  readonly done: (line: string) => boolean;
  readonly lines: string[];
  readonly resolve: (lines: string[]) => void;
  readonly reject: (err: Error) => void;
}

/**
 * A UCI engine in a child process: commands go to its standard input, lines come back from its output. If the
 * process dies, every pending wait rejects with a clear error. `close` sends `quit`, and kills the process if it
 * has not exited within a second; the parent's exit kills any engine still running, and an engine whose parent
 * died sees its input close and quits.
 */
export class UciProcess {
  private buffer = '';
  private waiter: Waiter | null = null;
  private exited: Error | null = null;
  private readonly exitPromise: Promise<void>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    hookExit();
    live.add(child);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onData(chunk));
    child.stdin.on('error', () => undefined);
    this.exitPromise = new Promise((resolve) => {
      const finish = (err: Error): void => {
        live.delete(child);
        this.exited ??= err;
        const w = this.waiter;
        this.waiter = null;
        w?.reject(this.exited);
        resolve();
      };
      child.on('exit', (code, signal) => finish(new Error(`the chess engine exited (${signal ?? `code ${code ?? '?'}`})`)));
      child.on('error', (err) => finish(new Error(`the chess engine could not run: ${err.message}`)));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts the engine and completes the `uci` handshake; returns the option lines it announced. */
  static async start(path: string = stockfishPath()): Promise<{ engine: UciProcess; options: string[] }> {
    const engine = new UciProcess(spawn(process.execPath, [path], { stdio: ['pipe', 'pipe', 'pipe'] }));
    try {
      const lines = await engine.request('uci', (l) => l === 'uciok', 30_000);
      return { engine, options: lines.filter((l) => l.startsWith('option name ')) };
    } catch (err) {
      await engine.close();
      throw err;
    }
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      const w = this.waiter;
      if (!w || !line) continue;
      w.lines.push(line);
      if (w.done(line)) {
        this.waiter = null;
        w.resolve(w.lines);
      }
    }
  }

  send(command: string): void {
    if (this.exited) throw this.exited;
    this.child.stdin.write(`${command}\n`);
  }

  /** Sends a command and collects output lines up to and including the first `done` line, within `timeoutMs`. */
  request(command: string, done: (line: string) => boolean, timeoutMs: number): Promise<string[]> {
    if (this.exited) return Promise.reject(this.exited);
    if (this.waiter) return Promise.reject(new Error('the chess engine is busy with another request'));
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`the chess engine did not answer '${command}' within ${timeoutMs} ms`));
        void this.close();
      }, timeoutMs);
      this.waiter = {
        done,
        lines: [],
        resolve: (lines) => {
          clearTimeout(timer);
          resolve(lines);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.send(command);
    });
  }

  /** Ends the engine: `quit`, then a kill after a second; resolves once the process has exited. */
  async close(): Promise<void> {
    if (!this.exited) {
      try {
        this.child.stdin.end('quit\n');
      } catch {
        // The pipe is already closed; the kill below ends the process.
      }
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
      await this.exitPromise;
      clearTimeout(timer);
    }
    await this.exitPromise;
  }
}
