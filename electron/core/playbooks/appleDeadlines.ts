import type { DeadlineDefinition, EventDefinition } from './types.js';

/**
 * The tenant APNs certificate's expiry and what follows it. Every playbook that manages Apple
 * devices through Intune depends on the one certificate, whatever the migration, so they share
 * these rather than each keeping a copy that could drift.
 */
export const APNS_EXPIRY_EVENT: EventDefinition = { id: 'apns-expiry', label: 'APNs certificate expiry', from: 'apnsExpiry' };

export const APNS_DEADLINES: readonly DeadlineDefinition[] = [
  {
    id: 'apns-expiry',
    label: 'APNs certificate expires',
    description: 'Renew the same certificate with the same Apple ID before this day (Intune > Devices > Enroll devices > Apple enrollment > Apple MDM Push Certificate); never create a new one.',
    event: APNS_EXPIRY_EVENT.id,
    offsetMinutes: 0,
    kind: 'by',
    sources: ['S15'],
  },
  {
    id: 'apns-grace-end',
    label: 'APNs grace period ends',
    description: 'Thirty days after expiry the certificate can no longer be renewed; Apple devices become unreachable and must re-enroll with a new certificate.',
    event: APNS_EXPIRY_EVENT.id,
    offsetMinutes: 30 * 24 * 60,
    kind: 'by',
    sources: ['S15'],
  },
];
