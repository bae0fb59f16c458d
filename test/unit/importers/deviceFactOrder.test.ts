import { describe, expect, it } from 'vitest';
import { DEVICE_FACT_ORDER, deviceFactValues, type DeviceFacts } from '../../../electron/core/importers/stores/deviceStore.js';

describe('deviceFactValues', () => {
  it('lists every fact in DEVICE_FACT_ORDER, the order the INSERTs bind', () => {
    const named = Object.fromEntries(DEVICE_FACT_ORDER.map((fact) => [fact, fact])) as unknown as DeviceFacts;
    expect(deviceFactValues(named)).toEqual(DEVICE_FACT_ORDER);
    expect(deviceFactValues({})).toEqual(DEVICE_FACT_ORDER.map(() => null));
  });
});
