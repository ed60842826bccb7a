import { describe, expect, it } from 'vitest';
import { CAMERAS, camerasFor, profilesOf, vehicleEvalOptions } from './vehicleEval';

const options = { dataset: 'faces', out: 'out.json', vehicles: '2' };

describe('vehicle eval cameras', () => {
  it('mounts the rear-rows camera at the height asked, the driver camera and everything else as by default', () => {
    const parsed = vehicleEvalOptions.parse({ ...options, rearMountHeight: '2.5' });
    const cameras = camerasFor(parsed.rearMountHeight);
    const [driver, rear] = cameras;
    expect(driver).toEqual(CAMERAS[0]);
    expect(rear?.geometry).toEqual({ ...CAMERAS[1]?.geometry, mountHeightM: 2.5 });
    // The lane's profile follows the camera: its seat regions come from the geometry it is given.
    expect(profilesOf('lane', cameras).rear?.regions).not.toEqual(profilesOf('lane').rear?.regions);
    expect(vehicleEvalOptions.parse(options).rearMountHeight).toBeUndefined();
  });

  it('refuses a mounting height no camera has', () => {
    expect(vehicleEvalOptions.safeParse({ ...options, rearMountHeight: '40' }).success).toBe(false);
  });
});
