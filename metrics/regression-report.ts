import type { TraceEvent } from '../arena/trace/events.js';
import { extractRecords } from './steps/extract.js';
import { regressionVerdicts, type Gate, type Verdict } from './regression.js';

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
  readonly verdicts: readonly Verdict[];
  readonly regression: boolean;
  readonly matches: number;
}

/** The regression verdict of METRICS.md for each gate: the target's baseline records against the candidate's. */
export function judgeRegression(run: RegressionTraces, gates: readonly Gate[], options: { readonly bootstrap: number; readonly seed: number }): RegressResult {
  const baseRecords = extractRecords(run.baseTraces).records.filter((r) => r.agent === run.target);
  const candRecords = extractRecords(run.candidateTraces).records.filter((r) => r.agent === run.candidate);
  const verdicts = regressionVerdicts(baseRecords, candRecords, gates, { bootstrap: options.bootstrap, seed: options.seed });
  const regression = verdicts.some((v) => v.regression);
  const { runId, baseline, target, candidate, candidateSpec } = run;
  return { runId, baseline, target, candidate, candidateSpec, verdicts, regression, matches: candRecords.length };
}

const f = (x: number | null, d = 4): string => (x === null ? '—' : x.toFixed(d));

function verdictLine(v: Verdict): string {
  return `${v.metric} (${v.better} is better): baseline ${f(v.baseline)}, candidate ${f(v.candidate)}, diff ${f(v.diff)} [${f(v.lo)}, ${f(v.hi)}], tolerance ${v.tolerance}, n=${v.n}`;
}

/** The markdown summary of a regression run (for CI job summaries and PR comments). */
export function regressMarkdown(r: RegressResult): string {
  const lines = [
    `## Regression check: ${r.candidate} vs baseline run ${r.baseline}`,
    '',
    `Candidate \`${r.candidateSpec}\` replaced \`${r.target}\` in ${r.matches} matches (same seeds, opponents and settings).`,
    `Verdict: **${r.regression ? 'REGRESSION' : 'no regression'}**. A regression is a 95% paired-bootstrap interval of (candidate − baseline) entirely beyond the tolerance on the worse side.`,
    '',
    '| metric | better | baseline | candidate | diff | 95% CI | tolerance | n | verdict |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.verdicts.map((v) => `| ${v.metric} | ${v.better} | ${f(v.baseline)} | ${f(v.candidate)} | ${f(v.diff)} | [${f(v.lo)}, ${f(v.hi)}] | ${v.tolerance} | ${v.n} | ${v.regression ? 'regression' : 'ok'} |`),
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
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
