import { mixedRng } from '../../../games/core/rng.js';
import type { Agent, MoveDecision, MoveRequest } from '../agent.js';
import { addUsage, ZERO_USAGE, type Usage } from '../../trace/usage.js';
import type { MoveVerifier } from './verifier.js';

export interface PrmMoveOptions {
  /** Candidates sampled from the base agent per decision. */
  readonly n: number;
  /** Weight of the progress term: score = Q + α·A (α = 0: outcome-only, ORM-style). */
  readonly alpha: number;
}

/** One sampled candidate as traced: its notation (or why it was unusable) and the verifier's view of it. */
interface Candidate {
  readonly action: string | null;
  readonly error?: string;
  q?: number;
  a?: number | null;
  score?: number;
}

/** The legal action a base decision names: its direct action, else its text parsed by the game; null if neither. */
function legalAction(request: MoveRequest, decision: MoveDecision): { action: unknown } | { error: string } {
  const { game, state, legal } = request;
  if (decision.action !== undefined) {
    const wanted = JSON.stringify(decision.action);
    const found = legal.find((a) => JSON.stringify(a) === wanted);
    return found === undefined ? { error: `illegal action ${wanted}` } : { action: found };
  }
  if (decision.text === undefined) return { error: 'no action' };
  const parsed = game.parseAction(state, decision.text);
  return parsed.ok ? { action: parsed.action } : { error: parsed.code };
}

/**
 * Best-of-N PRM-guided play: N candidates from `base` (each call with its own generator, derived from one draw of
 * the agent's), the distinct legal ones scored once by the verifier, the best Q + α·A played (ties: the candidate
 * sampled most often, then the first sampled); a single distinct candidate is played unscored. With no legal candidate it plays the base's first answer as is, so
 * the match runner judges and re-asks as usual. Meta traces every candidate, its scores, the choice and the
 * verifier's compute (its count of rollouts or inferences, and the CPU milliseconds its scoring took); `usage` sums the base calls and adds the verifier's simulations.
 */
export function createPrmMoveAgent(id: string, base: Agent, verifier: MoveVerifier, options: PrmMoveOptions): Agent {
  const decide = base.decideMove?.bind(base);
  return {
    id,
    kind: 'prm',
    async decideMove(request, ctx) {
      if (!decide) throw new Error(`base agent '${base.id}' cannot play move games`);
      const start = performance.now();
      const seed = ctx.rng.int(0, 0xffffffff);
      let usage: Usage = ZERO_USAGE;
      const decisions: MoveDecision[] = [];
      const candidates: Candidate[] = [];
      const distinct: unknown[] = [];
      const counts: number[] = [];
      for (let i = 0; i < options.n; i++) {
        const sub = ctx.signal ? { rng: mixedRng(seed, i), signal: ctx.signal } : { rng: mixedRng(seed, i) };
        const d = await decide(request, sub);
        decisions.push(d);
        usage = addUsage(usage, d.usage);
        const found = legalAction(request, d);
        if ('error' in found) {
          candidates.push({ action: null, error: found.error });
          continue;
        }
        candidates.push({ action: request.game.actionText(request.state, found.action) });
        const key = JSON.stringify(found.action);
        const k = distinct.findIndex((x) => JSON.stringify(x) === key);
        if (k >= 0) counts[k] = (counts[k] ?? 0) + 1;
        else {
          distinct.push(found.action);
          counts.push(1);
        }
      }
      if (distinct.length === 0) {
        const first = decisions[0] ?? { usage: ZERO_USAGE };
        return { ...first, usage: { ...usage, wallMs: performance.now() - start }, meta: { verifier: verifier.name, candidates, chosen: null } };
      }
      // A single distinct candidate leaves nothing to choose: the verifier is not consulted (no compute).
      // The verifier's compute in one currency: the process CPU time of its scoring (rollouts or inferences alike).
      const cpuStart = process.cpuUsage();
      const scores = distinct.length === 1 ? { q: [0], a: null, simulations: 0 } : await verifier.score(request.game, request.state, distinct, mixedRng(seed, 'verifier'));
      const cpu = distinct.length === 1 ? { user: 0, system: 0 } : process.cpuUsage(cpuStart);
      const verifierCpuMs = (cpu.user + cpu.system) / 1000;
      let best = 0;
      const total = distinct.map((_, k) => (scores.q[k] ?? 0) + options.alpha * (scores.a?.[k] ?? 0));
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
      const chosen = texts[best] as string;
      const meta = { verifier: verifier.name, n: options.n, alpha: options.alpha, candidates, distinct: distinct.length, chosen, verifierSimulations: scores.simulations, verifierCpuMs };
      const wallMs = performance.now() - start;
      return { action: distinct[best], usage: { ...usage, wallMs, simulations: usage.simulations + scores.simulations }, meta };
    },
    async close() {
      await Promise.allSettled([base.close?.(), verifier.close?.()]);
    },
  };
}
