import { describe, expect, it } from 'vitest';
import { importFiles, inspectImportFiles } from '../../../electron/core/importers/importService.js';
import { DOCS_APNS_CERTIFICATE_GET, DOCS_MANAGED_DEVICES_LIST } from '../../support/graphDocsExamples.js';
import { useTempDir } from '../../support/tempDir.js';
import { importHarness, rows } from './importSupport.js';

const dir = useTempDir();
const h = importHarness(dir);

describe('Graph documents in the shape the Graph documentation shows', () => {
  it("imports the documentation's example responses for managedDevices (list) and applePushNotificationCertificate (get) cleanly", async () => {
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [h.json('managedDevices-list.json', DOCS_MANAGED_DEVICES_LIST), h.json('apns-get.json', DOCS_APNS_CERTIFICATE_GET)]);
    expect(outcome.files.map((file) => [file.kind, file.rowsAccepted, file.rowsRejected, file.warnings])).toEqual([
      ['graph-managed-devices', 1, 0, 0],
      ['graph-apns', 1, 0, 0],
    ]);
    expect(outcome.files[1]!.decidedBy).toEqual(['@odata.type #microsoft.graph.applePushNotificationCertificate']);
    expect(rows(snapshot, 'SELECT intune_device_id, name, ownership, management_agent, enrolled_at FROM devices')).toEqual([
      { intune_device_id: '705c034c-034c-705c-4c03-5c704c035c70', name: 'Device Name value', ownership: 'company', management_agent: 'mdm', enrolled_at: '2017-01-01T07:59:43.797Z' },
    ]);
    expect(rows(snapshot, 'SELECT id, apple_id, topic, expires_at FROM apns_certificates')).toEqual([
      { id: 'c4c8f047-f047-c4c8-47f0-c8c447f0c8c4', apple_id: 'Apple Identifier value', topic: 'Topic Identifier value', expires_at: '2017-01-01T07:57:57.248Z' },
    ]);
    snapshot.close();
  });

  const wrapped: [string, object][] = [
    ['graph-organization', { '@odata.type': '#microsoft.graph.organization', id: 't', displayName: 'Contoso', mobileDeviceManagementAuthority: 'sccm' }],
    ['graph-dep', { '@odata.type': '#microsoft.graph.depOnboardingSetting', id: 'dep1', tokenName: 'ADE', tokenExpirationDateTime: '2027-02-01T00:00:00Z' }],
    ['graph-vpp', { '@odata.type': '#microsoft.graph.vppToken', id: 'vpp1', organizationName: 'Contoso', vppTokenAccountType: 'business', expirationDateTime: '2027-03-01T00:00:00Z' }],
    ['graph-managed-devices', { '@odata.type': '#microsoft.graph.managedDevice', id: 'd1', deviceName: 'D1' }],
    ['graph-users', { '@odata.type': '#microsoft.graph.user', id: 'u1', userPrincipalName: 'ann@contoso.com' }],
    ['graph-device-categories', { '@odata.type': '#microsoft.graph.deviceCategory', id: 'c1', displayName: 'Sales' }],
    // No @odata.type: the fields say which resource it is.
    ['graph-apns', { id: 'apns', appleIdentifier: 'mdm@contoso.com', topicIdentifier: 'com.apple.mgmt.x', expirationDateTime: '2027-01-15T00:00:00Z' }],
  ];

  it.each(wrapped)('reads {"value": {…}} as one %s', async (kind, resource) => {
    const file = h.json(`${kind}.json`, { value: resource });
    const snapshot = h.open();
    const outcome = await importFiles(snapshot, [file]);
    snapshot.close();
    expect(outcome.files[0]).toMatchObject({ status: 'imported', kind, rowsAccepted: 1, rowsRejected: 0 });
  });

  it('still refuses a page whose value is an object of no known shape', async () => {
    const [inspected] = await inspectImportFiles([h.json('odd.json', { value: { id: '1', colour: 'blue' } })]);
    expect(inspected!.error!.message).toBe('odd.json: the Graph page\'s "value" is not a list (found an object).');
  });
});
