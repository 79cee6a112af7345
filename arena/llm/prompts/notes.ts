import type { ChatMessage } from '../chat.js';

/**
 * Notes the client adds to a request outside the versioned prompt sets. A note's text is part of the request, so
 * the response cache keys on it like on any message.
 */

/** The closing note of the one re-ask after a reply that was cut off at the completion-token limit. */
export const TRUNCATION_NOTE =
  'Your previous reply to this request was cut off at the token limit before it ended, so it was not read. ' +
  'Reply again, keeping any reasoning short, and end with the complete answer in the required format.';

/** The request of a truncation re-ask: the same messages and the note as a last user message. */
export function truncationReask(messages: readonly ChatMessage[]): ChatMessage[] {
  return [...messages, { role: 'user', content: TRUNCATION_NOTE }];
}
