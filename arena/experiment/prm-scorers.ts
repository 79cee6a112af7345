import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_VERIFIER_MODEL } from '../verifier/runtime.js';
import type { Scorer } from './prm.js';

/** A scorer of the PRM experiment with what it is: verifier family, prover μ and weight α of the progress term. */
export interface ExperimentScorer extends Scorer {
  /** 'none' (unguided), 'rollout-orm', 'rollout-pav', 'learned-orm', 'learned-pav'. */
  readonly verifier: string;
  /** The base policy being guided and the search method ('none' for the unguided base). */
  readonly base: string;
  readonly search: SearchMethod | 'none';
  readonly prover: string | null;
  readonly alpha: number | null;
  /** The learned model file, for learned scorers. */
  readonly model?: string;
}

/** How a guided scorer uses its verifier: best-of-N over the base's candidates, or beam search over lines. */
export type SearchMethod = 'best-of-n' | 'beam';
export const SEARCH_METHODS: readonly SearchMethod[] = ['best-of-n', 'beam'];

export interface ScorerOptions {
  readonly base: string;
  /** Search method of the guided scorers (default best-of-n) and, for beam, its width B and further plies D. */
  readonly search?: SearchMethod;
  readonly beam?: { readonly width: number; readonly depth: number };
  /** Leave out the unguided base (when another call already lists it). */
  readonly withoutUnguided?: boolean;
  /** Prefix of every scorer's name (e.g. the base, when several bases share one experiment). */
  readonly label?: string;
  /** Playouts per candidate and term of the rollout verifiers. */
  readonly rollouts: number;
  /** Provers μ of the rollout PAV scorers (one scorer per prover and α). */
  readonly provers: readonly string[];
  /** Weights α > 0 of the progress term. */
  readonly alphas: readonly number[];
  /** Learned outcome and progress models (ONNX); either may be absent. */
  readonly ormModel?: string;
  readonly pavModel?: string;
  /** The prover the learned PAV was trained under (from its metadata), for the record. */
  readonly pavProver?: string;
}

/**
 * The scorers of the experiment: the unguided base; ORM by rollouts; PAV by rollouts for each prover and α;
 * the learned ORM; the learned PAV for each α. Every guided scorer searches (best-of-N or beam) over the same base.
 */
export function experimentScorers(o: ScorerOptions): ExperimentScorer[] {
  const b = `(${o.base})`;
  const search = o.search ?? 'best-of-n';
  const width = o.beam?.width ?? 3;
  const depth = o.beam?.depth ?? 2;
  const how = search === 'beam' ? `,search=beam,beam=${width},depth=${depth}` : '';
  const tag = search === 'beam' ? ` beam(B=${width},D=${depth})` : '';
  const pre = o.label ? `${o.label} ` : '';
  const common = { base: o.base, search } as const;
  const out: ExperimentScorer[] = o.withoutUnguided ? [] : [{ name: `${pre}unguided ${o.base}`, guided: false, spec: () => o.base, verifier: 'none', base: o.base, search: 'none', prover: null, alpha: null }];
  out.push({ name: `${pre}ORM rollout (M=${o.rollouts})${tag}`, guided: true, spec: (n) => `prm:base=${b},verifier=orm,n=${n},rollouts=${o.rollouts}${how}`, verifier: 'rollout-orm', ...common, prover: null, alpha: 0 });
  for (const prover of o.provers) {
    for (const alpha of o.alphas) {
      out.push({
        name: `${pre}PAV rollout (μ=${prover}, α=${alpha})${tag}`,
        guided: true,
        spec: (n) => `prm:base=${b},verifier=rollout,n=${n},rollouts=${o.rollouts},prover=(${prover}),alpha=${alpha}${how}`,
        verifier: 'rollout-pav',
        ...common,
        prover,
        alpha,
      });
    }
  }
  if (o.ormModel) {
    const file = o.ormModel;
    out.push({ name: `${pre}ORM learned${tag}`, guided: true, spec: (n) => `prm:base=${b},verifier=(onnx:${file}),n=${n},alpha=0${how}`, verifier: 'learned-orm', ...common, prover: null, alpha: 0, model: file });
  }
  if (o.pavModel) {
    const file = o.pavModel;
    for (const alpha of o.alphas) {
      out.push({ name: `${pre}PAV learned (α=${alpha})${tag}`, guided: true, spec: (n) => `prm:base=${b},verifier=(onnx:${file}),n=${n},alpha=${alpha}${how}`, verifier: 'learned-pav', ...common, prover: o.pavProver ?? null, alpha, model: file });
    }
  }
  return out;
}

/**
 * The shipped learned models of a game, if any: models/<game>-pav.onnx (else <game>-verifier.onnx) for progress
 * and models/<game>-orm.onnx for outcome, next to the verifier code.
 */
export function shippedModels(gameId: string): { pav?: string; orm?: string } {
  const path = (name: string): string => join(dirname(DEFAULT_VERIFIER_MODEL), `${gameId}-${name}.onnx`);
  const pav = existsSync(path('pav')) ? path('pav') : path('verifier');
  const orm = path('orm');
  return { ...(existsSync(pav) ? { pav } : {}), ...(existsSync(orm) ? { orm } : {}) };
}

export interface PlanScorerOptions {
  readonly base: string;
  readonly search?: SearchMethod;
  /** Beam width B, expansion steps D and mutations per beam member and step (beam search only). */
  readonly beam?: { readonly width: number; readonly depth: number; readonly expand: number };
  /** Perturbations of the opponent plan, and random opponent plans, in the prover pool of the progress term. */
  readonly pool: number;
  readonly randoms?: number;
  readonly alphas: readonly number[];
  readonly withoutUnguided?: boolean;
}

/**
 * The scorers of a plan-game experiment: the unguided base planner; the ORM (each candidate's exact score Q against
 * the opponent plan in force, or against random plans for an initial plan); the PAV, Q + α·A with A the progress
 * averaged over a pool of opponent plans (the plan in force and `pool` perturbations of it), for each α.
 * Best-of-N scores the base's N plans (depth 0); beam search also mutates the best B for D steps.
 */
export function planScorers(o: PlanScorerOptions): ExperimentScorer[] {
  const b = `(${o.base})`;
  const search = o.search ?? 'best-of-n';
  const how = search === 'beam' ? `,search=beam,beam=${o.beam?.width ?? 3},depth=${o.beam?.depth ?? 2},expand=${o.beam?.expand ?? 4}` : ',search=best-of-n';
  const tag = search === 'beam' ? ` beam(B=${o.beam?.width ?? 3},D=${o.beam?.depth ?? 2},E=${o.beam?.expand ?? 4})` : '';
  const randoms = o.randoms ?? 0;
  const prover = `opponent plan in force + ${o.pool} perturbations${randoms > 0 ? ` + ${randoms} random plans` : ''}`;
  const poolText = randoms > 0 ? `${o.pool}+${randoms} random` : String(o.pool);
  const common = { base: o.base, search } as const;
  const out: ExperimentScorer[] = o.withoutUnguided ? [] : [{ name: `unguided ${o.base}`, guided: false, spec: () => o.base, verifier: 'none', base: o.base, search: 'none', prover: null, alpha: null }];
  out.push({ name: `ORM plan (Q)${tag}`, guided: true, spec: (n) => `prm:base=${b},verifier=orm,n=${n}${how}`, verifier: 'rollout-orm', ...common, prover: null, alpha: 0 });
  for (const alpha of o.alphas) {
    out.push({ name: `PAV plan (pool=${poolText}, α=${alpha})${tag}`, guided: true, spec: (n) => `prm:base=${b},verifier=rollout,n=${n},pool=${o.pool},randoms=${randoms},alpha=${alpha}${how}`, verifier: 'rollout-pav', ...common, prover, alpha });
  }
  return out;
}
