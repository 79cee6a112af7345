import type { RunManifest } from './manifest.js';

/** Where a leaderboard's rows came from, when that is not "played here, now, by this arena, with fresh replies". */
export interface Provenance {
  /** Agent → LLM replies served from the response cache. */
  readonly cached: Readonly<Record<string, number>>;
  /** The arena version that made the run, when it is not this one. */
  readonly otherVersion?: string;
  /** The file the run was imported from. */
  readonly imported?: string;
}

export function provenanceOf(manifest: RunManifest | undefined, presentVersion: string, kind: string): Provenance {
  const source = manifest?.source;
  return {
    cached: manifest?.cachedReplies ?? {},
    ...(manifest !== undefined && manifest.arena.version !== presentVersion ? { otherVersion: manifest.arena.version } : {}),
    ...(source !== undefined ? { imported: source.file } : kind === 'imported' ? { imported: '(unknown file)' } : {}),
  };
}

/** The provenance of one leaderboard row (agent), as words; empty when there is nothing to say. */
export function rowProvenance(p: Provenance, agent: string): string[] {
  const out: string[] = [];
  const n = p.cached[agent] ?? 0;
  if (n > 0) out.push(`${n} cached repl${n === 1 ? 'y' : 'ies'}`);
  if (p.otherVersion !== undefined) out.push(`made with arena ${p.otherVersion}`);
  if (p.imported !== undefined) out.push(`imported from ${p.imported}`);
  return out;
}

/** Note lines under a leaderboard naming each row whose data is not fresh, local and from this arena version. */
export function provenanceNotes(p: Provenance, agents: readonly string[]): string[] {
  return agents.flatMap((agent) => {
    const words = rowProvenance(p, agent);
    return words.length === 0 ? [] : [`${agent}: ${words.join('; ')}`];
  });
}
