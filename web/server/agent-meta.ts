import { registerBuiltinAgents } from '../../arena/agents/builtin.js';
import { agentKinds } from '../../arena/agents/registry.js';
import { parseAgentSpec } from '../../arena/spec/agent-spec.js';
import type { AgentMeta, RunInfo } from '../shared/api.js';

interface ModelEntry {
  readonly agentSpec?: unknown;
  readonly endpoint?: unknown;
  readonly requestedModel?: unknown;
}

function kindOf(spec: string): string | null {
  try {
    return parseAgentSpec(spec).kind;
  } catch {
    return null;
  }
}

/**
 * Who an agent of a run is: its spec, kind badges (anchor; calibration for the kinds registered as calibration
 * agents; built-in; LLM with its model and the endpoint's name from the run's manifest; a key is never read).
 */
export function agentMeta(run: RunInfo, agent: string, spec: string | null, anchor: string | null): AgentMeta {
  registerBuiltinAgents();
  const kind = spec === null ? null : kindOf(spec);
  const registered = agentKinds().find((k) => k.kind === kind);
  const models = (run.manifest as { models?: readonly ModelEntry[] } | null)?.models ?? [];
  const model = models.find((m) => m.agentSpec === spec) ?? (kind === 'llm' ? models.find((m) => typeof m.agentSpec === 'string' && spec !== null && spec.startsWith(m.agentSpec)) : undefined);
  const badges: string[] = [];
  if (agent === anchor) badges.push('anchor');
  if (registered?.description.startsWith('calibration')) badges.push('calibration');
  if (kind === 'llm' || model) badges.push('LLM');
  else if (registered) badges.push('built-in');
  else if (kind) badges.push(kind);
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  return {
    spec,
    badges,
    model: text(model?.requestedModel) ?? (kind === 'llm' && spec !== null ? (spec.split(':')[1] ?? null) : null),
    endpoint: text(model?.endpoint),
    description: registered?.description ?? null,
  };
}
