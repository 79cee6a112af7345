import type { TraceEvent } from '../trace/events.js';
import type { RunManifest } from './manifest.js';

/**
 * What differs between the manifest a run recorded and the same run set up now: arena build, machine, prompts,
 * games and their settings, seeds, endpoints and their decoding settings, cache mode. One sentence per difference.
 */
export function setupDifferences(recorded: RunManifest, present: RunManifest): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (recorded.arena.version !== present.arena.version) out.push(`the run was made with arena ${recorded.arena.version}; this is ${present.arena.version}`);
  if (recorded.arena.gitCommit !== null && present.arena.gitCommit !== null && recorded.arena.gitCommit !== present.arena.gitCommit) {
    out.push(`the run was made at commit ${recorded.arena.gitCommit.slice(0, 12)}; this checkout is at ${present.arena.gitCommit.slice(0, 12)}`);
  }
  if (recorded.arena.lockfileSha256 !== null && present.arena.lockfileSha256 !== null && recorded.arena.lockfileSha256 !== present.arena.lockfileSha256) {
    out.push('the package lockfile differs (other dependency versions)');
  }
  if (recorded.node !== present.node) out.push(`the run was made on Node ${recorded.node}; this is ${present.node}`);
  if (recorded.promptVersion !== present.promptVersion) out.push(`the run used prompt set ${recorded.promptVersion}; the present one is ${present.promptVersion}`);
  if (!same(recorded.games, present.games)) out.push('the games or their settings differ (a game version changed, or its parameters)');
  if (!same(recorded.seeds, present.seeds)) out.push('the match seeds differ (the schedule changed)');
  if (recorded.cache !== present.cache) out.push(`the cache mode was ${recorded.cache}; now ${present.cache}`);
  for (const m of recorded.models) {
    const now = present.models.find((p) => p.agentSpec === m.agentSpec);
    if (now === undefined) out.push(`endpoint '${m.endpoint}' (${m.agentSpec}) is not in the present models config`);
    else {
      if (now.requestedModel !== m.requestedModel) out.push(`endpoint '${m.endpoint}' asked for model '${m.requestedModel}'; it now asks for '${now.requestedModel}'`);
      if (!same(now.decoding, m.decoding)) out.push(`endpoint '${m.endpoint}' decoding settings were ${JSON.stringify(m.decoding)}; now ${JSON.stringify(now.decoding)}`);
      if (now.sampleScope !== m.sampleScope) out.push(`endpoint '${m.endpoint}' sample scope was ${m.sampleScope}; now ${now.sampleScope}`);
    }
  }
  return out;
}

/** Endpoints whose server reported other model ids (snapshots) than the recorded run's. */
export function snapshotDifferences(recorded: RunManifest, reproduced: RunManifest): string[] {
  const out: string[] = [];
  for (const m of recorded.models) {
    const now = reproduced.models.find((p) => p.agentSpec === m.agentSpec);
    if (now === undefined || now.returnedModels.length === 0) continue;
    const fresh = now.returnedModels.filter((id) => !m.returnedModels.includes(id));
    if (fresh.length > 0) out.push(`endpoint '${m.endpoint}' now reports serving ${fresh.join(', ')} (the run recorded ${m.returnedModels.join(', ') || 'none'})`);
  }
  return out;
}

/**
 * A match trace as bytes to compare across runs: everything but measured wall times (`wallMs`, and the match
 * clock `time` summed from them), which are measurements of the machine, not of the match.
 */
export function traceBytes(events: readonly TraceEvent[]): string {
  return JSON.stringify(events, (key, value: unknown) => (key === 'wallMs' || key === 'time' ? 0 : value));
}
