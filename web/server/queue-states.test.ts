import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../arena/store/store.js';
import { AggregateCache } from './aggregate-cache.js';
import { Api } from './api.js';
import { ReadStore } from './read-store.js';

describe('a live distributed run in the site', () => {
  it("shows the matches by state while the run is running, re-read as the coordinator updates them, and drops them once it ends", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arena-queue-states-'));
    const path = join(dir, 'arena.db');
    const writer = new Store(path);
    try {
      writer.createRun({ id: 'live', name: 'live', kind: 'tournament', config: {}, configHash: 'h', seed: 1 });
      writer.setRunMeta('live', { queue: { waiting: 7, running: 2, done: 1, failed: 0, at: '2026-01-01T00:00:00.000Z' } });
      const read = new ReadStore(path);
      const api = new Api(read, new AggregateCache(read, { background: false }));
      try {
        expect(api.runs().runs[0]?.queue).toEqual({ waiting: 7, running: 2, done: 1, failed: 0, at: '2026-01-01T00:00:00.000Z' });
        await new Promise((r) => setTimeout(r, 5));
        writer.setRunMeta('live', { queue: { waiting: 3, running: 2, done: 5, failed: 0, at: '2026-01-01T00:00:01.000Z' } });
        expect(api.runs().runs[0]?.queue).toMatchObject({ waiting: 3, done: 5 });
        await new Promise((r) => setTimeout(r, 5));
        writer.setRunStatus('live', 'completed');
        expect(api.runs().runs[0]?.queue).toBeUndefined();
      } finally {
        read.close();
      }
    } finally {
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
