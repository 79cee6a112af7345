/** Verifier compute, wall time and decisions summed over a cell's games. */
export interface ComputeSink {
  compute: number;
  simulations: number;
  wallMs: number;
  decisions: number;
}

export function computeSink(): ComputeSink {
  return { compute: 0, simulations: 0, wallMs: 0, decisions: 0 };
}

/**
 * Charges one decision: the verifier's measured CPU ms (`verifierCpuMs`) and raw count of rollouts, inferences or
 * battles (`verifierSimulations`) from the decision's meta, and its wall time. Missing fields count as zero.
 */
export function chargeDecision(sink: ComputeSink, meta: unknown, wallMs: number): void {
  const m = meta as { verifierCpuMs?: unknown; verifierSimulations?: unknown } | undefined;
  sink.compute += typeof m?.verifierCpuMs === 'number' ? m.verifierCpuMs : 0;
  sink.simulations += typeof m?.verifierSimulations === 'number' ? m.verifierSimulations : 0;
  sink.wallMs += wallMs;
  sink.decisions++;
}

/** The per-decision means of a cell (compute in CPU ms, simulations, wall ms) and its decision count. */
export function perDecision(sink: ComputeSink): { compute: number; simulations: number; wallMs: number; decisions: number } {
  const n = Math.max(1, sink.decisions);
  return { compute: sink.compute / n, simulations: sink.simulations / n, wallMs: sink.wallMs / n, decisions: sink.decisions };
}
