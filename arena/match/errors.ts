/** How a thrown agent error ends a match: never as a loss, always as a traced `error` with one of these kinds. */
export function classifyAgentError(err: unknown): { kind: 'infrastructure' | 'agent'; reason: 'infrastructure' | 'agent' | 'aborted'; message: string } {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'AbortError') return { kind: 'infrastructure', reason: 'aborted', message };
  if (name === 'InfrastructureError') return { kind: 'infrastructure', reason: 'infrastructure', message };
  return { kind: 'agent', reason: 'agent', message };
}
