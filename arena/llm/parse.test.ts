import { describe, expect, it } from 'vitest';
import { extractMove, recoverJson, splitReasoning } from './parse.js';

const plan = { humans: [{ name: 'Archer', x: 1, y: 2 }] };

/** Real-world-shaped replies: [label, reply, expected value or null when nothing should be recovered, a step that must appear]. */
const corpus: Array<[string, string, unknown, string]> = [
  ['bare JSON', '{"humans": [{"name": "Archer", "x": 1, "y": 2}]}', plan, 'json'],
  ['fenced json', '```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```', plan, 'source:fence-json'],
  ['fenced JSON upper case tag', '```JSON\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```', plan, 'source:fence-json'],
  ['fence without tag', '```\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```', plan, 'source:fence'],
  ['tilde fence', '~~~json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n~~~', plan, 'source:fence-json'],
  ['inline fence', '```json{"humans": [{"name": "Archer", "x": 1, "y": 2}]}```', plan, 'source:fence-json'],
  ['prose before and after', 'Here is my plan:\n```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```\nThis should hold the line.', plan, 'source:fence-json'],
  ['bare JSON in prose', 'I will place one archer. {"humans": [{"name": "Archer", "x": 1, "y": 2}]} That is all.', plan, 'source:embedded'],
  ['two fenced blocks, the last is the answer', 'Draft:\n```json\n{"humans": []}\n```\nFinal:\n```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```', plan, 'source:fence-json'],
  ['python block then json block', '```python\nprint(1)\n```\n```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```', plan, 'source:fence-json'],
  ['nested fences', '````markdown\nMy answer:\n```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n```\n````', plan, 'source:fence-json'],
  ['trailing commas', '{"humans": [{"name": "Archer", "x": 1, "y": 2,},],}', plan, 'jsonrepair'],
  ['single quotes', "{'humans': [{'name': 'Archer', 'x': 1, 'y': 2}]}", plan, 'jsonrepair'],
  ['unquoted keys', '{humans: [{name: "Archer", x: 1, y: 2}]}', plan, 'jsonrepair'],
  ['comments inside', '{\n  // my army\n  "humans": [{"name": "Archer", "x": 1, "y": 2}] /* done */\n}', plan, 'jsonrepair'],
  ['python literals', '{"humans": [{"name": "Archer", "x": 1, "y": 2}], "aggressive": True, "note": None}', { ...plan, aggressive: true, note: null }, 'jsonrepair'],
  ['truncated object', '```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}', plan, 'jsonrepair'],
  ['truncated in prose', 'My plan is {"humans": [{"name": "Archer", "x": 1, "y": 2}', plan, 'source:embedded-unclosed'],
  ['double-encoded string', '"{\\"humans\\": [{\\"name\\": \\"Archer\\", \\"x\\": 1, \\"y\\": 2}]}"', plan, 'double-encoded'],
  ['braces inside strings', 'Note {x} is not JSON. {"humans": [{"name": "Arch}er", "x": 1, "y": 2}]}', { humans: [{ name: 'Arch}er', x: 1, y: 2 }] }, 'source:embedded'],
  ['example then answer in prose', 'Format {"humans": []} as asked. Answer: {"humans": [{"name": "Archer", "x": 1, "y": 2}]}', plan, 'source:embedded'],
  ['smart quotes', '{“humans”: [{“name”: “Archer”, “x”: 1, “y”: 2}]}', plan, 'jsonrepair'],
  ['CRLF line endings', '```json\r\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}\r\n```', plan, 'json'],
  ['indented fence', 'Plan:\n    ```json\n    {"humans": [{"name": "Archer", "x": 1, "y": 2}]}\n    ```', plan, 'json'],
  ['unclosed fence', '```json\n{"humans": [{"name": "Archer", "x": 1, "y": 2}]}', plan, 'source:fence-unclosed'],
  ['empty reply', '', null, 'empty'],
  ['whitespace only', '  \n\t ', null, 'empty'],
  ['refusal', "I'm sorry, but I can't help with planning attacks.", null, 'refusal'],
  ['refusal as an AI', 'As an AI developed to be helpful, I cannot take part in this game.', null, 'refusal'],
  ['no JSON at all', 'I would place archers on the left and mages behind them.', null, 'no-json'],
  ['garbage', '%%@@ <<no answer>> ~~ lorem ipsum ][ )(', null, 'no-json'],
  ['array instead of object', '[1, 2, 3]', null, 'no-json'],
  ['brace soup', '{{{{ }}} {', null, 'no-json'],
];

describe('recoverJson over a corpus of real-world-shaped replies', () => {
  it('has at least 30 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus)('%s', (_label, reply, expected, step) => {
    const result = recoverJson(reply);
    if (expected === null) {
      expect(result.ok).toBe(false);
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value).toEqual(expected);
    }
    expect(result.steps).toContain(step);
  });

  it('prefers strict JSON anywhere over a repaired candidate earlier in the order', () => {
    const reply = "```json\n{'humans': []}\n```\nActually: {\"humans\": [{\"name\": \"Archer\", \"x\": 1, \"y\": 2}]}";
    const result = recoverJson(reply);
    expect(result.ok && result.value).toEqual(plan);
    expect(result.steps).toEqual(['source:embedded', 'json']);
  });

  it('uses the acceptance test to skip objects of the wrong shape', () => {
    const reply = '{"note": "first"} then {"humans": []}';
    const result = recoverJson(reply, (v) => typeof v === 'object' && v !== null && 'humans' in v);
    expect(result.ok && result.value).toEqual({ humans: [] });
  });

  it('handles a 1 MB reply with the answer at the end', () => {
    const reply = `${'All work and no play. { '.repeat(45_000)}\n{"humans": []}`;
    const result = recoverJson(reply);
    expect(result.ok && result.value).toEqual({ humans: [] });
  });
});

describe('splitReasoning', () => {
  it('moves think blocks out of the answer', () => {
    const split = splitReasoning('<think>Archers are cheap.</think>\n{"humans": []}');
    expect(split.answer).toBe('{"humans": []}');
    expect(split.reasoning).toBe('Archers are cheap.');
    expect(split.steps).toEqual(['reasoning:think-block']);
  });

  it('handles several blocks and the other tag names', () => {
    const split = splitReasoning('<thinking>a</thinking>x<reasoning>b</reasoning>y');
    expect(split.answer).toBe('xy');
    expect(split.reasoning).toBe('a\n\nb');
  });

  it('treats an unclosed block as reasoning cut off', () => {
    const split = splitReasoning('Answer soon. <think>I was thinking about');
    expect(split.answer).toBe('Answer soon.');
    expect(split.reasoning).toBe('I was thinking about');
    expect(split.steps).toContain('reasoning:unclosed-think');
  });

  it('treats text before an orphan closing tag as reasoning', () => {
    const split = splitReasoning('Let me weigh the options.</think>{"move": "b2"}');
    expect(split.answer).toBe('{"move": "b2"}');
    expect(split.reasoning).toBe('Let me weigh the options.');
    expect(split.steps).toContain('reasoning:orphan-close');
  });

  it('puts the API reasoning field first', () => {
    const split = splitReasoning('<think>two</think>{}', 'one');
    expect(split.reasoning).toBe('one\n\ntwo');
    expect(split.steps).toEqual(['reasoning:field', 'reasoning:think-block']);
  });

  it('leaves a reply without reasoning alone (apart from trimming)', () => {
    expect(splitReasoning('  {"a": 1}\n')).toEqual({ answer: '{"a": 1}', reasoning: '', steps: [] });
  });

  it('does not let a fenced block inside reasoning reach the answer', () => {
    const split = splitReasoning('<think>```json\n{"humans": [1]}\n```</think>```json\n{"humans": []}\n```');
    expect(recoverJson(split.answer)).toMatchObject({ ok: true, value: { humans: [] } });
  });
});

describe('extractMove', () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    ['plan and move', '{"plan": "take the centre", "move": "b2"}', 'b2', 'take the centre'],
    ['fenced with prose', 'I go centre.\n```json\n{"plan": "centre", "move": "b2"}\n```', 'b2', 'centre'],
    ['numeric move', '{"plan": "column four", "move": 4}', '4', 'column four'],
    ['key case and action alias', '{"Plan": "x", "Action": "c3"}', 'c3', 'x'],
    ['trailing comma and single quotes', "{'plan': 'corner', 'move': 'a1',}", 'a1', 'corner'],
    ['truncated', '{"plan": "block the row", "move": "c1"', 'c1', 'block the row'],
    ['move line', 'Thinking aloud...\nMove: a3', 'a3', null],
    ['bare move', 'b2.', 'b2', null],
    ['refusal', "I can't play games.", null, null],
    ['empty', '', null, null],
    ['long prose', 'I think that the position is balanced and that both players should be careful about the corners.', null, null],
  ];
  it.each(cases)('%s', (_label, reply, move, planText) => {
    const result = extractMove(reply);
    expect(result.move).toBe(move);
    expect(result.plan).toBe(planText);
  });
});
