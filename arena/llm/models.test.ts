import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModelConfig, endpointOf, loadModelsFile, parseModelsConfig, type ModelConfig, type ModelsConfig } from './models.js';

function pick(models: ModelsConfig, name: string): ModelConfig {
  const entry = models[name];
  if (entry === undefined) throw new Error(`no model ${name}`);
  return entry;
}

const YAML = `
models:
  cheap:
    preset: deepseek
    model: deepseek-chat
    temperature: 0.3
    price: { input: 0.27, output: 1.1 }
  local:
    base_url: http://127.0.0.1:8080/v1/
    model: qwen3-8b
    api_key_env: null
    token_budget: 2000
`;

describe('models config', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'arena-models-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses YAML and fills defaults', () => {
    const models = parseModelsConfig(YAML, 'arena.models.yaml');
    expect(Object.keys(models)).toEqual(['cheap', 'local']);
    expect(models['cheap']).toMatchObject({ model: 'deepseek-chat', temperature: 0.3, concurrency: 4, retries: 4, timeout_s: 300, plan_repair: false });
    expect(models['local']?.price).toEqual({ input: 0, output: 0 });
  });

  it('parses JSON too', () => {
    const models = parseModelsConfig(JSON.stringify({ models: { m: { preset: 'ollama', model: 'llama3' } } }), 'models.json');
    expect(endpointOf(pick(models, 'm'))).toEqual({ baseUrl: 'http://localhost:11434/v1', apiKeyEnv: null });
  });

  it('resolves presets, their usual key variable, and trims trailing slashes', () => {
    const models = parseModelsConfig(YAML, 'f');
    expect(endpointOf(pick(models, 'cheap'))).toEqual({ baseUrl: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY' });
    expect(endpointOf(pick(models, 'local'))).toEqual({ baseUrl: 'http://127.0.0.1:8080/v1', apiKeyEnv: null });
  });

  it('is idempotent: a parsed entry validates to itself', () => {
    const entry = parseModelsConfig(YAML, 'f')['cheap'];
    expect(checkModelConfig(entry, 'again', 'cheap')).toEqual(entry);
  });

  it('parses an entry object once (agents are built per match from the same entries); another object is parsed anew', () => {
    const entry = { base_url: 'http://127.0.0.1:1/v1', model: 'm', api_key_env: null };
    const first = checkModelConfig(entry, 'f', 'm');
    expect(checkModelConfig(entry, 'f', 'm')).toBe(first);
    const twin = checkModelConfig({ ...entry }, 'f', 'm');
    expect(twin).not.toBe(first);
    expect(twin).toEqual(first);
    const bad = { ...entry, temperature: 'hot' };
    for (let i = 0; i < 2; i++) expect(() => checkModelConfig(bad, 'f', 'm')).toThrow(/f: models\.m\.temperature/);
  });

  it('names the file, the path and the expectation in errors', () => {
    const bad = 'models:\n  m:\n    preset: openai\n    model: gpt\n    temperature: hot\n';
    expect(() => parseModelsConfig(bad, 'my.yaml')).toThrow(/^my\.yaml: models\.m\.temperature: .*expected number/);
  });

  it('rejects unknown keys, unknown presets, missing endpoints and bad env names', () => {
    expect(() => parseModelsConfig('models:\n  m: { preset: openai, model: x, temprature: 1 }', 'f')).toThrow(/f: models\.m: .*temprature/);
    expect(() => parseModelsConfig('models:\n  m: { preset: nowhere, model: x }', 'f')).toThrow(/f: models\.m\.preset: /);
    expect(() => parseModelsConfig('models:\n  m: { model: x }', 'f')).toThrow(/f: models\.m\.base_url: expected exactly one of base_url or preset/);
    expect(() => parseModelsConfig('models:\n  m: { preset: openai, model: x, api_key_env: "sk-abc def" }', 'f')).toThrow(/api_key_env: expected an environment variable name/);
    expect(() => parseModelsConfig('models:\n  "a:b": { preset: openai, model: x }', 'f')).toThrow(/f: models\.a:b: /);
    expect(() => parseModelsConfig('models:\n  m: { preset: openai, model: x, history: conversation, context_policy: summarise }', 'f')).toThrow(/f: models\.m\.context_policy: summarise needs context_tokens/);
    expect(parseModelsConfig('models:\n  m: { preset: openai, model: x, history: conversation, context_tokens: 4000, context_policy: summarise }', 'f')['m']?.context_policy).toBe('summarise');
  });

  it('reports YAML syntax errors and a missing top-level key', () => {
    expect(() => parseModelsConfig('models: [', 'f.yaml')).toThrow(/^f\.yaml: not valid YAML or JSON/);
    expect(() => parseModelsConfig('{}', 'f.json')).toThrow(/^f\.json: models: /);
  });

  it('loads a file and reports a missing one by path', async () => {
    const path = join(dir, 'arena.models.yaml');
    await writeFile(path, YAML);
    expect(Object.keys(await loadModelsFile(path))).toEqual(['cheap', 'local']);
    await expect(loadModelsFile(join(dir, 'nope.yaml'))).rejects.toThrow(/models config '.*nope\.yaml' not found/);
  });
});
