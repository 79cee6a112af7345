import { describe, expect, it } from 'vitest';
import type { MoveRequest } from '../../agents/agent.js';
import { rejectionFeedback } from '../../match/move-feedback.js';
import { moveGameEntries, resolveMoveGame } from '../../match/move-games.js';
import { currentPrompts } from './index.js';

/** Sentences that tell the model how to reply ("Answer with ...", "Reply with ...", "Respond with ..."). */
const INSTRUCTION = /\b(answer|reply|respond)(\s+\w+)?\s+with\b/gi;

describe.each(moveGameEntries.map((e) => e.id))('the %s move prompt', (id) => {
  const { rules } = resolveMoveGame(id);
  const state = rules.initial();
  const request = (attempt: number, feedback: readonly string[]): MoveRequest => ({
    kind: 'move',
    game: rules,
    state,
    player: 0,
    legal: rules.legalActions(state),
    ply: 0,
    gameIndex: 0,
    attempt,
    feedback,
  });

  it('states one answer format: the rules give only the move notation', () => {
    expect(rules.rulesText()).not.toMatch(INSTRUCTION);
    for (const r of [request(1, []), request(2, [rejectionFeedback('move/illegal', 'that cell is taken', 1, 3)])]) {
      const user = currentPrompts.move(r).at(-1)?.content ?? '';
      expect(user.match(INSTRUCTION)).toEqual(['Reply with']);
      expect(user.match(/ANSWER FORMAT/g)).toHaveLength(1);
      expect(user).toContain('{"plan": "<one or two sentences: what you aim for with this move and the next ones>", "move": "<one legal move>"}');
      expect(user).toContain(rules.rulesText());
    }
  });
});
