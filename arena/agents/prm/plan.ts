import { extractPlanJson } from '../../../games/core/reply.js';
import { mixedRng, type Rng } from '../../../games/core/rng.js';
import type { SideIndex } from '../../../games/core/plan-game.js';
import { planScore } from '../../progress/plan.js';
import type { Agent, PlanRequest } from '../agent.js';
import { addUsage, ZERO_USAGE, type Usage } from '../../trace/usage.js';

export interface PrmPlanOptions {
  /** Candidates sampled from the base planner. */
  readonly n: number;
  /** Weight of the progress term: score = Q + α·A. */
  readonly alpha: number;
  /** Beam width B and expansion steps D; each step mutates every beam member `expand` times. */
  readonly beam: number;
  readonly depth: number;
  readonly expand: number;
  /** Perturbations of the opponent plan in the prover pool (initial plans: random opponent plans). */
  readonly pool: number;
  /** Random opponent plans added to the prover pool of revisions (a broader distribution than perturbations). */
  readonly randoms?: number;
  /** 'orm' scores Q only, whatever α. */
  readonly outcomeOnly: boolean;
}

interface Scored {
  readonly plan: unknown;
  readonly canonical: string;
  readonly source: string;
  readonly q: number;
  readonly a: number;
  readonly score: number;
}

function planOf(d: { plan?: unknown; text?: string }): unknown {
  if (d.plan !== undefined) return d.plan;
  if (d.text === undefined) return null;
  const parsed = extractPlanJson(d.text);
  return parsed.ok ? parsed.value : null;
}

/**
 * The scorer of a request: Q is the plan's exact score against the opponent plan in force (initial plans, which are
 * blind: the mean against random opponent plans); A is its progress over the plan in force, averaged over the
 * prover pool (the opponent plan, its perturbations and `randoms` random opponent plans): mean_i score(p', q_i) − score(p, q_i).
 */
function scorer(req: PlanRequest, rng: Rng, options: PrmPlanOptions): { score(plan: unknown, source: string): Scored; sims(): number } {
  const { game, config, side } = req;
  const opp: SideIndex = side === 0 ? 1 : 0;
  const inForce = req.feedback.opponentPlan;
  const revision = req.phase === 'revision' && inForce !== undefined && inForce !== null;
  const target: unknown[] = revision ? [inForce] : Array.from({ length: options.pool + 1 }, () => game.randomPlan(opp, rng, config));
  const pool: unknown[] = revision
    ? [inForce, ...Array.from({ length: options.pool }, () => game.mutatePlan(opp, inForce, rng, config)), ...Array.from({ length: options.randoms ?? 0 }, () => game.randomPlan(opp, rng, config))]
    : target;
  const own = req.phase === 'revision' ? (req.feedback.ownPlan ?? null) : null;
  // The outcome-only scorer never uses the progress baseline, so it does not pay for it.
  const baseline = own === null || options.outcomeOnly ? null : pool.map((q) => planScore(game, config, side, own, q));
  let sims = baseline?.length ?? 0;
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    score(plan, source) {
      const canonical = game.validate(side, plan, config).canonical;
      const q = mean(target.map((t) => planScore(game, config, side, plan, t)));
      sims += target.length;
      let a = 0;
      if (!options.outcomeOnly) {
        const after = pool.map((t) => planScore(game, config, side, plan, t));
        sims += pool.length;
        a = baseline ? mean(after.map((x, i) => x - (baseline[i] ?? 0))) : mean(after) - 0.5;
      }
      return { plan, canonical, source, q, a, score: q + (options.outcomeOnly ? 0 : options.alpha * a) };
    },
    sims: () => sims,
  };
}

function topB(items: readonly Scored[], b: number): Scored[] {
  const seen = new Set<string>();
  const out: Scored[] = [];
  for (const s of [...items].sort((x, y) => y.score - x.score)) {
    if (seen.has(s.canonical)) continue;
    seen.add(s.canonical);
    out.push(s);
    if (out.length === b) break;
  }
  return out;
}

/**
 * PRM-guided planning: N plans from the base planner, then a beam search over revisions with the simulator
 * (keep the best B by Q + α·A, mutate each `expand` times, D steps). Meta traces every scored candidate (source,
 * canonical form, Q, A, score), the choice, the battles the verifier simulated and the CPU ms they took;
 * `usage.simulations` adds those battles. With n = 1 and depth 0 the base's plan is played unscored.
 */
export function createPrmPlanAgent(id: string, base: Agent, options: PrmPlanOptions): Agent {
  const decide = base.decidePlan?.bind(base);
  return {
    id,
    kind: 'prm',
    async decidePlan(req, ctx) {
      if (!decide) throw new Error(`base agent '${base.id}' cannot play plan games`);
      const start = performance.now();
      const seed = ctx.rng.int(0, 0xffffffff);
      let usage: Usage = ZERO_USAGE;
      // A lone base plan with no search leaves nothing to choose: played unscored (no verifier compute).
      if (options.n === 1 && options.depth === 0) {
        const rng = mixedRng(seed, 0);
        const d = await decide(req, ctx.signal ? { rng, signal: ctx.signal } : { rng });
        return { ...d, meta: { verifier: options.outcomeOnly ? 'orm' : 'rollout', n: 1, alpha: options.alpha, beam: options.beam, depth: 0, candidates: [], chosen: null, verifierSimulations: 0, verifierCpuMs: 0 } };
      }
      // The verifier's compute in the experiment's currency: the process CPU time of every simulation it runs.
      let cpuMs = 0;
      const timed = <T>(f: () => T): T => {
        const c0 = process.cpuUsage();
        try {
          return f();
        } finally {
          const c = process.cpuUsage(c0);
          cpuMs += (c.user + c.system) / 1000;
        }
      };
      const s = timed(() => scorer(req, mixedRng(seed, 'pool'), options));
      const scored: Scored[] = [];
      for (let i = 0; i < options.n; i++) {
        const rng = mixedRng(seed, i);
        const d = await decide(req, ctx.signal ? { rng, signal: ctx.signal } : { rng });
        usage = addUsage(usage, d.usage);
        scored.push(timed(() => s.score(planOf(d), `base#${i}`)));
      }
      const mutRng = mixedRng(seed, 'mutate');
      let beam = topB(scored, options.beam);
      for (let step = 1; step <= options.depth; step++) {
        const children: Scored[] = [];
        for (const b of beam) {
          for (let k = 0; k < options.expand; k++) children.push(timed(() => s.score(req.game.mutatePlan(req.side, b.plan, mutRng, req.config), `mutation@${step}`)));
        }
        scored.push(...children);
        beam = topB([...beam, ...children], options.beam);
      }
      const best = beam[0] as Scored;
      const meta = {
        verifier: options.outcomeOnly ? 'orm' : 'rollout',
        n: options.n,
        alpha: options.alpha,
        beam: options.beam,
        depth: options.depth,
        candidates: scored.map((c) => ({ source: c.source, canonical: c.canonical, q: c.q, a: c.a, score: c.score })),
        chosen: best.canonical,
        verifierSimulations: s.sims(),
        verifierCpuMs: cpuMs,
      };
      const wallMs = performance.now() - start;
      return { plan: best.plan, usage: { ...usage, wallMs, simulations: usage.simulations + s.sims() }, meta };
    },
    async close() {
      await base.close?.();
    },
  };
}
