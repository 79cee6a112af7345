import { createHash } from 'node:crypto';
import { computeMetrics } from '../compute.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { addUsage, ZERO_USAGE, type Usage } from '../../arena/trace/usage.js';
import { endsOf, settingOf } from './match-info.js';
import { inspectLogSchema, type InspectLog, type InspectSample } from './inspect-schema.js';

export interface InspectOptions {
  readonly run: string;
  /** When the run was made (ISO 8601): the log's created and stats times. */
  readonly created: string;
  readonly arenaVersion: string;
  /** The run's reproducibility manifest, carried as the log's metadata. */
  readonly manifest?: unknown;
}

type Message = InspectSample['messages'][number];
type ModelUsage = NonNullable<InspectSample['model_usage']>[string];

function id(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function modelUsage(u: Usage): ModelUsage {
  return { input_tokens: u.promptTokens, output_tokens: u.completionTokens, total_tokens: u.promptTokens + u.completionTokens, reasoning_tokens: u.reasoningTokens, total_cost: u.costUsd };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describe(events: readonly TraceEvent[]): string {
  const start = events[0];
  if (start?.type !== 'match_start') return '';
  const { spec } = start;
  const seats = spec.seats.map((s, i) => `seat ${i}: ${s.name} (${s.agent})`).join('; ');
  return `Match ${start.matchId}: ${spec.game} (${settingOf(spec)}), seed ${spec.seed}; ${seats}.`;
}

/** The agents' answers as assistant messages (model id as the server reported it), refused answers as the arena's reply. */
function messages(events: readonly TraceEvent[], seats: readonly { name: string }[]): { messages: Message[]; usage: Map<string, Usage> } {
  const out: Message[] = [{ role: 'user', content: describe(events), source: 'input' }];
  const usage = new Map<string, Usage>();
  for (const e of events) {
    if (e.type !== 'plan_submission' && e.type !== 'move' && e.type !== 'rejection') continue;
    const seat = e.type === 'plan_submission' ? e.side : e.seat;
    const agent = seats[seat]?.name ?? `seat ${seat}`;
    const meta = e.type === 'rejection' ? undefined : e.meta;
    const model = str(meta?.['endpointModel']);
    if (model !== undefined) usage.set(model, addUsage(usage.get(model) ?? ZERO_USAGE, e.usage));
    const text = e.response?.text ?? (e.type === 'move' ? e.action : e.type === 'plan_submission' ? e.canonical : '');
    const reasoning = e.response?.reasoning;
    const common = { agent, seat, seq: e.seq, round: e.round, ...(reasoning ? { reasoning } : {}) };
    if (e.type === 'plan_submission') {
      out.push({ role: 'assistant', content: text, source: 'generate', ...(model ? { model } : {}), metadata: { ...common, kind: 'plan', phase: e.phase, attempt: e.attempt, accepted: e.accepted, violations: [...e.violations] } });
    } else if (e.type === 'move') {
      out.push({ role: 'assistant', content: text, source: 'generate', ...(model ? { model } : {}), metadata: { ...common, kind: 'move', action: e.action, attempt: e.attempt } });
    } else {
      out.push({ role: 'assistant', content: text, source: 'generate', metadata: { ...common, kind: 'rejected answer', attempt: e.attempt } });
      out.push({ role: 'user', content: `The arena refused ${agent}'s answer (${e.code}): ${e.reason}. Next: ${e.outcome}.`, source: 'input', metadata: { agent, seat, seq: e.seq } });
    }
  }
  return { messages: out, usage };
}

/** Process metrics of one match, per agent, where the match defines them (`<agent>/<metric>`). */
function processScore(events: readonly TraceEvent[]): Record<string, number> {
  const report = computeMetrics([events], { seed: 1, bootstrap: 0 });
  const values: Record<string, number> = {};
  for (const agent of report.agents) {
    for (const [metric, estimate] of Object.entries(agent.metrics)) if (estimate.value !== null) values[`${agent.agent}/${metric}`] = estimate.value;
  }
  return values;
}

function sample(events: readonly TraceEvent[], index: number, run: string): InspectSample | undefined {
  const ends = endsOf(events);
  if (ends === undefined) return undefined;
  const { start, end } = ends;
  const { spec } = start;
  const [a, b] = spec.seats;
  const { messages: msgs, usage } = messages(events, spec.seats);
  const completed = end?.status === 'completed';
  const winner = end?.winner === 0 ? a.name : end?.winner === 1 ? b.name : completed ? 'draw' : 'no result';
  const scores: InspectSample['scores'] = completed
    ? {
        match_result: {
          value: { [a.name]: end.score[0], [b.name]: end.score[1] },
          answer: winner,
          explanation: `${a.name} ${end.wins[0]} – ${end.wins[1]} ${b.name} (${spec.family === 'plan' ? 'rounds' : 'games'} won); match score by agent`,
        },
        process_metrics: { value: processScore(events), explanation: 'process metrics of this match by agent (metrics/README.md of the arena); a metric the match does not define is absent' },
      }
    : null;
  const wallMs = events.reduce((t, e) => t + ('usage' in e && !Array.isArray(e.usage) ? (e.usage as Usage).wallMs : 0), 0);
  const lastText = [...msgs].reverse().find((m) => m.role === 'assistant')?.content ?? '';
  return {
    id: index + 1,
    epoch: 1,
    input: describe(events),
    target: '',
    messages: msgs,
    output: { model: [...usage.keys()][0] ?? '', choices: [], completion: lastText },
    scores,
    metadata: {
      run,
      match_key: start.matchId,
      game: spec.game,
      family: spec.family,
      setting: settingOf(spec),
      seed: spec.seed,
      seats: spec.seats.map((s, i) => ({ seat: i, agent: s.name, spec: s.agent })),
      status: end?.status ?? 'error',
      winner,
      prompt_version: start.promptVersion,
      trace_version: start.traceVersion,
    },
    store: {},
    events: [],
    model_usage: Object.fromEntries([...usage].map(([m, u]) => [m, modelUsage(u)])),
    total_time: wallMs / 1000,
    working_time: wallMs / 1000,
    ...(completed ? {} : { error: { message: `no result: the match ended in an error (${end?.reason ?? 'no match_end'})`, traceback: '', traceback_ansi: '' } }),
    completed,
  };
}

/**
 * A run as an Inspect AI evaluation log (version 2): one sample per match with the agents' answers as messages,
 * the match result and the match's process metrics as scores, and game, seed, seats and settings as metadata.
 * The result is checked against the fields Inspect's reader requires (inspect-schema.ts) before it is returned.
 */
export function inspectLog(matches: readonly (readonly TraceEvent[])[], options: InspectOptions): InspectLog {
  const samples = matches.flatMap((m, i) => sample(m, i, options.run) ?? []);
  const usage = new Map<string, ModelUsage>();
  const roles: Record<string, { model: string }> = {};
  for (const s of samples) {
    for (const [m, u] of Object.entries(s.model_usage ?? {})) {
      const prev = usage.get(m);
      usage.set(m, prev ? { input_tokens: prev.input_tokens + u.input_tokens, output_tokens: prev.output_tokens + u.output_tokens, total_tokens: prev.total_tokens + u.total_tokens, reasoning_tokens: (prev.reasoning_tokens ?? 0) + (u.reasoning_tokens ?? 0), total_cost: (prev.total_cost ?? 0) + (u.total_cost ?? 0) } : u);
    }
    for (const msg of s.messages) {
      const agent = str(msg.metadata?.['agent']);
      if (msg.model && agent !== undefined) roles[agent] = { model: msg.model };
    }
  }
  const models = [...usage.keys()].sort();
  const scored = samples.filter((s) => s.scores !== null && s.scores !== undefined);
  const agentScores = new Map<string, number[]>();
  for (const s of scored) for (const [agent, v] of Object.entries(s.scores?.['match_result']?.value as Record<string, number>)) agentScores.set(agent, [...(agentScores.get(agent) ?? []), v]);
  const metrics = Object.fromEntries(
    [...agentScores].sort(([x], [y]) => x.localeCompare(y)).map(([agent, v]) => [`${agent} mean score`, { name: `${agent} mean score`, value: v.reduce((t, x) => t + x, 0) / v.length, params: {} }]),
  );
  const failed = samples.length - scored.length;
  const log: InspectLog = {
    version: 2,
    status: failed === 0 ? 'success' : 'error',
    eval: {
      eval_id: id(`eval:${options.run}:${options.created}`),
      run_id: id(`run:${options.run}:${options.created}`),
      created: options.created,
      task: `game-arena/${options.run}`,
      task_id: id(`task:${options.run}`),
      task_version: 0,
      dataset: { name: options.run, samples: samples.length, sample_ids: samples.map((s) => s.id), shuffled: false },
      model: models.length === 0 ? 'none' : models.join(','),
      model_generate_config: {},
      model_roles: roles,
      config: { epochs: 1 },
      packages: { 'game-arena': options.arenaVersion },
      metadata: { source: 'game-arena', run: options.run, ...(options.manifest !== undefined ? { manifest: options.manifest } : {}) },
      scorers: [
        { name: 'match_result', options: {}, metrics: [{ name: 'mean' }] },
        { name: 'process_metrics', options: {}, metrics: [] },
      ],
    },
    plan: { name: 'plan', steps: [{ solver: 'game-arena/match', params: {} }], config: {} },
    results: { total_samples: samples.length, completed_samples: scored.length, scores: [{ name: 'match_result', scorer: 'match_result', metrics }] },
    stats: { started_at: options.created, completed_at: options.created, model_usage: Object.fromEntries(models.map((m) => [m, usage.get(m) as ModelUsage])) },
    ...(failed > 0 ? { error: { message: `${failed} of ${samples.length} matches ended in errors (no result; never scored)`, traceback: '', traceback_ansi: '' } } : {}),
    invalidated: false,
    samples,
    reductions: [{ scorer: 'match_result', reducer: 'mean', samples: scored.map((s) => ({ ...(s.scores?.['match_result'] as NonNullable<InspectSample['scores']>[string]), sample_id: s.id })) }],
  };
  return inspectLogSchema.parse(log);
}

/** The members of the `.eval` archive of a log: header, start journal, one file per sample, summaries, reductions. */
export function inspectArchiveMembers(log: InspectLog): Record<string, string> {
  const { samples, reductions, ...header } = log;
  const members: Record<string, string> = {
    '_journal/start.json': JSON.stringify({ version: header.version, eval: header.eval, plan: header.plan }),
  };
  for (const s of samples) members[`samples/${s.id}_epoch_${s.epoch}.json`] = JSON.stringify(s);
  members['summaries.json'] = JSON.stringify(
    samples.map((s) => ({ id: s.id, epoch: s.epoch, input: s.input, target: s.target, metadata: s.metadata, scores: s.scores, model_usage: s.model_usage, total_time: s.total_time, working_time: s.working_time, ...(s.error ? { error: s.error.message } : {}), completed: s.completed })),
  );
  members['reductions.json'] = JSON.stringify(reductions ?? []);
  members['header.json'] = JSON.stringify(header);
  return members;
}
