import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_VERIFIER_MODEL } from '../verifier/runtime.js';
import type { Scorer } from './prm.js';

/** A scorer of the PRM experiment with what it is: verifier family, prover μ and weight α of the progress term. */
export interface ExperimentScorer extends Scorer {
  /** 'none' (unguided), 'rollout-orm', 'rollout-pav', 'learned-orm', 'learned-pav'. */
  readonly verifier: string;
  readonly prover: string | null;
  readonly alpha: number | null;
  /** The learned model file, for learned scorers. */
  readonly model?: string;
}

export interface ScorerOptions {
  readonly base: string;
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
 * the learned ORM; the learned PAV for each α. Every guided scorer is best-of-N over the same base.
 */
export function experimentScorers(o: ScorerOptions): ExperimentScorer[] {
  const b = `(${o.base})`;
  const out: ExperimentScorer[] = [
    { name: `unguided ${o.base}`, guided: false, spec: () => o.base, verifier: 'none', prover: null, alpha: null },
    { name: `ORM rollout (M=${o.rollouts})`, guided: true, spec: (n) => `prm:base=${b},verifier=orm,n=${n},rollouts=${o.rollouts}`, verifier: 'rollout-orm', prover: null, alpha: 0 },
  ];
  for (const prover of o.provers) {
    for (const alpha of o.alphas) {
      out.push({
        name: `PAV rollout (μ=${prover}, α=${alpha})`,
        guided: true,
        spec: (n) => `prm:base=${b},verifier=rollout,n=${n},rollouts=${o.rollouts},prover=(${prover}),alpha=${alpha}`,
        verifier: 'rollout-pav',
        prover,
        alpha,
      });
    }
  }
  if (o.ormModel) {
    const file = o.ormModel;
    out.push({ name: 'ORM learned', guided: true, spec: (n) => `prm:base=${b},verifier=(onnx:${file}),n=${n},alpha=0`, verifier: 'learned-orm', prover: null, alpha: 0, model: file });
  }
  if (o.pavModel) {
    const file = o.pavModel;
    for (const alpha of o.alphas) {
      out.push({ name: `PAV learned (α=${alpha})`, guided: true, spec: (n) => `prm:base=${b},verifier=(onnx:${file}),n=${n},alpha=${alpha}`, verifier: 'learned-pav', prover: o.pavProver ?? null, alpha, model: file });
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
