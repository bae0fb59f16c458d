import type { CsvMappedKind } from './importKind.js';
import { DEVICE_TABLES } from '../stores/deviceStore.js';
import { intuneDeviceRows, type IntuneDeviceField } from './intuneDeviceRows.js';

/**
 * Intune admin centre > Devices > All devices > Export (brief §4a), as the CSV or the zip. Its
 * rows are mapped by intuneDeviceRows, where the file is tokenized; this writes them.
 */
export const intuneDeviceCsv: CsvMappedKind<IntuneDeviceField> = {
  id: intuneDeviceRows.id,
  label: 'Intune device export (CSV)',
  source: 'intune',
  order: 20,
  format: 'csv',
  columns: intuneDeviceRows.columns,
  mapper: intuneDeviceRows,
  signature: ['deviceId', 'deviceName', 'serialNumber', 'managedBy'],
  bulkTables: DEVICE_TABLES,
  clear: ({ stores, source }) => stores.devices.clearSource(source),
  writer({ stores, source, batchId }) {
    const devices = stores.devices.beginSource(source, batchId);
    return {
      end: () => devices.end(),
      write: (row, issues) => devices.upsertMapped(row, issues),
    };
  },
};
