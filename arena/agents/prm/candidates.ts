import { mixedRng } from '../../../games/core/rng.js';
import type { Agent, AgentContext, MoveDecision, MoveRequest } from '../agent.js';
import { addUsage, ZERO_USAGE, type Usage } from '../../trace/usage.js';

/** One sampled candidate as traced: its notation (or why it was unusable) and the verifier's view of it. */
export interface Candidate {
  readonly action: string | null;
  readonly error?: string;
  q?: number;
  a?: number | null;
  score?: number;
}

/** What N samples of a proposer gave in one state: every answer, the distinct legal actions and how often each came. */
export interface Sampled {
  readonly decisions: MoveDecision[];
  readonly candidates: Candidate[];
  readonly distinct: unknown[];
  readonly counts: number[];
  readonly usage: Usage;
}

/** The legal action a base decision names: its direct action, else its text parsed by the game; an error if neither. */
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
 * N candidates from `decide` in `request`'s state, the i-th drawn with the generator mixedRng(...key, i), so equal
 * keys give equal samples; illegal or unreadable answers are kept (traced) but not among the distinct actions.
 */
export async function sampleCandidates(decide: NonNullable<Agent['decideMove']>, request: MoveRequest, n: number, key: readonly (string | number)[], ctx: AgentContext): Promise<Sampled> {
  let usage: Usage = ZERO_USAGE;
  const decisions: MoveDecision[] = [];
  const candidates: Candidate[] = [];
  const distinct: unknown[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const rng = mixedRng(...key, i);
    const d = await decide(request, ctx.signal ? { rng, signal: ctx.signal } : { rng });
    decisions.push(d);
    usage = addUsage(usage, d.usage);
    const found = legalAction(request, d);
    if ('error' in found) {
      candidates.push({ action: null, error: found.error });
      continue;
    }
    candidates.push({ action: request.game.actionText(request.state, found.action) });
    const k = JSON.stringify(found.action);
    const at = distinct.findIndex((x) => JSON.stringify(x) === k);
    if (at >= 0) counts[at] = (counts[at] ?? 0) + 1;
    else {
      distinct.push(found.action);
      counts.push(1);
    }
  }
  return { decisions, candidates, distinct, counts, usage };
}

/** The request a proposer sees in a state reached inside a search (no feedback, first attempt). */
export function searchRequest(request: MoveRequest, state: unknown, depth: number): MoveRequest {
  const { game } = request;
  return { kind: 'move', game, state, player: game.toMove(state) as 0 | 1, legal: game.legalActions(state), ply: request.ply + depth, gameIndex: request.gameIndex, attempt: 1, feedback: [] };
}
