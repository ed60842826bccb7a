import { describe, expect, it } from 'vitest';
import { channelNames } from './channels';
import { simulatorControlKinds, simulatorRefusal } from './simulatorAccess';

describe('simulator access', () => {
  it('classes every sim:* channel of the contract, and nothing else', () => {
    expect(Object.keys(simulatorControlKinds).sort()).toEqual(channelNames.filter((name) => name.startsWith('sim:')).sort());
  });

  it('lets a trainer drive everything, run or not', () => {
    for (const channel of Object.keys(simulatorControlKinds) as (keyof typeof simulatorControlKinds)[]) {
      expect(simulatorRefusal(channel, 'trainer', false)).toBeNull();
      expect(simulatorRefusal(channel, 'trainer', true)).toBeNull();
    }
  });

  it('lets an officer bring arrivals only while no run is open, and cause no fault', () => {
    expect(simulatorRefusal('sim:readDocument', 'officer', false)).toBeNull();
    expect(simulatorRefusal('sim:exitArrives', 'officer', false)).toBeNull();
    expect(simulatorRefusal('sim:vehicleArrives', 'officer', true)).toBe('A training run is open: only its trainer drives sim:vehicleArrives until it ends.');
    expect(simulatorRefusal('sim:setChipFaults', 'officer', false)).toBe('The simulator control sim:setChipFaults is for a signed-in trainer; this connection is signed in as officer.');
  });

  it('refuses nobody signed in and supervisors, naming who may', () => {
    expect(simulatorRefusal('sim:readDocument', null, false)).toBe('Sign in first: the simulator control sim:readDocument needs a signed-in trainer (or officer while no training run is open).');
    expect(simulatorRefusal('sim:setDeviceConnected', 'supervisor', false)).toBe('The simulator control sim:setDeviceConnected is for a signed-in trainer; this connection is signed in as supervisor.');
  });
});
