/** The readiness engine's public API (brief §2 rules on a snapshot). */
export { assessSnapshot, explainFinding } from './assess.js';
export { clearDecision, listDecisions, recordDecision, type DecisionRequest, type RecordedDecision } from './decisions.js';
export {
  findingsForDevice,
  findingsForItem,
  findingsForUser,
  iterateFindingItems,
  pageFindingItems,
  type DecisionFilter,
  type FindingItemsPage,
  type FindingItemsRequest,
  type ItemFinding,
} from './findingItems.js';
export { DEFAULT_STALE_DAYS } from './context.js';
export { getRule, RULES } from './registry.js';
export * from './types.js';
