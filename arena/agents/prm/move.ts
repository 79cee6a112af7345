import { mixedRng } from '../../../games/core/rng.js';
import type { Agent, MoveDecision } from '../agent.js';
import { addUsage, ZERO_USAGE } from '../../trace/usage.js';
import { beamSearch } from './beam.js';
import { sampleCandidates } from './candidates.js';
import type { MoveVerifier } from './verifier.js';

export interface PrmMoveOptions {
  /** Candidates sampled from the base agent per decision (and, in beam search, per expanded line). */
  readonly n: number;
  /** Weight of the progress term: score = Q + α·A (α = 0: outcome-only, ORM-style). */
  readonly alpha: number;
  /** Beam search over lines of `depth` further plies keeping `beam` lines; absent: best-of-N. */
  readonly beam?: { readonly width: number; readonly depth: number; readonly reply: Agent };
}

/**
 * PRM-guided play. Best-of-N: N candidates from `base` (each call with its own generator, derived from one draw of
 * the agent's), the distinct legal ones scored once by the verifier, the best Q + α·A played (ties: the candidate
 * sampled most often, then the first sampled). Beam search (`options.beam`): the same N candidates start lines that
 * are continued for D plies (arena/agents/prm/beam.ts) and the first move of the best line is played. A single
 * distinct candidate is played unscored. With no legal candidate it plays the base's first answer as is, so the
 * match runner judges and re-asks as usual. Meta traces every candidate, its scores, the choice and the verifier's
 * compute (its count of rollouts or inferences, and the CPU milliseconds its scoring took); `usage` sums the base
 * calls and adds the verifier's simulations.
 */
export function createPrmMoveAgent(id: string, base: Agent, verifier: MoveVerifier, options: PrmMoveOptions): Agent {
  const decide = base.decideMove?.bind(base);
  const reply = options.beam?.reply;
  return {
    id,
    kind: 'prm',
    async decideMove(request, ctx) {
      if (!decide) throw new Error(`base agent '${base.id}' cannot play move games`);
      const start = performance.now();
      const seed = ctx.rng.int(0, 0xffffffff);
      const sampled = await sampleCandidates(decide, request, options.n, [seed], ctx);
      const { candidates, distinct, counts } = sampled;
      let usage = sampled.usage;
      if (distinct.length === 0) {
        const first: MoveDecision = sampled.decisions[0] ?? { usage: ZERO_USAGE };
        return { ...first, usage: { ...usage, wallMs: performance.now() - start }, meta: { verifier: verifier.name, candidates, chosen: null } };
      }
      // A single distinct candidate leaves nothing to choose: the verifier is not consulted (no compute).
      // The verifier's compute in one currency: the process CPU time of its scoring (rollouts or inferences alike).
      const cpuStart = process.cpuUsage();
      const scores = distinct.length === 1 ? { q: [0], a: null, simulations: 0 } : await verifier.score(request.game, request.state, distinct, mixedRng(seed, 'verifier'));
      const cpu = distinct.length === 1 ? { user: 0, system: 0 } : process.cpuUsage(cpuStart);
      let verifierCpuMs = (cpu.user + cpu.system) / 1000;
      let verifierSimulations = scores.simulations;
      const total = distinct.map((_, k) => (scores.q[k] ?? 0) + options.alpha * (scores.a?.[k] ?? 0));
      let best = 0;
      for (let k = 1; k < distinct.length; k++) {
        const better = (total[k] ?? 0) > (total[best] ?? 0) || ((total[k] ?? 0) === (total[best] ?? 0) && (counts[k] ?? 0) > (counts[best] ?? 0));
        if (better) best = k;
      }
      const texts = distinct.map((a) => request.game.actionText(request.state, a));
      for (const c of candidates) {
        const k = c.action === null ? -1 : texts.indexOf(c.action);
        if (k < 0) continue;
        c.q = scores.q[k] ?? 0;
        c.a = scores.a ? (scores.a[k] ?? 0) : null;
        c.score = total[k] ?? 0;
      }
      let search: Record<string, unknown> = { search: 'best-of-n' };
      if (options.beam && reply && distinct.length > 1) {
        const r = await beamSearch({ request, seed, roots: distinct, rootScores: total, counts, verifier, alpha: options.alpha, n: options.n, width: options.beam.width, depth: options.beam.depth, base: decide, reply: reply.decideMove?.bind(reply) ?? decide, ctx });
        best = r.first;
        usage = addUsage(usage, r.usage);
        verifierCpuMs += r.verifierCpuMs;
        verifierSimulations += r.verifierSimulations;
        search = { search: 'beam', beam: options.beam.width, depth: options.beam.depth, lines: r.lines, proposals: r.proposals };
      }
      const chosen = texts[best] as string;
      const meta = { verifier: verifier.name, n: options.n, alpha: options.alpha, ...search, candidates, distinct: distinct.length, chosen, verifierSimulations, verifierCpuMs };
      const wallMs = performance.now() - start;
      return { action: distinct[best], usage: { ...usage, wallMs, simulations: usage.simulations + verifierSimulations }, meta };
    },
    async close() {
      await Promise.allSettled([base.close?.(), verifier.close?.(), reply !== base ? reply?.close?.() : undefined]);
    },
  };
}
