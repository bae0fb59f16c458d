import type { DecisionKind, Severity } from '../rules/index.js';

/** How the CLI and the reports name severities: upper case, as the brief writes them. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { blocker: 'BLOCKER', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' };

export const DECISION_LABEL: Readonly<Record<DecisionKind, string>> = { accepted_risk: 'Accepted risk', resolved_outside: 'Resolved outside the tool' };
