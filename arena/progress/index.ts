/**
 * Step-level progress (process advantage, PRM.md): A^μ(s, a) = Q^μ(s, a) − V^μ(s) under a prover μ, estimated by
 * seeded rollouts (with standard errors) or exactly (solver; plan revisions against the opponent plan in force),
 * and trace annotation with `progress` events.
 */
export { parseProver, playOut, PROVER_KINDS, type Prover, type Rand, type WeightedAction } from '../search/provers.js';
export { estimateProgress, estimateQ, exactOptimalProgress, rolloutQ, type EstimateOptions, type ProgressEstimate } from './estimate.js';
export { exactProgress } from './exact.js';
export { planProgress, planScore, type PlanProgressInput } from './plan.js';
export { annotateMatch, annotateMatchWithEngine, type AnnotateOptions } from './annotate.js';
export { EngineProver, parseEngineProver, DEFAULT_PROVER_DEPTH, type EngineProverSpec } from './engine.js';
