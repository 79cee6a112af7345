/**
 * Plan extraction from a model reply (SPEC §1.2 steps 1–4 with the §2.8 / REVIEW C1 resolutions):
 * 1. the text between the first "```json" (any letter case) and the last "```", else the whole reply;
 * 2. JavaScript trim(); strip one pair of matching `"` or `'` around the whole text;
 * 3. the two characters `\n` become a newline;
 * 4. if the text has `'` and no `"`, every `'` becomes `"`;
 * then strict JSON.parse. Returns the value or why it failed; never throws.
 */
export type ReplyParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export function extractPlanJson(reply: string): ReplyParse {
  let text = reply;
  const open = text.search(/```json/i);
  if (open >= 0) {
    const close = text.lastIndexOf('```');
    if (close >= open + 7) text = text.slice(open + 7, close);
  }
  text = text.trim();
  if (text.length >= 2) {
    const first = text[0];
    if ((first === '"' || first === "'") && text[text.length - 1] === first) text = text.slice(1, -1);
  }
  text = text.split('\\n').join('\n');
  if (text.includes("'") && !text.includes('"')) text = text.split("'").join('"');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `not valid JSON: ${reason}` };
  }
}
