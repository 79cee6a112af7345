import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TraceEvent } from './events.js';

/**
 * Appends trace events to a JSONL file, one line per event, written synchronously as each event happens, so a
 * killed run keeps every event recorded before the kill.
 */
export class JsonlWriter {
  private readonly fd: number;

  constructor(path: string, mode: 'append' | 'truncate' = 'truncate') {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, mode === 'append' ? 'a' : 'w');
  }

  write(event: TraceEvent): void {
    writeSync(this.fd, `${JSON.stringify(event)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
