import { z } from 'zod';

/** Contract schemas of the readiness findings (brief §2), as the findings screens use them. */

export const SEVERITIES = ['blocker', 'high', 'medium', 'low', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export const DecisionKind = z.enum(['accepted_risk', 'resolved_outside']);

const ItemDecision = z.object({ decision: DecisionKind, note: z.string(), decidedBy: z.string(), decidedAt: z.string() });

export const FindingSummary = z.object({
  rule: z.string(),
  family: z.enum(['user', 'device', 'collection', 'object', 'tenant']),
  severity: Severity,
  title: z.string(),
  why: z.string(),
  remediation: z.array(z.string()),
  sources: z.array(z.string()),
  conflict: z.string().nullable(),
  evaluated: z.boolean(),
  needs: z.string().nullable(),
  itemType: z.string().nullable(),
  count: z.number().int(),
  decidedCount: z.number().int(),
  openCount: z.number().int(),
  confirmation: z.object({ checkId: z.string(), confirmedBy: z.string(), confirmedAt: z.string(), note: z.string() }).nullable(),
});

export const Assessment = z.object({
  assessedAt: z.string(),
  asOf: z.string(),
  plannedSwitchDate: z.string().nullable(),
  staleDays: z.number().int(),
  durationMs: z.number(),
  findings: z.array(FindingSummary),
  bySeverity: z.record(Severity, z.number().int()),
  notEvaluated: z.number().int(),
});

const ItemBase = { key: z.string(), detail: z.string().nullable(), decision: ItemDecision.nullable() };

export const FindingItem = z.discriminatedUnion('type', [
  z.object({
    ...ItemBase,
    type: z.literal('device'),
    id: z.number().int(),
    name: z.string().nullable(),
    serialNumber: z.string().nullable(),
    intuneDeviceId: z.string().nullable(),
    cmResourceId: z.number().int().nullable(),
    platform: z.string(),
    userPrincipalName: z.string().nullable(),
    lastCheckIn: z.string().nullable(),
  }),
  z.object({
    ...ItemBase,
    type: z.literal('user'),
    id: z.number().int(),
    name: z.string().nullable(),
    userPrincipalName: z.string().nullable(),
    onPremisesAccount: z.string().nullable(),
    cmResourceId: z.number().int().nullable(),
  }),
  z.object({
    ...ItemBase,
    type: z.literal('collection'),
    id: z.string(),
    name: z.string(),
    collectionType: z.enum(['user', 'device', 'other']),
    memberCount: z.number().int().nullable(),
  }),
  z.object({ ...ItemBase, type: z.literal('tenant'), id: z.literal('tenant'), name: z.string().nullable() }),
  z.object({
    ...ItemBase,
    type: z.enum(['apnsCertificate', 'depToken', 'vppToken']),
    id: z.string(),
    name: z.string().nullable(),
    appleId: z.string().nullable(),
    expiresAt: z.string().nullable(),
  }),
]);

export const FindingItemsRequest = z.object({
  rule: z.string().regex(/^[A-Z][A-Z0-9_]{2,60}$/, 'a rule id such as DEV_USERLESS'),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
  search: z.string().max(200).optional(),
  sortBy: z.string().regex(/^[a-zA-Z]{1,40}$/).optional(),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
  decision: z.enum(['all', 'open', 'decided']).default('all'),
});

export const FindingItemsPage = z.object({
  rule: z.string(),
  evaluated: z.boolean(),
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(FindingItem),
});

export const ItemFinding = z.object({
  rule: z.string(),
  severity: Severity,
  title: z.string(),
  detail: z.string().nullable(),
  decision: ItemDecision.nullable(),
});

export const DecideRequest = z.object({
  rule: FindingItemsRequest.shape.rule,
  itemKey: z.string().regex(/^[a-z]+:[A-Za-z0-9_.-]{1,80}$/, 'an item key such as device:42'),
  decision: DecisionKind,
  note: z.string().trim().min(1, 'Say why').max(2000),
  decidedBy: z.string().trim().min(1, 'Say who decided').max(200),
});

export const ClearDecisionRequest = DecideRequest.pick({ rule: true, itemKey: true, decidedBy: true });

export type Severity = z.output<typeof Severity>;
export type FindingSummary = z.output<typeof FindingSummary>;
export type Assessment = z.output<typeof Assessment>;
export type FindingItem = z.output<typeof FindingItem>;
export type ItemFinding = z.output<typeof ItemFinding>;
