import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { checkParams, numParam, parseAgentSpec } from './agent-spec.js';

describe('agent specs', () => {
  it('parses kinds, positional arguments and parameters', () => {
    expect(parseAgentSpec('random')).toEqual({ kind: 'random', params: {}, text: 'random' });
    expect(parseAgentSpec('mcts:iterations=2000,c=1.4')).toMatchObject({ kind: 'mcts', params: { iterations: '2000', c: '1.4' } });
    expect(parseAgentSpec('llm:my-model')).toMatchObject({ kind: 'llm', arg: 'my-model', params: {} });
    expect(parseAgentSpec('llm:my-model:temperature=0.7')).toMatchObject({ kind: 'llm', arg: 'my-model', params: { temperature: '0.7' } });
    expect(parseAgentSpec('onnx:models/c4.onnx')).toMatchObject({ kind: 'onnx', arg: 'models/c4.onnx' });
  });

  it('keeps nested specs in parentheses whole', () => {
    expect(parseAgentSpec('prm:base=(llm:m:temperature=1),verifier=rollout,n=8')).toMatchObject({
      kind: 'prm',
      params: { base: 'llm:m:temperature=1', verifier: 'rollout', n: '8' },
    });
  });

  it('rejects malformed specs with a UsageError', () => {
    for (const bad of ['', 'Bad Kind', 'llm:a:b', 'x:1bad=2']) expect(() => parseAgentSpec(bad)).toThrow(UsageError);
  });

  it('validates numeric and unknown parameters', () => {
    const spec = parseAgentSpec('counter:evals=abc');
    expect(() => numParam(spec, 'evals', 1, 1, 10)).toThrow(/evals must be a number/);
    expect(numParam(parseAgentSpec('counter'), 'evals', 5)).toBe(5);
    expect(() => checkParams(parseAgentSpec('counter:speed=3'), ['evals'])).toThrow(/unknown parameter 'speed'; valid parameters: evals/);
  });
});
