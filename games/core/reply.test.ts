import { describe, expect, it } from 'vitest';
import { extractPlanJson } from './reply.js';

const plan = { humans: [{ name: 'RifleSoldier', x: 1, y: 2 }] };

describe('plan extraction from a reply (SPEC §1.2 with §2.8)', () => {
  it('reads a fenced json block in any letter case, from the first ```json to the last ```', () => {
    for (const fence of ['```json', '```JSON', '```Json']) {
      const reply = `Here is my plan:\n${fence}\n${JSON.stringify(plan)}\n\`\`\`\nGood luck!`;
      expect(extractPlanJson(reply)).toEqual({ ok: true, value: plan });
    }
  });

  it('takes the whole reply when there is no fence', () => {
    expect(extractPlanJson(`  ${JSON.stringify(plan)}\n`)).toEqual({ ok: true, value: plan });
  });

  it('strips one pair of matching quotes around the whole text', () => {
    expect(extractPlanJson(`'{"a": 1}'`)).toEqual({ ok: true, value: { a: 1 } });
    expect(extractPlanJson(`"{}"`)).toEqual({ ok: true, value: {} });
  });

  it('turns the two characters backslash-n into newlines', () => {
    expect(extractPlanJson('{"a":\\n 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("replaces single quotes when there is no double quote", () => {
    expect(extractPlanJson("{'demons': [{'name': 'NormalDemon', 'y': 0}]}")).toEqual({ ok: true, value: { demons: [{ name: 'NormalDemon', y: 0 }] } });
  });

  it('reports unparseable text instead of throwing', () => {
    for (const reply of ['', 'I refuse.', '{"a": 1,}', '```json\n{oops\n```', '\u0000\u0001']) {
      const r = extractPlanJson(reply);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/not valid JSON/);
    }
  });

  it('parses strict JSON only: a trailing comma is not repaired at this layer', () => {
    expect(extractPlanJson('[1,2,]').ok).toBe(false);
  });
});
