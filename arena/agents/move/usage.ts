import { ZERO_USAGE, type Usage } from '../../trace/usage.js';

/** Usage of a built-in bot's decision: measured wall time and the simulations (playouts, iterations) it ran. */
export function botUsage(startMs: number, simulations = 0): Usage {
  return { ...ZERO_USAGE, wallMs: performance.now() - startMs, simulations };
}
