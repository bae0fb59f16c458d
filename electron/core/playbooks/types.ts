/**
 * A playbook is a migration procedure as data: phases, steps, checks, the gated step, the
 * events it records, the deadlines measured from them, and the per-wave checklist. The wizard
 * engine (core/wizard) and every screen render from this; nothing phase- or step-specific is
 * written anywhere else, so a new playbook is a new data file.
 */

/** Green when none of the rules has an open item (decided items count as closed). */
export interface AutomaticCheck {
  readonly kind: 'automatic';
  readonly id: string;
  readonly label: string;
  readonly rules: readonly string[];
  /** A required check that is not green keeps later gated steps closed. Default true. */
  readonly required?: boolean;
}

/** Answered when the tenant fact has a value. */
export interface QuestionCheck {
  readonly kind: 'question';
  readonly id: string;
  readonly label: string;
  /** A key of TENANT_FACTS. */
  readonly fact: string;
  readonly required?: boolean;
}

/** Ticked by the consultant, with name, time and note. */
export interface ManualCheck {
  readonly kind: 'manual';
  readonly id: string;
  readonly label: string;
  /**
   * A rule the snapshot cannot evaluate from data (importer exports, post-switch state): the
   * tick confirms it, and its finding reads "confirmed by NAME on DATE".
   */
  readonly confirmsRule?: string;
  readonly required?: boolean;
}

export type CheckDefinition = AutomaticCheck | QuestionCheck | ManualCheck;
export type CheckKind = CheckDefinition['kind'];

export interface StepDefinition {
  readonly id: string;
  readonly title: string;
  /** What to do, in order, with console paths and cmdlets. */
  readonly actions: readonly string[];
  readonly prerequisites: readonly string[];
  readonly risks: readonly string[];
  /** The brief's source tags, e.g. ['S4', 'S19 #1356']. */
  readonly sources: readonly string[];
  readonly checks: readonly CheckDefinition[];
  /**
   * The step stays blocked while a blocker finding is open or a required check of an earlier
   * phase is open, unless overridden with a written justification.
   */
  readonly gated?: boolean;
  /** An event this step records (e.g. the switch time); the step is done once it is recorded. */
  readonly records?: string;
}

export interface PhaseDefinition {
  /** '0' … '7', '4b'. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly StepDefinition[];
}

/**
 * A point in time deadlines are measured from: one a step records (`recorded`), or one read
 * from the snapshot's data (`apnsExpiry`: the tenant APNs certificate's expiry).
 */
export interface EventDefinition {
  readonly id: string;
  readonly label: string;
  readonly from: 'recorded' | 'apnsExpiry';
  /** For a recorded event: the words of the button that records it ("Record the switch"). */
  readonly recordAction?: string;
}

export interface DeadlineDefinition {
  readonly id: string;
  readonly label: string;
  /** What should have happened by then, and what to do if it has not. */
  readonly description: string;
  readonly event: string;
  /** Offset from the event in minutes (0 = the event itself). */
  readonly offsetMinutes: number;
  /** 'at': expected at about that time; 'by': at the latest (a window's end). */
  readonly kind: 'at' | 'by';
  readonly sources: readonly string[];
}

/** A playbook that moves no one in waves has empty lists. */
export interface WaveChecklist {
  /** Rules whose devices do not move with their user (shown as "will not move", with the rule's remediation); the first that matches names the reason, so the most specific comes first. */
  readonly nonMovingRules: readonly string[];
  /** Automatic checks count only the items that touch the wave's users and their devices. */
  readonly checks: readonly (AutomaticCheck | ManualCheck)[];
  readonly sources: readonly string[];
}

/**
 * What one version of a playbook changed, written by whoever raises the version. Old versions
 * are not kept as data, so this is how a snapshot started with an older version learns what is
 * new, gone or renamed since (its ticks and answers stay as they were).
 */
export interface PlaybookChange {
  /** The version this change produced (2 for the first change). */
  readonly version: number;
  readonly summary: string;
  readonly stepsAdded?: readonly string[];
  /** Removed steps keep their id and title here: the snapshot may hold ticks recorded against them. */
  readonly stepsRemoved?: readonly { readonly id: string; readonly title: string }[];
  readonly stepsRenamed?: readonly { readonly id: string; readonly from: string }[];
}

export interface Playbook {
  readonly id: string;
  /** Raised whenever phases, steps or checks change; the snapshot records the version it was made with. */
  readonly version: number;
  /** One entry per version after the first, oldest first. */
  readonly changes: readonly PlaybookChange[];
  readonly title: string;
  readonly summary: string;
  readonly phases: readonly PhaseDefinition[];
  readonly events: readonly EventDefinition[];
  /** The recorded event "record the switch" records; the APNs reminder starts from it. */
  readonly switchEvent: string;
  readonly deadlines: readonly DeadlineDefinition[];
  readonly waves: WaveChecklist;
}
