import type { PromptSet } from './types.js';
import { promptsV1 } from './v1.js';
import { promptsV2 } from './v2.js';

export type { PromptSet } from './types.js';

/** Every published prompt set, by version (kept so old traces can be re-rendered). */
export const PROMPT_SETS: Readonly<Record<string, PromptSet>> = { v1: promptsV1, v2: promptsV2 };

/**
 * The prompt set new matches use; recorded in every LLM decision's meta (`meta.promptVersion`). The response cache
 * keys on the full request body, messages included, so answers to an older prompt's text are never replayed for a
 * newer one; the version says which texts a trace's answers were given to.
 */
export const PROMPT_VERSION = 'v2';

export const currentPrompts: PromptSet = promptsV2;
