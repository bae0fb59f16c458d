import { z } from 'zod';

/**
 * Contract schemas of the migration wizard (issue #16): the playbook as the core renders it,
 * tenant facts with their provenance, waves, the switch timeline and the APNs reminder. They
 * mirror the core's view types (core/wizard); the response check in dispatch keeps them honest.
 */

/** Who does something: every action is audited under this name. */
export const ActorName = z.string().trim().min(1, 'Say who does this (a name).').max(200);
const Note = z.string().max(2000).optional();
const IsoTime = z.iso.datetime({ offset: true });
/** Response lists are readonly, as the core returns them. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const CheckTick = z.object({ by: z.string(), at: z.string(), note: z.string() });

export const CheckView = z.object({
  id: z.string(),
  kind: z.enum(['automatic', 'question', 'manual']),
  label: z.string(),
  required: z.boolean(),
  state: z.enum(['done', 'open', 'unknown']),
  detail: z.string(),
  rules: list(z.string()),
  fact: z.string().nullable(),
  value: z.string().nullable(),
  tick: CheckTick.nullable(),
});

const StepState = z.enum(['not_started', 'in_progress', 'done', 'blocked']);

export const GateReasons = z.object({
  blockers: list(z.object({ rule: z.string(), title: z.string(), openCount: z.number().int(), evaluated: z.boolean() })),
  checks: list(z.object({ checkId: z.string(), stepId: z.string(), label: z.string() })),
});

export const OverrideRecord = z.object({ stepId: z.string(), justification: z.string(), by: z.string(), at: z.string(), openAtOverride: GateReasons });

export const RecordedEvent = z.object({ eventId: z.string(), at: z.string(), recordedBy: z.string(), recordedAt: z.string() });

export const SignOff = z.object({ stepId: z.string(), by: z.string(), role: z.string().nullable(), note: z.string(), at: z.string() });

const GateView = z.object({ stepId: z.string(), blocked: z.boolean(), reasons: GateReasons, override: OverrideRecord.nullable() });

export const StepView = z.object({
  id: z.string(),
  phaseId: z.string(),
  title: z.string(),
  actions: list(z.string()),
  prerequisites: list(z.string()),
  risks: list(z.string()),
  sources: list(z.string()),
  gated: z.boolean(),
  records: z.string().nullable(),
  state: StepState,
  checks: list(CheckView),
  done: z.number().int(),
  total: z.number().int(),
  recorded: RecordedEvent.nullable(),
  gate: GateView.nullable(),
  signOffs: list(SignOff),
});

export const PhaseView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  state: StepState,
  done: z.number().int(),
  total: z.number().int(),
  steps: list(StepView),
});

export const WizardView = z.object({
  playbook: z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    /** What the playbook's recorded event is (the authority changed, set, coexistence activated), for screens to name it. */
    switchEvent: z.object({ id: z.string(), label: z.string(), recordAction: z.string() }),
  }),
  startedWithVersion: z.number().int(),
  phases: list(PhaseView),
  currentStepId: z.string(),
  nextStepId: z.string().nullable(),
  gates: list(GateView),
  events: list(RecordedEvent),
  progress: z.object({ done: z.number().int(), total: z.number().int(), requiredOpen: z.number().int() }),
});

const StepId = z.string().min(1).max(120);
const CheckId = z.string().min(1).max(120);

export const TickRequest = z.object({ checkId: CheckId, by: ActorName, note: Note });
export const SignOffRequest = z.object({ stepId: StepId, by: ActorName, role: z.string().max(100).optional(), note: Note });
export const AnswerRequest = z.object({ questionId: CheckId, value: z.string().max(500), by: ActorName });
export const OverrideRequest = z.object({
  justification: z.string().trim().min(10, 'An override needs a written justification (at least 10 characters).').max(4000),
  by: ActorName,
  stepId: StepId.optional(),
});
/** `at` defaults to now on the main side's clock. */
export const RecordSwitchRequest = z.object({ by: ActorName, at: IsoTime.optional() });

export const TenantFact = z.object({
  key: z.string(),
  label: z.string(),
  meaning: z.string(),
  type: z.enum(['text', 'yesno', 'date', 'choice']),
  choices: list(z.object({ value: z.string(), label: z.string() })).nullable(),
  rules: list(z.string()),
  value: z.string().nullable(),
  source: z.enum(['typed', 'import', 'demo']).nullable(),
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});

export const SetTenantFactRequest = z.object({ key: z.string().min(1).max(80), value: z.string().max(500), by: ActorName });

export const TimelineEntry = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  event: z.string(),
  kind: z.enum(['at', 'by']),
  sources: list(z.string()),
  at: z.string().nullable(),
  remainingMs: z.number().nullable(),
  status: z.enum(['waiting', 'upcoming', 'passed']),
  countdown: z.string(),
});

const ApnsConfirmation = z.object({ by: z.string(), at: z.string(), note: z.string() });

export const ApnsReminder = z.object({
  visible: z.boolean(),
  reason: z.enum(['confirm-after-switch', 'expires-soon', 'in-grace-period', 'expired']).nullable(),
  appleId: z.string().nullable(),
  topic: z.string().nullable(),
  expiresAt: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  graceEndsAt: z.string().nullable(),
  graceDays: z.number().int(),
  renewalRule: z.string(),
  sources: list(z.string()),
  confirmation: ApnsConfirmation.nullable(),
});

/** The timeline and the banner, computed on the real clock when asked (never the data date). */
export const SwitchStatus = z.object({ now: z.string(), switchedAt: z.string().nullable(), timeline: list(TimelineEntry), apns: ApnsReminder });

export const ApnsConfirmRequest = z.object({ by: ActorName, note: Note });

// --- Waves ------------------------------------------------------------------------------------

export const WAVE_STATES = ['planned', 'moved', 'verified'] as const;
export const WaveState = z.enum(WAVE_STATES);

export const Wave = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  isPilot: z.boolean(),
  state: WaveState,
  movedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  userCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});

const WaveId = z.number().int().min(1);
const RuleId = z.string().regex(/^[A-Z][A-Z0-9_]{2,60}$/);

/** Which users a wave query selects; every filter is optional and all given ones apply. */
export const UserFilter = z.object({
  collectionId: z.string().min(1).max(40).optional(),
  platform: z.string().min(1).max(40).optional(),
  licence: z.enum(['licensed', 'unlicensed']).optional(),
  rule: RuleId.optional(),
  search: z.string().max(200).optional(),
  wave: z.union([WaveId, z.literal('none')]).optional(),
});

/** A column the exports may leave empty. */
const Optional = z.string().nullable();
const Id = z.number().int();

export const WaveUserRow = z.object({ id: Id, userPrincipalName: Optional, displayName: Optional, licensed: z.boolean(), waveId: Id.nullable(), deviceCount: Id });

/** `reason`: the rule that keeps a non-moving device from moving with its user. */
export const WaveDeviceRow = z.object({
  id: Id,
  platform: z.string(),
  ...{ name: Optional, serialNumber: Optional, userPrincipalName: Optional, enrollmentType: Optional, lastCheckIn: Optional, reason: Optional },
});

export const WaveFilterOptions = z.object({
  collections: list(z.object({ id: z.string(), name: z.string(), members: z.number().int() })),
  platforms: list(z.string()),
  rules: list(z.object({ id: z.string(), title: z.string() })),
});

export const CreateWaveRequest = z.object({ name: z.string().trim().min(1, 'A wave needs a name.').max(120), pilot: z.boolean().default(false), by: ActorName });
export const AddUsersRequest = z
  .object({ waveId: WaveId, userIds: z.array(z.number().int().min(1)).min(1).max(5000).optional(), filter: UserFilter.optional(), by: ActorName })
  .refine((request) => (request.userIds === undefined) !== (request.filter === undefined), 'Give either user ids or a filter.');
export const RemoveUsersRequest = z.object({ waveId: WaveId, userIds: z.array(z.number().int().min(1)).min(1).max(5000), by: ActorName });
export const WaveTickRequest = z.object({ waveId: WaveId, checkId: CheckId, by: ActorName, note: Note });
export const SetWaveStateRequest = z.object({ waveId: WaveId, state: WaveState, at: IsoTime.optional(), by: ActorName });

export type CheckView = z.output<typeof CheckView>;
export type StepView = z.output<typeof StepView>;
export type PhaseView = z.output<typeof PhaseView>;
export type WizardView = z.output<typeof WizardView>;
export type SignOff = z.output<typeof SignOff>;
export type GateReasons = z.output<typeof GateReasons>;
export type TenantFact = z.output<typeof TenantFact>;
export type TimelineEntry = z.output<typeof TimelineEntry>;
export type ApnsReminder = z.output<typeof ApnsReminder>;
export type SwitchStatus = z.output<typeof SwitchStatus>;
export type Wave = z.output<typeof Wave>;
export type WaveState = z.output<typeof WaveState>;
export type UserFilter = z.output<typeof UserFilter>;
export type WaveUserRow = z.output<typeof WaveUserRow>;
export type WaveDeviceRow = z.output<typeof WaveDeviceRow>;
export type WaveFilterOptions = z.output<typeof WaveFilterOptions>;
