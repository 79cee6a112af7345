import { unknownChoice } from '../errors.js';
import type { Agent } from './agent.js';
import { parseAgentSpec, type AgentSpec } from '../spec/agent-spec.js';

/** Settings an agent factory may need beyond its spec (e.g. the model catalogue for `llm:` agents). */
export interface AgentEnv {
  /** Named model endpoint definitions, from the models config file. */
  readonly models?: Readonly<Record<string, unknown>>;
  /** Response cache handle for LLM agents. */
  readonly cache?: unknown;
}

export interface AgentKind {
  readonly kind: string;
  /** Which game families the agent kind can play. */
  readonly families: readonly ('plan' | 'move')[];
  /** The families one spec of this kind can play, when that depends on its parameters (e.g. a wrapper's base). */
  familiesOf?(spec: AgentSpec): readonly ('plan' | 'move')[];
  /** One line for `arena agents`. */
  readonly description: string;
  /** Parameter docs, `name=default: meaning`. */
  readonly params: readonly string[];
  create(spec: AgentSpec, env: AgentEnv): Agent;
}

const kinds = new Map<string, AgentKind>();

/** Registers an agent kind; registering a name twice is a programming error and throws. */
export function registerAgentKind(kind: AgentKind): void {
  if (kinds.has(kind.kind)) throw new Error(`agent kind '${kind.kind}' registered twice`);
  kinds.set(kind.kind, kind);
}

/** The families an agent spec can play: its kind's, narrowed by the kind when that depends on the spec. */
export function agentFamiliesOf(specText: string): readonly ('plan' | 'move')[] {
  const spec = parseAgentSpec(specText);
  const kind = kinds.get(spec.kind);
  if (!kind) return [];
  return kind.familiesOf ? kind.familiesOf(spec) : kind.families;
}

export function agentKinds(): AgentKind[] {
  return [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/** Builds an agent from a spec string; an unknown kind is a UsageError listing the known ones. */
export function createAgent(specText: string, env: AgentEnv = {}, family?: 'plan' | 'move'): Agent {
  const spec = parseAgentSpec(specText);
  const kind = kinds.get(spec.kind);
  const valid = agentKinds()
    .filter((k) => family === undefined || k.families.includes(family))
    .map((k) => k.kind);
  if (!kind || (family !== undefined && !kind.families.includes(family))) throw unknownChoice(family ? `${family}-game agent` : 'agent', spec.kind, valid);
  return kind.create(spec, env);
}
