import { openSnapshot, type Snapshot } from '../../core/snapshot/openSnapshot.js';
import {
  answerQuestion,
  confirmApnsRenewed,
  getWizard,
  listWaves,
  overrideGate,
  recordSwitch,
  snapshotApnsReminder,
  signOffStep,
  snapshotTimeline,
  tickCheck,
  untickCheck,
  type ApnsReminder,
  type CheckView,
  type TimelineEntry,
  type Wave,
  type WizardView,
} from '../../core/wizard/index.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { actorFlag, isoTimeFlag, keyValueFlag, parseFlags, requiredFlag } from '../parseFlags.js';

/** `wizard --json`: the wizard view plus the timeline, the APNs banner and the waves (docs/wizard-json.md). */
export interface WizardJson extends WizardView {
  readonly timeline: readonly TimelineEntry[];
  readonly apns: ApnsReminder;
  readonly waves: readonly Wave[];
}

export const wizardCommand: CliCommand = {
  name: 'wizard',
  summary: 'Show the migration wizard (phases, steps, open checks, the gate, the next step) or record progress',
  usage: [
    'mdm-migrate wizard --db FILE [--json]',
    '       mdm-migrate wizard --db FILE --check CHECK_ID [--note TEXT] [--by NAME]',
    '       mdm-migrate wizard --db FILE --uncheck CHECK_ID [--note TEXT] [--by NAME]',
    '       mdm-migrate wizard --db FILE --answer QUESTION_ID=VALUE… [--by NAME]',
    '       mdm-migrate wizard --db FILE --override --justification TEXT --by NAME',
    '       mdm-migrate wizard --db FILE --switch [--at ISO_TIME] [--by NAME]',
    '       mdm-migrate wizard --db FILE --confirm-apns [--note TEXT] [--by NAME]',
    '       mdm-migrate wizard --db FILE --sign-off STEP_ID [--role consultant|customer|…] [--note TEXT] [--by NAME]',
  ].join('\n'),
  help: 'Check and question ids are listed by "mdm-migrate wizard --db FILE"; --by defaults to the signed-in user. Every change is audited.',
  async run(args, io) {
    const { values } = parseFlags(this, args, {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      check: { type: 'string' },
      uncheck: { type: 'string' },
      answer: { type: 'string', multiple: true },
      override: { type: 'boolean', default: false },
      justification: { type: 'string' },
      switch: { type: 'boolean', default: false },
      at: { type: 'string' },
      'confirm-apns': { type: 'boolean', default: false },
      'sign-off': { type: 'string' },
      role: { type: 'string' },
      note: { type: 'string' },
      by: { type: 'string' },
    });
    const file = requiredFlag(this, values.db, '--db');
    const actions = [values.check !== undefined, values.uncheck !== undefined, values.answer !== undefined, values.override, values.switch, values['confirm-apns'], values['sign-off'] !== undefined];
    if (actions.filter(Boolean).length > 1) throw new UsageError('give one of --check, --uncheck, --answer, --override, --switch, --confirm-apns, --sign-off', this);
    if (values.role !== undefined && values['sign-off'] === undefined) throw new UsageError('--role goes with --sign-off', this);
    if (values.override && (!values.justification?.trim() || !values.by?.trim())) throw new UsageError('--override needs --justification TEXT and --by NAME', this);
    if (values.justification !== undefined && !values.override) throw new UsageError('--justification goes with --override', this);
    if (values.at !== undefined && !values.switch) throw new UsageError('--at goes with --switch', this);
    const at = isoTimeFlag(this, values.at, '--at');
    const answers = (values.answer ?? []).map((raw) => keyValueFlag(this, raw, '--answer'));

    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      const by = actorFlag(values.by);
      const note = values.note;
      let done: string | null = null;
      if (values.check !== undefined) {
        tickCheck(snapshot, { checkId: values.check, by, note });
        done = `Ticked ${values.check}.`;
      } else if (values.uncheck !== undefined) {
        done = untickCheck(snapshot, { checkId: values.uncheck, by, note }) ? `Unticked ${values.uncheck}.` : `${values.uncheck} was not ticked.`;
      } else if (answers.length > 0) {
        snapshot.db.transaction(() => {
          for (const answer of answers) answerQuestion(snapshot, { questionId: answer.key, value: answer.value, by });
        })();
        done = `Recorded ${answers.length} answer${answers.length === 1 ? '' : 's'}.`;
      } else if (values.override) {
        const override = overrideGate(snapshot, { justification: values.justification!, by });
        done = `Overrode the gate of ${override.stepId} (${override.openAtOverride.blockers.length} blocker(s), ${override.openAtOverride.checks.length} open check(s)).`;
      } else if (values.switch) {
        done = `Recorded the switch at ${recordSwitch(snapshot, { by, at }).at}.`;
      } else if (values['sign-off'] !== undefined) {
        const signOff = signOffStep(snapshot, { stepId: values['sign-off'], role: values.role, note, by });
        done = `Signed off ${signOff.stepId} as ${signOff.by}${signOff.role ? ` (${signOff.role})` : ''}.`;
      } else if (values['confirm-apns']) {
        confirmApnsRenewed(snapshot, { by, note });
        done = 'Confirmed the APNs certificate is present and renewed under the new authority.';
      }
      const view = wizardJson(snapshot, new Date());
      if (values.json) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
      else io.stdout.write(`${done ? `${done}\n\n` : ''}${wizardText(snapshot.fileName, view)}`);
      return 0;
    } finally {
      snapshot.close();
    }
  },
};

export function wizardJson(snapshot: Snapshot, now: Date): WizardJson {
  const wizard = getWizard(snapshot, { now });
  return { ...wizard, timeline: snapshotTimeline(snapshot, now), apns: snapshotApnsReminder(snapshot, now), waves: listWaves(snapshot) };
}

const STATE = { not_started: 'not started', in_progress: 'in progress', done: 'done', blocked: 'BLOCKED' } as const;
const MARK = { done: '[x]', open: '[ ]', unknown: '[?]' } as const;

function checkLine(check: CheckView): string {
  return `      ${MARK[check.state]} ${check.id}  ${check.label}${check.required ? '' : ' (optional)'}: ${check.detail}`;
}

function wizardText(fileName: string, view: WizardJson): string {
  const lines = [
    `Snapshot      ${fileName}`,
    `Playbook      ${view.playbook.title} (${view.playbook.id} v${view.playbook.version})`,
    ...view.changes.map((change) => `  changed since this snapshot's v${view.startedWithVersion}: v${change.version} ${change.summary}`),
    `Progress      ${view.progress.done} of ${view.progress.total} checks done; ${view.progress.requiredOpen} required still open`,
    `Current step  ${view.currentStepId}    Next step ${view.nextStepId ?? 'none: the playbook is finished'}`,
    '',
  ];
  for (const phase of view.phases) {
    lines.push(`Phase ${phase.id}: ${phase.title}  [${STATE[phase.state]}] ${phase.done}/${phase.total}`);
    for (const step of phase.steps) {
      const marker = step.id === view.currentStepId ? '>' : ' ';
      lines.push(`  ${marker} ${step.id}  ${step.title}  [${STATE[step.state]}] ${step.done}/${step.total}${step.recorded ? `  recorded ${step.recorded.at}` : ''}`);
      lines.push(...step.signOffs.map((signOff) => `      signed off by ${signOff.by}${signOff.role ? ` (${signOff.role})` : ''} on ${signOff.at.slice(0, 10)}${signOff.note ? `: ${signOff.note}` : ''}`));
      lines.push(...step.checks.filter((check) => check.state !== 'done').map(checkLine));
    }
  }
  lines.push('');
  for (const gate of view.gates) {
    const reasons = `${gate.reasons.blockers.length} blocker finding(s) (${gate.reasons.blockers.map((blocker) => blocker.rule).join(', ') || 'none'}) and ${gate.reasons.checks.length} open required check(s) before it`;
    if (gate.override) lines.push(`Gate ${gate.stepId}: OVERRIDDEN by ${gate.override.by} on ${gate.override.at.slice(0, 10)}: "${gate.override.justification}"`);
    else if (gate.blocked) lines.push(`Gate ${gate.stepId}: BLOCKED by ${reasons}.`, '  Resolve them, or: mdm-migrate wizard --db FILE --override --justification TEXT --by NAME');
    else lines.push(`Gate ${gate.stepId}: open.`);
  }
  const known = view.timeline.filter((entry) => entry.at !== null);
  const recorded = view.events.map((event) => `${event.eventId} at ${event.at} (recorded by ${event.recordedBy})`);
  lines.push(`Recorded      ${recorded.join('; ') || `not yet; record "${view.playbook.switchEvent.label}" with mdm-migrate wizard --db FILE --switch [--at ISO_TIME]`}`);
  if (known.length > 0) {
    lines.push('', 'Timeline');
    lines.push(...known.map((entry) => `  ${entry.at!.slice(0, 16).replace('T', ' ')} UTC  ${entry.label.padEnd(36)} ${entry.countdown}`));
  }
  if (view.apns.visible) {
    lines.push(
      '',
      `APNs certificate (${view.apns.reason}): Apple ID ${view.apns.appleId ?? 'unknown'}, topic ${view.apns.topic ?? 'unknown'}, expires ${view.apns.expiresAt?.slice(0, 10) ?? 'unknown'}` +
        `${view.apns.daysLeft === null ? '' : ` (${view.apns.daysLeft} days)`}; ${view.apns.graceDays}-day grace period after expiry.`,
      `  ${view.apns.renewalRule}`,
      '  Once renewed under the new authority: mdm-migrate wizard --db FILE --confirm-apns',
    );
  }
  if (view.waves.length > 0) {
    lines.push('', 'Waves');
    lines.push(...view.waves.map((wave) => `  ${wave.name}${wave.isPilot ? ' (pilot)' : ''}: ${wave.userCount} users, ${wave.state}${wave.movedAt ? ` ${wave.movedAt}` : ''}`));
  }
  return `${lines.join('\n')}\n`;
}
