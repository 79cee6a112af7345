/**
 * Metrics: pure functions from match traces (one TraceEvent array per match) to process metrics with n and 95%
 * intervals (METRICS.md), the advgamebench profile (the reference evaluator, to the letter), its CSV export,
 * and correlations across agents.
 */
export { computeMetrics, computeFromRecords, type AgentMetrics, type GameMetrics, type MetricsReport } from './compute.js';
export { METRIC_IDS, PROCESS_SCORE, RATIO_METRICS, processScore, resolveMetricId, type Family, type RatioMetric } from './definitions.js';
export { DEFAULT_WEIGHTS, type Estimate, type ExcludedCounts, type MetricsOptions, type ProcessWeights } from './types.js';
export { extractRecords, exclusionReason, type Extraction } from './steps/extract.js';
export { S, STAT_COUNT, type AgentMatchRecord } from './steps/record.js';
export { planRecords, planRevisions, type RevisionClass } from './steps/plan.js';
export { moveRecords } from './steps/move.js';
export { correlate, pearsonPValue, type Correlation } from './stats/correlation.js';
export { wilsonInterval, percentileInterval } from './stats/intervals.js';
export { correlateAdvgamebench, correlateDefault, type CorrelationRow } from './correlate.js';
export { formatReport, OUTPUT_FORMATS, type OutputFormat } from './format.js';
export { exportAdvgamebench, type AgbExport, type AgbExportOptions } from './advgamebench/export.js';
export { advgamebenchFromTraces, advgamebenchProfile, type AgbModelMetrics, type AgbReport, type AgbProfileOptions } from './advgamebench/profile.js';
export { readAgbFolder, writeAgbFolder } from './advgamebench/folder.js';
export { AGB_METRICS, fileMetrics, keptRows, type AgbMetricId, type FileMetrics } from './advgamebench/evaluator.js';
export { LAYOUTS, ROLES, layoutForGame, modelStem, type AgbFile, type AgbGameLayout, type AgbRole, type AgbTag } from './advgamebench/layout.js';
