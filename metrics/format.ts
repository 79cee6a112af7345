import { AGB_METRICS } from './advgamebench/evaluator.js';
import type { AgbReport } from './advgamebench/profile.js';
import type { MetricsReport } from './compute.js';
import type { CorrelationRow } from './correlate.js';
import { METRIC_IDS, PROCESS_SCORE, RATIO_METRICS } from './definitions.js';
import type { Estimate, ProcessWeights } from './types.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'markdown'];

/** One reported value in long form: who, where, what. */
interface Line {
  readonly agent: string;
  readonly game: string;
  readonly matches: number | null;
  readonly metric: string;
  readonly label: string;
  readonly estimate: Estimate;
}

export function weightsText(w: ProcessWeights): string {
  return `WR ${w.wr}, CSR ${w.csr}, 1−OBR ${w.obr}, β ${w.beta}`;
}

/** Compact number: integers of large magnitude, 3 decimals otherwise, 3 significant digits for tiny values. */
export function fmt(x: number | null): string {
  if (x === null) return '—';
  const a = Math.abs(x);
  if (a === 0) return '0.000';
  if (a >= 1000) return x.toFixed(0);
  if (a < 0.01) return x.toPrecision(3);
  return x.toFixed(3);
}

const labelOf = (id: string): string => (id === PROCESS_SCORE.id ? PROCESS_SCORE.label : (RATIO_METRICS.find((m) => m.id === id)?.label ?? id));

function defaultLines(report: MetricsReport): Line[] {
  const lines: Line[] = [];
  const push = (agent: string, game: string, matches: number, metrics: Readonly<Record<string, Estimate>>): void => {
    for (const id of METRIC_IDS) {
      const e = metrics[id];
      if (e === undefined) continue;
      const label = id === PROCESS_SCORE.id ? `${PROCESS_SCORE.label} (${weightsText(report.weights)})` : labelOf(id);
      lines.push({ agent, game, matches, metric: id, label, estimate: e });
    }
  };
  for (const a of report.agents) {
    for (const g of report.games.filter((x) => x.agent === a.agent)) push(g.agent, g.game, g.matches, g.metrics);
    if (a.games.length > 1) push(a.agent, `all games (${a.games.length}, unweighted mean)`, a.matches, a.metrics);
  }
  return lines;
}

function agbLines(report: AgbReport): Line[] {
  return report.models.flatMap((m) => AGB_METRICS.map((id) => ({ agent: m.model, game: m.game, matches: null, metric: id, label: id, estimate: m.metrics[id] })));
}

const interval = (e: Estimate): string => (e.lo === null || e.hi === null ? '' : `[${fmt(e.lo)}, ${fmt(e.hi)}]${e.method === 'wilson' ? ' W' : ''}`);

function pad(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('   ').trimEnd()).join('\n');
}

function tableText(lines: readonly Line[]): string {
  const blocks: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as Line;
    const take: Line[] = [];
    while (i < lines.length && lines[i]?.agent === first.agent && lines[i]?.game === first.game) take.push(lines[i++] as Line);
    const head = `${first.agent} · ${first.game}${first.matches !== null ? ` · ${first.matches} match${first.matches === 1 ? '' : 'es'}` : ''}`;
    const rows = [['metric', 'value', '95% interval', 'n'], ...take.map((l) => [l.label, fmt(l.estimate.value), interval(l.estimate), String(l.estimate.n)])];
    blocks.push(`${head}\n${pad(rows)}`);
  }
  return blocks.join('\n\n');
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const num = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(x));

function csvText(lines: readonly Line[], report: MetricsReport | AgbReport): string {
  const weights = report.profile === 'default' ? weightsText(report.weights) : '';
  const header = ['profile', 'agent', 'game', 'metric', 'value', 'lo', 'hi', 'n', 'method', 'games', 'weights'];
  const rows = lines.map((l) => [report.profile, l.agent, l.game, l.metric, num(l.estimate.value), num(l.estimate.lo), num(l.estimate.hi), String(l.estimate.n), l.estimate.method, num(l.estimate.games), l.metric === PROCESS_SCORE.id ? weights : '']);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function markdownText(lines: readonly Line[]): string {
  const esc = (s: string): string => s.replaceAll('|', '\\|');
  const rows = lines.map((l) => `| ${esc(l.agent)} | ${esc(l.game)} | ${esc(l.label)} | ${fmt(l.estimate.value)} | ${interval(l.estimate)} | ${l.estimate.n} |`);
  return ['| agent | game | metric | value | 95% interval | n |', '|---|---|---|---:|---|---:|', ...rows].join('\n') + '\n';
}

function preamble(report: MetricsReport | AgbReport): string[] {
  const out: string[] = [];
  if (report.profile === 'default') {
    const excluded = Object.entries(report.excluded).map(([k, v]) => `${k} ${v}`);
    out.push(`Process metrics, default profile: ${report.included} matches scored${excluded.length ? `; excluded (not scored): ${excluded.join(', ')}` : ''}.`);
    out.push(`95% intervals: percentile bootstrap over matches (B = ${report.bootstrap}, seed ${report.seed}); W = Wilson.`);
    out.push(`Process Score weights: ${weightsText(report.weights)}.`);
  } else {
    const skipped = Object.entries(report.skipped).map(([k, v]) => `${k} ${v}`);
    out.push(`advgamebench profile (the reference evaluator's model_metrics, per game)${skipped.length ? `; matches not exported: ${skipped.join(', ')}` : ''}.`);
    out.push(`95% intervals: bootstrap over matches within each (role, tag) file (B = ${report.bootstrap}, seed ${report.seed}).`);
    for (const w of report.warnings) out.push(`warning: ${w}`);
  }
  return out;
}

function correlationText(rows: readonly CorrelationRow[], format: OutputFormat): string {
  if (rows.length === 0) return '';
  const first = rows[0] as CorrelationRow;
  const p = (x: number | null): string => (x === null ? '—' : x < 0.001 ? x.toExponential(2) : x.toFixed(3));
  const body = rows.map((r) => [r.scope, String(r.n), fmt(r.r), p(r.p), fmt(r.rho)]);
  const header = ['scope', 'n', 'Pearson r', 'p (two-sided)', 'Spearman ρ'];
  if (format === 'csv') return ['x,y,' + header.join(','), ...rows.map((r) => [r.x, r.y, csvCell(r.scope), r.n, num(r.r), num(r.p), num(r.rho)].join(','))].join('\n') + '\n';
  if (format === 'markdown') return [`Correlation of ${first.x} and ${first.y} across agents`, '', `| ${header.join(' | ')} |`, '|---|---:|---:|---:|---:|', ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
  return `Correlation of ${first.x} and ${first.y} across agents\n${pad([header, ...body])}\n`;
}

/** Renders a report (and optional correlations) in one of the output formats. */
export function formatReport(report: MetricsReport | AgbReport, format: OutputFormat, correlations: readonly CorrelationRow[] = []): string {
  if (format === 'json') return JSON.stringify(correlations.length ? { ...report, correlations } : report, null, 2) + '\n';
  const lines = report.profile === 'default' ? defaultLines(report) : agbLines(report);
  const corr = correlationText(correlations, format);
  if (format === 'csv') return csvText(lines, report) + (corr ? '\n' + corr : '');
  const head = preamble(report).join('\n');
  const body = format === 'markdown' ? markdownText(lines) : tableText(lines) + '\n';
  return [head, body, corr].filter((s) => s !== '').join('\n\n');
}
