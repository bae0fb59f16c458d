import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_FACT_COLUMN_NAMES,
  DEVICE_FACT_ORDER,
  DEVICE_LINKED_COLUMNS,
  deviceFactValues,
  type DeviceFacts,
} from '../../../electron/core/snapshot/deviceColumns.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { useTempDir } from '../../support/tempDir.js';

const dir = useTempDir();

describe('deviceFactValues', () => {
  it('lists every fact in DEVICE_FACT_ORDER, the order the INSERTs bind', () => {
    const named = Object.fromEntries(DEVICE_FACT_ORDER.map((fact) => [fact, fact])) as unknown as DeviceFacts;
    expect(deviceFactValues(named)).toEqual(DEVICE_FACT_ORDER);
    expect(deviceFactValues({})).toEqual(DEVICE_FACT_ORDER.map(() => null));
  });
});

describe('the device column declaration', () => {
  it('names every column of the devices table the migrations build, and no other', () => {
    const snapshot = openSnapshot(join(dir(), 'columns.mdmsnap'), { create: true });
    const columns = (snapshot.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('devices') as string[]).sort();
    snapshot.close();
    expect(['id', ...DEVICE_FACT_COLUMN_NAMES, ...DEVICE_LINKED_COLUMNS].sort()).toEqual(columns);
  });
});
