import { APNS_DEADLINES, APNS_EXPIRY_EVENT } from './appleDeadlines.js';
import { READ_AUTHORITY_CHECKS } from './authorityChecks.js';
import type { Playbook } from './types.js';

/**
 * Office 365 MDM (Basic Mobility and Security) coexistence with Intune: brief §6, with §0.2b's
 * "Coexistence direction". Each user's licence decides which service manages their devices, so
 * users move by being licensed for Intune, in waves; a wave's devices switch at their next
 * check-in.
 */
export const OFFICE365_COEXISTENCE: Playbook = {
  id: 'office365-coexistence',
  version: 1,
  changes: [],
  title: 'Office 365 MDM coexistence',
  summary:
    'Run Office 365 MDM (Basic Mobility) and Intune side by side: prepare licences and replacement policies, activate coexistence, then license users for Intune in waves.',
  events: [{ id: 'coexistence-activated', label: 'Coexistence activated', from: 'recorded', recordAction: 'Record the activation' }, APNS_EXPIRY_EVENT],
  switchEvent: 'coexistence-activated',
  deadlines: [
    {
      id: 'licence-holders-switched',
      label: 'Existing Intune licence holders switched',
      description:
        'Users who already held an Intune licence switch once coexistence is on, at their devices\' next check-in (scheduled within about 8 hours; a Company Portal check-in speeds it up; the 8 hours are an inference from the scheduled check-in).',
      event: 'coexistence-activated',
      offsetMinutes: 8 * 60,
      kind: 'by',
      sources: ['S7a', 'S7b'],
    },
    ...APNS_DEADLINES,
  ],
  phases: [
    {
      id: '0',
      title: 'Order of work',
      summary: 'Coexistence is a standalone feature: a tenant still hybrid finishes hybrid to Intune standalone first.',
      steps: [
        {
          id: 'co-order',
          title: 'Finish hybrid to standalone first',
          actions: [
            'Read the authority: Intune admin centre > Tenant administration (Graph organization.mobileDeviceManagementAuthority).',
            'sccm (hybrid): run the hybrid MDM to Intune standalone playbook to its end first; Office 365 MDM devices stop being managed if the tenant moves to hybrid.',
            'intune: coexistence means activating Office 365 MDM alongside Intune. office365: coexistence means adding Intune as an authority.',
          ],
          prerequisites: [],
          risks: ['Enabling coexistence on a hybrid tenant leaves Office 365 MDM devices unmanaged.'],
          sources: ['S7a', 'S7b', 'S9'],
          checks: [
            ...READ_AUTHORITY_CHECKS,
            { kind: 'manual', id: 'm-not-hybrid', label: 'The tenant is not hybrid (or hybrid to standalone is finished)' },
          ],
        },
      ],
    },
    {
      id: '1',
      title: 'Preparation',
      summary: 'Count licences, find who switches at once, and build the Intune policies every mover needs before anyone is licensed.',
      steps: [
        {
          id: 'co-licence-counts',
          title: 'Count licences',
          actions: [
            'Microsoft 365 admin centre > Billing > Licenses: Intune-entitling licences (Intune, EMS, Microsoft 365) available against the users who will move.',
            'Basic Mobility users are those holding INTUNE_O365 without INTUNE_A (USR_O365_MDM_ONLY); decide for each whether they stay or move.',
          ],
          prerequisites: ['An Entra users export with licences and service plans is imported.'],
          risks: ['A user without an Intune licence stays on Basic Mobility.'],
          sources: ['S7a', 'S17'],
          checks: [
            { kind: 'manual', id: 'm-licence-count', label: 'Enough Intune licences for every user who will move' },
            { kind: 'automatic', id: 'a-basic-mobility-users', label: 'Each Basic Mobility user decided: stays, or moves in a wave', rules: ['USR_O365_MDM_ONLY'], required: false },
          ],
        },
        {
          id: 'co-existing-holders',
          title: 'Users who already hold Intune licences',
          actions: [
            'List users who already hold an Intune licence and have devices under Basic Mobility: they switch as soon as coexistence is on, not in a wave.',
            'To keep a user on Office 365 MDM only, remove their Intune and EMS licences.',
          ],
          prerequisites: [],
          risks: ['Their devices switch at the next check-in after activation, before any wave; without Intune policies they lose their Basic Mobility settings unprotected.'],
          sources: ['S7a', 'S7b'],
          checks: [{ kind: 'manual', id: 'm-existing-holders', label: 'Existing Intune licence holders listed and told they switch at once' }],
        },
        {
          id: 'co-replacement-policies',
          title: 'Replacement Intune policies',
          actions: [
            'For every Basic Mobility device security policy, create Intune policies (compliance, configuration, managed email profile) assigned to groups holding every user who will move.',
          ],
          prerequisites: [],
          risks: ['Movers lose settings such as managed email profiles, and email may still ask them to sign in again.'],
          sources: ['S7a'],
          checks: [
            { kind: 'manual', id: 'm-replacement-policies', label: 'Intune policies replace the Basic Mobility policies for every mover', confirmsRule: 'USR_COEXIST_SWITCH' },
          ],
        },
      ],
    },
    {
      id: '2',
      title: 'Activate coexistence',
      summary: 'Add the second authority; the tenant then reads "Managed by Intune and Office 365".',
      steps: [
        {
          id: 'co-activate',
          title: 'Activate coexistence',
          actions: [
            'Tenant on Intune: activate Office 365 MDM alongside it; in 2019 https://protection.office.com > Data Loss Prevention > Device Security Policies > View list of Managed Devices > Let\'s get started (today Basic Mobility and Security).',
            'Tenant on Office 365 MDM: Intune admin centre > Devices > Add MDM Authority > Intune MDM Authority > Add (Global Administrator or Intune Service Administrator).',
            'Record the time here: existing Intune licence holders switch from now on.',
          ],
          prerequisites: ['Licences counted and replacement policies assigned.'],
          risks: ['License users for Intune only after activating: licensing first moves them at once.'],
          sources: ['S7a', 'S7b'],
          records: 'coexistence-activated',
          checks: [{ kind: 'manual', id: 'm-coexistence-active', label: 'Tenant administration shows "Managed by Intune and Office 365"' }],
        },
      ],
    },
    {
      id: '3',
      title: 'License users in waves',
      summary: 'Each wave of Basic Mobility users is licensed for Intune; their devices switch at their next check-in.',
      steps: [
        {
          id: 'co-waves',
          title: 'License each wave for Intune',
          actions: [
            'Waves page: build waves from users with the finding USR_O365_MDM_ONLY; the wave shows the devices that switch at their next check-in.',
            'License the wave (group-based licensing on a group per wave), tell its users, then re-import the Entra users export: the wave\'s checks turn green.',
            'Basic Mobility settings are removed from each device as it switches.',
          ],
          prerequisites: ['Coexistence is active; replacement policies are assigned to the wave\'s users.'],
          risks: ['Email may ask users to sign in again after the switch.', 'Intune device categories may also prompt Office 365 MDM users (memdocs #520, unanswered).'],
          sources: ['S7a', 'memdocs #520'],
          checks: [{ kind: 'manual', id: 'm-waves-licensed', label: 'Every planned wave licensed and verified' }],
        },
      ],
    },
    {
      id: '4',
      title: 'Caveats',
      summary: 'What coexistence cannot undo.',
      steps: [
        {
          id: 'co-cannot-unprovision',
          title: 'Basic Mobility cannot be unprovisioned',
          actions: ['Once activated, Basic Mobility stays: only its device security policies can be turned off. Turn them off once no user depends on them.'],
          prerequisites: [],
          risks: ['A customer expecting to remove Office 365 MDM later cannot.'],
          sources: ['S7a'],
          checks: [{ kind: 'manual', id: 'm-told-unprovision', label: 'Customer told Basic Mobility cannot be unprovisioned' }],
        },
      ],
    },
  ],
  waves: {
    // Without a user there is no licence to move a device.
    nonMovingRules: ['DEV_USERLESS'],
    sources: ['S7a'],
    checks: [
      { kind: 'automatic', id: 'w-replacement-policies', label: 'Replacement Intune policies ready for this wave', rules: ['USR_COEXIST_SWITCH'] },
      { kind: 'automatic', id: 'w-licensed', label: 'Every user of this wave now holds an Intune licence', rules: ['USR_O365_MDM_ONLY'] },
      { kind: 'automatic', id: 'w-plan-enabled', label: 'The Intune plan is enabled for every user of this wave', rules: ['USR_INTUNE_PLAN_DISABLED'] },
      { kind: 'manual', id: 'w-users-told', label: 'Users told: devices switch at their next check-in and email may ask them to sign in again' },
      { kind: 'manual', id: 'w-switched', label: 'The wave\'s devices show in Intune after their next check-in' },
    ],
  },
};
