import { jsonrepair } from 'jsonrepair';

/**
 * Recovery of answers from real model output. Every function reports HOW it got its result as a list of short
 * step names, traced with the raw text, so a lenient reading is never silent.
 */

export interface SplitReply {
  /** The reply with reasoning blocks removed, trimmed. */
  readonly answer: string;
  /** The API's separate reasoning field, then the removed blocks, joined by blank lines ('' when none). */
  readonly reasoning: string;
  readonly steps: readonly string[];
}

export type JsonRecovery =
  | { readonly ok: true; readonly value: unknown; readonly steps: readonly string[] }
  | { readonly ok: false; readonly reason: 'empty' | 'refusal' | 'no_json'; readonly steps: readonly string[]; readonly error: string };

const BLOCK = /<(think|thinking|reasoning)>([\s\S]*?)<\/\1>/gi;
const OPEN = /<(think|thinking|reasoning)>/i;
const ORPHAN_CLOSE = /<\/(think|thinking|reasoning)>/i;

/**
 * Separates reasoning from the answer: `<think>` (also `<thinking>`, `<reasoning>`) blocks; an unclosed opening
 * tag (output cut off while thinking: the rest is reasoning); a closing tag with no opening one (servers whose
 * chat template opened the block in the prompt: everything before it is reasoning).
 */
export function splitReasoning(content: string, reasoningField = ''): SplitReply {
  const steps: string[] = [];
  const parts: string[] = [];
  if (reasoningField.trim() !== '') {
    parts.push(reasoningField.trim());
    steps.push('reasoning:field');
  }
  let answer = content.replace(BLOCK, (_all, _tag, inner: string) => {
    parts.push(inner.trim());
    if (!steps.includes('reasoning:think-block')) steps.push('reasoning:think-block');
    return '';
  });
  const close = ORPHAN_CLOSE.exec(answer);
  if (close !== null) {
    parts.push(answer.slice(0, close.index).trim());
    answer = answer.slice(close.index + close[0].length);
    steps.push('reasoning:orphan-close');
  }
  const open = OPEN.exec(answer);
  if (open !== null) {
    parts.push(answer.slice(open.index + open[0].length).trim());
    answer = answer.slice(0, open.index);
    steps.push('reasoning:unclosed-think');
  }
  return { answer: answer.trim(), reasoning: parts.filter((p) => p !== '').join('\n\n'), steps };
}

interface Candidate {
  readonly text: string;
  readonly source: string;
  /** Which pass tries it: 0 strict then 1 repaired (the usual), 1 only (cut off), 2 last resort (nested spans). */
  readonly pass?: 1 | 2;
}

interface Block {
  readonly info: string;
  readonly body: string;
  readonly closed: boolean;
}

/** Fenced blocks (``` or ~~~, three or more; a closing fence at least as long as its opening one), in order. */
function fencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const opener = /(`{3,}|~{3,})/g;
  let m: RegExpExecArray | null;
  while ((m = opener.exec(text)) !== null) {
    const fence = m[1] ?? '```';
    const afterFence = m.index + fence.length;
    const lineEnd = text.indexOf('\n', afterFence);
    const rest = text.slice(afterFence, lineEnd < 0 ? text.length : lineEnd);
    const word = /^[ \t]*([A-Za-z0-9_+-]*)[ \t]*$/.exec(rest);
    let info = '';
    let bodyStart: number;
    if (word !== null) {
      info = (word[1] ?? '').toLowerCase();
      bodyStart = lineEnd < 0 ? text.length : lineEnd + 1;
    } else {
      const inline = /^([A-Za-z]+)(?=\s*[[{])/.exec(rest);
      info = (inline?.[1] ?? '').toLowerCase();
      bodyStart = afterFence + (inline?.[0].length ?? 0);
    }
    const closer = new RegExp(`${fence[0] === '`' ? '`' : '~'}{${fence.length},}`, 'g');
    closer.lastIndex = bodyStart;
    const end = closer.exec(text);
    if (end === null) {
      blocks.push({ info, body: text.slice(bodyStart), closed: false });
      break;
    }
    blocks.push({ info, body: text.slice(bodyStart, end.index), closed: true });
    opener.lastIndex = end.index + end[0].length;
  }
  return blocks;
}

/**
 * Balanced `{...}` spans (string-aware, one linear pass) at the shallowest depth any span closes, normally the
 * top level; deeper only when the text has opening braces that never close. Also the start of the outermost
 * unclosed `{` (a cut-off reply).
 */
function objectSpans(text: string): { spans: Array<[number, number]>; depth: number; unclosed: number | null } {
  let spans: Array<[number, number]> = [];
  let shallowest = Infinity;
  const starts: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' && starts.length > 0) quote = c;
    else if (c === '{') starts.push(i);
    else if (c === '}' && starts.length > 0) {
      const depth = starts.length;
      const start = starts.pop() as number;
      if (depth < shallowest) {
        shallowest = depth;
        spans = [];
      }
      if (depth === shallowest) spans.push([start, i + 1]);
    }
  }
  return { spans, depth: shallowest, unclosed: starts[0] ?? null };
}

const MAX_CANDIDATES = 64;

function candidates(answer: string): Candidate[] {
  const out: Candidate[] = [];
  const tagged: Candidate[] = [];
  const other: Candidate[] = [];
  const visit = (text: string, depth: number): void => {
    for (const block of fencedBlocks(text)) {
      if (depth < 2) visit(block.body, depth + 1);
      const source = block.closed ? (block.info.startsWith('json') ? 'fence-json' : 'fence') : 'fence-unclosed';
      (block.info.startsWith('json') ? tagged : other).push({ text: block.body, source });
    }
  };
  visit(answer, 0);
  out.push(...tagged.reverse(), ...other.reverse(), { text: answer, source: 'whole' });
  const { spans, depth, unclosed } = objectSpans(answer);
  for (const [from, to] of spans.slice(-MAX_CANDIDATES).reverse()) {
    out.push(depth === 1 ? { text: answer.slice(from, to), source: 'embedded' } : { text: answer.slice(from, to), source: 'embedded-nested', pass: 2 });
  }
  if (unclosed !== null) out.push({ text: answer.slice(unclosed), source: 'embedded-unclosed', pass: 1 });
  return out.slice(0, MAX_CANDIDATES * 2);
}

function unwrapDoubleEncoded(value: unknown, steps: string[]): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    const inner: unknown = JSON.parse(value);
    steps.push('double-encoded');
    return inner;
  } catch {
    return value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REFUSAL = /\b(I can(?:no|')t|I cannot|I(?:'m| am) (?:sorry|unable|not able)|I won't|I will not|unable to (?:help|assist|comply)|as an AI)\b/i;

/**
 * Finds the JSON value a reply means: strict JSON first over every candidate (fenced blocks tagged json, last
 * first; other fenced blocks; the whole answer; top-level `{...}` spans in the prose, last first), then the same
 * candidates repaired with jsonrepair (trailing commas, single quotes, comments, Python literals), plus a cut-off
 * final object; last, nested spans when stray braces never close. `accept` says which values count (default:
 * any object).
 */
export function recoverJson(answer: string, accept: (value: unknown) => boolean = isPlainObject): JsonRecovery {
  if (answer.trim() === '') return { ok: false, reason: 'empty', steps: ['empty'], error: 'the reply is empty' };
  const list = candidates(answer);
  for (const pass of [0, 1, 2]) {
    const repair = pass === 1;
    for (const candidate of list) {
      if (candidate.pass === undefined ? pass === 2 : candidate.pass !== pass) continue;
      const steps = [`source:${candidate.source}`];
      let value: unknown;
      try {
        value = JSON.parse(repair ? jsonrepair(candidate.text) : candidate.text);
      } catch {
        continue;
      }
      steps.push(repair ? 'jsonrepair' : 'json');
      value = unwrapDoubleEncoded(value, steps);
      if (accept(value)) return { ok: true, value, steps };
    }
  }
  if (REFUSAL.test(answer)) return { ok: false, reason: 'refusal', steps: ['refusal'], error: 'the model declined to answer' };
  return { ok: false, reason: 'no_json', steps: ['no-json'], error: 'no JSON object found in the reply' };
}

export interface MoveExtraction {
  /** The move text to hand to the game's parser, or null when none was found. */
  readonly move: string | null;
  /** The stated plan, when the reply had one. */
  readonly plan: string | null;
  readonly steps: readonly string[];
}

function field(value: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) {
    const key = Object.keys(value).find((k) => k.toLowerCase() === name);
    if (key !== undefined) return value[key];
  }
  return undefined;
}

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

const hasMove = (value: unknown): boolean => isPlainObject(value) && field(value, ['move', 'action']) !== undefined;

/**
 * The move (and stated plan) of a move-game reply `{"plan": "...", "move": "..."}`, recovered like any JSON;
 * failing that a `move: X` line, or a reply of one short word taken as the move itself.
 */
export function extractMove(answer: string): MoveExtraction {
  const json = recoverJson(answer, hasMove);
  if (json.ok && isPlainObject(json.value)) {
    return { move: asText(field(json.value, ['move', 'action'])), plan: asText(field(json.value, ['plan'])), steps: json.steps };
  }
  const line = /["']?\bmove["']?\s*[:=]\s*["'`]?([^"'`\n,}]+)/i.exec(answer);
  if (line?.[1] !== undefined && line[1].trim() !== '') return { move: line[1].trim(), plan: null, steps: ['move-pattern'] };
  if (!json.ok && json.reason !== 'no_json') return { move: null, plan: null, steps: json.steps };
  const bare = answer.replace(/^[\s"'`*]+|[\s"'`*.]+$/g, '');
  if (/^\S{1,16}$/.test(bare)) return { move: bare, plan: null, steps: ['bare-move'] };
  return { move: null, plan: null, steps: json.steps };
}
