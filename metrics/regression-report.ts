import type { TraceEvent } from '../arena/trace/events.js';
import { extractRecords } from './steps/extract.js';
import { regressionVerdicts, type Gate, type Verdict } from './regression.js';
import { sequentialCheck, type GateDecision } from './sequential/regression.js';

/** The traces of a regression run (as arena/tournament/regress.ts plays them) and who replaced whom. */
export interface RegressionTraces {
  readonly runId: string;
  readonly baseline: string;
  readonly target: string;
  readonly candidate: string;
  readonly candidateSpec: string;
  readonly baseTraces: readonly TraceEvent[][];
  readonly candidateTraces: readonly TraceEvent[][];
}

export interface RegressResult {
  readonly runId: string;
  readonly baseline: string;
  readonly target: string;
  readonly candidate: string;
  readonly candidateSpec: string;
  readonly verdicts: readonly ReportVerdict[];
  readonly regression: boolean;
  readonly matches: number;
  /** Present for a sequential run (`--sequential`): whether it stopped before the baseline's matches ran out, and why. */
  readonly sequential?: SequentialStop;
}

export interface SequentialStop {
  readonly stoppedEarly: boolean;
  readonly reason: string;
  /** Matches the candidate played and the baseline's matches it could have played. */
  readonly matches: number;
  readonly planned: number;
  readonly alpha: number;
}

/** A gate's verdict with the sequential decision (regression, passed, undecided) when the run was sequential. */
export type ReportVerdict = Verdict & { readonly decision?: GateDecision };

/** The regression verdict of METRICS.md for each gate: the target's baseline records against the candidate's. */
export function judgeRegression(run: RegressionTraces, gates: readonly Gate[], options: { readonly bootstrap: number; readonly seed: number }): RegressResult {
  const { base: baseRecords, cand: candRecords } = records(run);
  const verdicts = regressionVerdicts(baseRecords, candRecords, gates, { bootstrap: options.bootstrap, seed: options.seed });
  const regression = verdicts.some((v) => v.regression);
  const { runId, baseline, target, candidate, candidateSpec } = run;
  return { runId, baseline, target, candidate, candidateSpec, verdicts, regression, matches: candRecords.length };
}

/** The target's and candidate's match records of a regression run. */
function records(run: Pick<RegressionTraces, 'target' | 'candidate' | 'baseTraces' | 'candidateTraces'>) {
  return {
    base: extractRecords(run.baseTraces).records.filter((r) => r.agent === run.target),
    cand: extractRecords(run.candidateTraces).records.filter((r) => r.agent === run.candidate),
  };
}

/**
 * The sequential verdict (metrics/sequential/regression.ts) over the matches played so far: decided or not, with
 * one line saying why. The arena asks it after every batch of a `--sequential` run.
 */
export function checkRegressionSequential(run: Pick<RegressionTraces, 'target' | 'candidate' | 'baseTraces' | 'candidateTraces'>, gates: readonly Gate[], alpha = 0.05): { readonly done: boolean; readonly reason: string } {
  const { base, cand } = records(run);
  const check = sequentialCheck(base, cand, gates, { alpha });
  return { done: check.decided, reason: check.reason };
}

/**
 * The verdict of a sequential run: each gate's anytime-valid interval of (candidate − baseline) and its decision;
 * a regression only where one was decided. `planned` is the number of baseline matches the run could have played.
 */
export function judgeSequential(run: RegressionTraces, gates: readonly Gate[], options: { readonly planned: number; readonly alpha?: number }): RegressResult {
  const alpha = options.alpha ?? 0.05;
  const { base, cand } = records(run);
  const check = sequentialCheck(base, cand, gates, { alpha });
  const verdicts: ReportVerdict[] = check.gates.map((g) => ({
    metric: g.metric,
    better: g.better,
    baseline: g.baseline.value,
    candidate: g.candidate.value,
    diff: g.diff,
    lo: g.lo,
    hi: g.hi,
    tolerance: g.tolerance,
    n: g.n,
    regression: g.decision === 'regression',
    decision: g.decision,
  }));
  const matches = cand.length;
  const stoppedEarly = check.decided && matches < options.planned;
  const reason = check.decided ? check.reason : `the baseline's ${options.planned} matches ran out with ${check.reason.replace(/ after \d+ matches/, '')}: no regression found`;
  const { runId, baseline, target, candidate, candidateSpec } = run;
  return { runId, baseline, target, candidate, candidateSpec, verdicts, regression: check.regression, matches, sequential: { stoppedEarly, reason, matches, planned: options.planned, alpha } };
}

const f = (x: number | null, d = 4): string => (x === null ? '—' : x.toFixed(d));

function verdictLine(v: ReportVerdict): string {
  const decision = v.decision ? `, ${v.decision} (anytime-valid)` : '';
  return `${v.metric} (${v.better} is better): baseline ${f(v.baseline)}, candidate ${f(v.candidate)}, diff ${f(v.diff)} [${f(v.lo)}, ${f(v.hi)}], tolerance ${v.tolerance}, n=${v.n}${decision}`;
}

/** One line on how a sequential run ended. */
export function sequentialLine(q: SequentialStop): string {
  const how = q.stoppedEarly ? `stopped early after ${q.matches} of ${q.planned} matches` : `played ${q.matches} of ${q.planned} matches`;
  return `Sequential run (${Math.round((1 - q.alpha) * 1000) / 10}% anytime-valid confidence sequences per gate): ${how}: ${q.reason}.`;
}

/** The markdown summary of a regression run (for CI job summaries and PR comments). */
export function regressMarkdown(r: RegressResult): string {
  const lines = [
    `## Regression check: ${r.candidate} vs baseline run ${r.baseline}`,
    '',
    `Candidate \`${r.candidateSpec}\` replaced \`${r.target}\` in ${r.matches} matches (same seeds, opponents and settings).`,
    r.sequential
      ? `Verdict: **${r.regression ? 'REGRESSION' : 'no regression'}**. ${sequentialLine(r.sequential)} A regression is an anytime-valid interval of (candidate − baseline) entirely beyond the tolerance on the worse side; a gate passes once its interval lies wholly on the better side.`
      : `Verdict: **${r.regression ? 'REGRESSION' : 'no regression'}**. A regression is a 95% paired-bootstrap interval of (candidate − baseline) entirely beyond the tolerance on the worse side.`,
    '',
    `| metric | better | baseline | candidate | diff | ${r.sequential ? '95% CS' : '95% CI'} | tolerance | n | verdict |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...r.verdicts.map((v) => `| ${v.metric} | ${v.better} | ${f(v.baseline)} | ${f(v.candidate)} | ${f(v.diff)} | [${f(v.lo)}, ${f(v.hi)}] | ${v.tolerance} | ${v.n} | ${v.decision ?? (v.regression ? 'regression' : 'ok')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML: one test case per gated metric; a regression is a failure. */
export function regressJunit(r: RegressResult): string {
  const failures = r.verdicts.filter((v) => v.regression).length;
  const cases = r.verdicts.map((v) => {
    const name = `${xml(v.metric)}`;
    const body = v.regression ? `\n      <failure message="${xml(`regression: ${verdictLine(v)}`)}"/>\n    ` : '';
    return `    <testcase classname="arena.regress.${xml(r.candidate)}" name="${name}">${body}<system-out>${xml(verdictLine(v))}</system-out></testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="arena regress" tests="${r.verdicts.length}" failures="${failures}">`,
    `  <testsuite name="${xml(`${r.candidate} vs ${r.baseline}`)}" tests="${r.verdicts.length}" failures="${failures}">`,
    ...(r.sequential
      ? [
          '    <properties>',
          `      <property name="sequential.stopped" value="${r.sequential.stoppedEarly ? 'early' : 'complete'}"/>`,
          `      <property name="sequential.matches" value="${r.sequential.matches}"/>`,
          `      <property name="sequential.planned" value="${r.sequential.planned}"/>`,
          `      <property name="sequential.reason" value="${xml(r.sequential.reason)}"/>`,
          '    </properties>',
        ]
      : []),
    ...cases,
    ...(r.sequential ? [`    <system-out>${xml(sequentialLine(r.sequential))}</system-out>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
