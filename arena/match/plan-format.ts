import type { PlanSide } from '../../games/core/plan-game.js';
import type { PlanMatchSpec, TraceEvent } from '../trace/events.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A readable round-by-round summary of a plan match trace for the terminal. */
export function formatPlanMatch(events: readonly TraceEvent[], sides: readonly [PlanSide, PlanSide], title: string): string {
  const start = events.find((e) => e.type === 'match_start');
  if (!start || start.type !== 'match_start' || start.spec.family !== 'plan') return '(not a plan-game trace)';
  const spec = start.spec as PlanMatchSpec;
  const label = (i: number | null): string => (i === null ? 'none' : sides[i === 0 ? 0 : 1].label);
  const lines: string[] = [];
  lines.push(
    `${title}: ${sides[0].label}=${spec.seats[0].name} vs ${sides[1].label}=${spec.seats[1].name}` +
      ` | preset ${spec.config.preset}, budgets ${spec.config.budgets[0]}/${spec.config.budgets[1]}` +
      `${Object.keys(spec.config.params).length ? `, ${Object.entries(spec.config.params).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}` +
      ` | ${spec.rounds} rounds, ${label(spec.reviseFirst)} revises first, seed ${spec.seed}`,
  );
  for (const e of events) {
    if (e.type === 'plan_submission' && e.phase === 'initial') {
      const flags = e.violations.length ? ` violations: ${e.violations.join(', ')}` : '';
      lines.push(`  initial ${label(e.side)} attempt ${e.attempt}: cost ${e.cost}/${e.budget}${e.accepted ? '' : ' (refused, re-asked)'}${flags}`);
    }
  }
  const header = `${pad('round', 6)}${pad('revised', 10)}${pad(`${sides[0].label} cost`, 14)}${pad(`${sides[1].label} cost`, 14)}${pad('battle', 10)}${pad('result', 10)}note`;
  lines.push(header);
  let lastRevision: TraceEvent | undefined;
  for (const e of events) {
    if (e.type === 'plan_submission' && e.phase === 'revision') lastRevision = e;
    if (e.type !== 'round_result') continue;
    const notes: string[] = [];
    if (e.reason !== 'battle') notes.push(e.reason.replace(/_/g, ' '));
    if (e.raw.capped) notes.push('step cap');
    if (lastRevision && lastRevision.type === 'plan_submission' && e.revisedBy !== null) {
      notes.push(lastRevision.changed ? 'plan changed' : 'plan kept');
      if (lastRevision.violations.length) notes.push(lastRevision.violations.join(','));
    }
    lines.push(
      `${pad(String(e.label), 6)}${pad(e.revisedBy === null ? '-' : label(e.revisedBy), 10)}` +
        `${pad(`${e.costs[0]}/${e.budgets[0]}`, 14)}${pad(`${e.costs[1]}/${e.budgets[1]}`, 14)}` +
        `${pad(label(e.raw.winner), 10)}${pad(label(e.winner), 10)}${notes.join('; ')}`,
    );
  }
  const end = events[events.length - 1];
  if (end?.type === 'match_end') {
    if (end.status === 'completed') {
      const result = end.winner === null ? 'drawn' : `won by ${label(end.winner)} (${spec.seats[end.winner === 0 ? 0 : 1].name})`;
      lines.push(`Match ${result}: rounds won ${sides[0].label} ${end.wins[0]}, ${sides[1].label} ${end.wins[1]}.`);
    } else {
      const err = events.find((e) => e.type === 'error');
      lines.push(`Match ended with an error (${end.reason ?? 'unknown'}): ${err && err.type === 'error' ? err.message : ''}. Not scored.`);
    }
  }
  return lines.join('\n');
}
