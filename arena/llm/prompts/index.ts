import type { PromptSet } from './types.js';
import { promptsV1 } from './v1.js';

export type { PromptSet } from './types.js';

/** Every published prompt set, by version (kept so old traces can be re-rendered). */
export const PROMPT_SETS: Readonly<Record<string, PromptSet>> = { v1: promptsV1 };

/** The prompt set new matches use; recorded in every LLM decision's meta. */
export const PROMPT_VERSION = 'v1';

export const currentPrompts: PromptSet = promptsV1;
