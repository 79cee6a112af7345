/** Language-model agents over any OpenAI-compatible chat-completions endpoint: the public face of `arena/llm`. */
export { LlmAgent, createLlmAgent, llmAgentKind, type LlmAgentOptions, type LlmStats } from './agent.js';
export { callCost, callUsage, type Price } from './accounting.js';
export { CACHE_MODES, DirectoryCache, MemoryCache, isLlmCache, requestIdentity, requestKey, sampleKey, type CacheMode, type LlmCache, type ResponseCache } from './cache.js';
export type { ChatMessage, ChatResult, TokenCounts } from './chat.js';
export { InfrastructureError } from './infrastructure-error.js';
export { DEFAULT_MODELS_PATH, checkModelConfig, endpointOf, loadModelsFile, parseModelsConfig, type ModelConfig, type ModelsConfig } from './models.js';
export { extractMove, recoverJson, splitReasoning, type JsonRecovery, type MoveExtraction, type SplitReply } from './parse.js';
export { PRESETS, PRESET_NAMES, type PresetName } from './presets.js';
export { PROMPT_SETS, PROMPT_VERSION, currentPrompts, type PromptSet } from './prompts/index.js';
export { redact } from './redact.js';
export { postChat, type TransportOptions } from './transport.js';
export { startTestServer, type Behaviour, type ChatRequestBody, type RecordedRequest, type ScriptedReply, type TestServer, type TestServerOptions } from './test-server.js';
