import type { Usage } from './usage.js';
import type { EventDraft, TraceEvent } from './events.js';

/**
 * Collects a match's events in order, stamping each with its sequence number and the match time (the sum of the
 * recorded decision wall times so far, so a replay from recorded responses reproduces it exactly). An optional
 * sink sees every event as it is appended (e.g. a JSONL writer or a live printer).
 */
export class TraceRecorder {
  private readonly list: TraceEvent[] = [];
  private clock = 0;

  constructor(private readonly sink?: (event: TraceEvent) => void) {}

  /** Advances match time by a decision's recorded wall time. */
  advance(usage: Usage): void {
    this.clock += usage.wallMs;
  }

  emit(draft: EventDraft): TraceEvent {
    const event = { ...draft, seq: this.list.length, time: this.clock } as TraceEvent;
    this.list.push(event);
    this.sink?.(event);
    return event;
  }

  get events(): readonly TraceEvent[] {
    return this.list;
  }
}
