import { APNS_DEADLINES, APNS_EXPIRY_EVENT } from './appleDeadlines.js';
import { READ_AUTHORITY_CHECKS } from './authorityChecks.js';
import type { Playbook } from './types.js';

/**
 * Setting the MDM authority on a tenant where it is not set yet: Microsoft's 2019 page "Set the
 * mobile device management authority" (S7b, `set-mdm-authority-2019.txt` beside the brief), with
 * the brief's §0.2b note on where the authority shows today. S7a (2021) adds that new tenants
 * from Intune 1911 get the authority Intune automatically.
 */
export const SET_AUTHORITY: Playbook = {
  id: 'set-authority',
  version: 1,
  changes: [],
  title: 'Set the MDM authority',
  summary:
    'A tenant whose MDM authority is not set yet: choose Intune or MDM for Office 365, set it, give the consents for Apple and Google, and keep in mind what cannot be undone.',
  events: [{ id: 'authority-set', label: 'MDM authority set', from: 'recorded', recordAction: 'Record the authority set' }, APNS_EXPIRY_EVENT],
  switchEvent: 'authority-set',
  deadlines: [
    {
      id: 'apns-upload',
      label: 'Upload the APNs certificate',
      description: 'iOS and macOS devices cannot enroll until the Apple MDM push certificate is uploaded: upload it right after setting the authority.',
      event: 'authority-set',
      offsetMinutes: 0,
      kind: 'by',
      sources: ['S7b'],
    },
    ...APNS_DEADLINES,
  ],
  phases: [
    {
      id: '1',
      title: 'Before setting it',
      summary: 'Confirm the authority is not set yet and choose which service manages the devices.',
      steps: [
        {
          id: 'sa-read-authority',
          title: 'Confirm the authority is not set',
          actions: [
            'Intune in the Azure portal shows an orange banner while the MDM authority is not set; it shows only then.',
            'Today: Intune admin centre > Tenant administration shows the MDM authority (the Azure portal blade was retired in August 2020); Graph: GET /organization?$select=mobileDeviceManagementAuthority reads unknown.',
            'Tenants created from Intune 1911 on have the authority Intune already: then there is nothing to set.',
          ],
          prerequisites: ['A Global Administrator or Intune Service Administrator account.'],
          risks: ['A tenant still on Configuration Manager (hybrid) does not belong here: use the hybrid to Intune standalone playbook.'],
          sources: ['S7b', 'S7a', 'S17'],
          checks: [
            ...READ_AUTHORITY_CHECKS,
            { kind: 'manual', id: 'm-orange-banner', label: 'The orange "not set" banner is shown' },
          ],
        },
        {
          id: 'sa-choose',
          title: 'Choose Intune or MDM for Office 365',
          actions: [
            'Intune standalone: cloud-only management with the full set of Intune capabilities, set in the Intune console.',
            'MDM for Office 365: a subset of Intune, run from the Microsoft 365 admin centre.',
            'Office 365 MDM coexistence: both at once, each user\'s licence deciding which service manages their devices (the Office 365 MDM coexistence playbook).',
            'Co-management with Configuration Manager is for Windows 10 devices through auto-enrollment; onboarding new hybrid MDM customers has been deprecated.',
          ],
          prerequisites: ['Know which users, if any, Office 365 MDM alone should manage.'],
          risks: ['The choice is permanent: the authority can never return to Unknown.'],
          sources: ['S7b'],
          checks: [{ kind: 'manual', id: 'm-authority-chosen', label: 'Authority chosen with the customer (write it in the note)' }],
        },
      ],
    },
    {
      id: '2',
      title: 'Set the authority',
      summary: 'Set the chosen authority and record when; for Office 365 MDM only, remove the Intune and EMS licences.',
      steps: [
        {
          id: 'sa-set',
          title: 'Set the MDM authority',
          actions: [
            'Intune: in Intune in the Azure portal select the orange banner; under Mobile Device Management Authority choose Intune MDM Authority. A message says the authority is now Intune.',
            'MDM for Office 365 (or coexistence beside Intune): https://protection.office.com > Data Loss Prevention > Device Security Policies > View list of Managed Devices > Let\'s get started.',
            'Record the time here: the APNs upload and the timeline count from it.',
          ],
          prerequisites: ['The choice of the previous step.'],
          risks: ['The authority can never be changed back to Unknown; the service uses it to decide which portal enrolled devices report to (Intune or Office 365 MDM).'],
          sources: ['S7b'],
          records: 'authority-set',
          checks: [{ kind: 'manual', id: 'm-authority-confirmed', label: 'Tenant administration shows the chosen authority' }],
        },
        {
          id: 'sa-office365-only',
          title: 'Office 365 MDM only: remove Intune and EMS licences',
          actions: [
            'After activating Office 365 MDM, remove any assigned Intune and EMS licences from users who should be managed by Office 365 MDM only (Microsoft 365 admin centre > Users > Licenses and apps).',
          ],
          prerequisites: ['Office 365 MDM is activated.'],
          risks: ['A user who keeps an Intune or EMS licence is managed by Intune, not Office 365 MDM.'],
          sources: ['S7b'],
          checks: [{ kind: 'manual', id: 'm-licences-removed', label: 'Intune and EMS licences removed from Office 365 MDM-only users (or none)', required: false }],
        },
      ],
    },
    {
      id: '3',
      title: 'Consent for Apple and Google',
      summary: 'Enabling Android or Apple management shares device and user data with Google or Apple; each adds a consent, strictly for running the MDM service.',
      steps: [
        {
          id: 'sa-android-work-profiles',
          title: 'Android work profiles',
          actions: ['Intune > Devices > Enroll devices > Android enrollment > Managed Google Play: link the account and accept the consent to share data with Google.'],
          prerequisites: ['A Google account for the organisation, not a person\'s.'],
          risks: ['The consent confirms that the admin authorises Google devices to enroll; record who gave it.'],
          sources: ['S7b'],
          checks: [{ kind: 'manual', id: 'm-consent-android', label: 'Consent for Android work profiles given (or Android not managed)' }],
        },
        {
          id: 'sa-apns',
          title: 'Upload the Apple MDM push certificate',
          actions: [
            'Intune > Devices > Enroll devices > Apple enrollment > Apple MDM Push Certificate: agree to share data with Apple, download the CSR.',
            'At the Apple Push Certificates Portal, create the certificate with a company Apple ID (not a person\'s), download the .pem and upload it with that Apple ID.',
            'Renew it yearly with the same Apple ID; a new certificate forces every Apple device to re-enroll.',
          ],
          prerequisites: ['A company Apple ID that outlives any one administrator.'],
          risks: ['Until the certificate is uploaded, iOS and macOS devices cannot enroll.', 'After expiry there are 30 days of grace; then Apple devices become unreachable.'],
          sources: ['S7b', 'S15'],
          checks: [
            { kind: 'manual', id: 'm-apns-uploaded', label: 'APNs certificate uploaded (or no Apple devices managed)' },
            { kind: 'automatic', id: 'a-apns-apple-id', label: 'Apple ID of the APNs certificate known', rules: ['TEN_APNS_APPLEID_UNKNOWN'], required: false },
          ],
        },
        {
          id: 'sa-apple-services',
          title: 'DEP, School Manager and VPP',
          actions: [
            'Enabling any Apple service adds a consent: Device Enrollment Program (Apple enrollment > Enrollment program tokens), School Manager, Volume Purchase Program (Tenant administration > Connectors and tokens > Apple VPP tokens).',
            'Each token is valid one year; renew it before it expires.',
          ],
          prerequisites: ['The APNs certificate is uploaded.'],
          risks: ['Never load a VPP token into another MDM or tenant.'],
          sources: ['S7b', 'S15'],
          checks: [
            { kind: 'manual', id: 'm-consent-apple-services', label: 'Consent given for each Apple service in use (or none used)' },
            { kind: 'automatic', id: 'a-apple-tokens', label: 'DEP and VPP tokens valid', rules: ['TEN_DEP_TOKEN_EXPIRY', 'TEN_VPP_TOKEN'], required: false },
          ],
        },
      ],
    },
    {
      id: '4',
      title: 'What holds afterwards',
      summary: 'The authority is permanent, Apple enrollment waits for the certificate, and silent devices disappear after 180 days.',
      steps: [
        {
          id: 'sa-permanent',
          title: 'The authority is permanent',
          actions: [
            'The MDM authority can never be changed back to Unknown; moving between services later is a migration (for example Office 365 MDM coexistence).',
            'Never ask Microsoft Support for a full tenant reset: it deletes policies, apps and enrollments.',
          ],
          prerequisites: [],
          risks: [],
          sources: ['S7b', 'S4'],
          checks: [{ kind: 'manual', id: 'm-customer-told-permanent', label: 'Customer told the authority can never return to Unknown' }],
        },
        {
          id: 'sa-first-enrollment',
          title: 'Enroll a first device',
          actions: ['Enroll a new device (an iOS or macOS one only after the APNs upload), see it in the console, send Remote lock: success means the authority manages it.'],
          prerequisites: ['For Apple devices, the APNs certificate is uploaded.'],
          risks: ['An iOS or macOS enrollment before the APNs upload fails.'],
          sources: ['S7b'],
          checks: [{ kind: 'manual', id: 'm-first-enrollment', label: 'A new device enrolled and answered Remote lock' }],
        },
        {
          id: 'sa-stale-devices',
          title: 'Devices that stop checking in',
          actions: [
            'The MDM certificate renews itself while a device talks to the service; a wiped or silent device keeps its expired certificate and is removed from the portal 180 days after it expires.',
            'Explain this to the service desk: a device missing from the portal has not checked in for months.',
          ],
          prerequisites: [],
          risks: ['Counts of managed devices drop as silent devices are removed.'],
          sources: ['S7b'],
          checks: [
            { kind: 'manual', id: 'm-cleanup-explained', label: 'Service desk told about the 180-day removal' },
            { kind: 'automatic', id: 'a-abandoned', label: 'Abandoned devices retired or excluded', rules: ['DEV_ABANDONED'], required: false },
          ],
        },
      ],
    },
  ],
  // Setting the authority licenses and moves no one.
  waves: { nonMovingRules: [], checks: [], sources: [] },
};
