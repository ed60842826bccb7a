import { describe, expect, it } from 'vitest';
import { defaultGeometryFor, LaneCameraProjection } from './laneCameraGeometry';
import { laneCaptureProfile } from './laneCaptureProfile';
import { seatsForPosition } from './laneCameraLayout';
import { SEAT_HEADS } from './vehicleApproach';

describe('the lane capture profile (what the capture loop and the vehicle eval send the worker)', () => {
  it('searches where the seats the camera is aimed at pass on the approach, and follows faces out from the lane focus', () => {
    const geometry = defaultGeometryFor('driver');
    const profile = laneCaptureProfile(geometry, seatsForPosition('driver') ?? []);
    const projection = new LaneCameraProjection(geometry);
    expect(profile.tiles).toBe('vehicle');
    expect(profile.regionDetector).toBe('full');
    expect(profile.expansionFocus).toEqual(projection.expansionFocus);
    // The whole search on every 3rd frame, the faces found followed in between.
    expect(profile.cadence?.fullSearchEvery).toBe(3);
    expect(profile.exposure).toBe('normalised');
    // The live gate: smaller and more turned faces than at the booth camera.
    expect(profile).toMatchObject({ minInterEyePx: 24, maxYawDeg: 45, maxPitchDeg: 35 });
    // The driver's face, from 10 m beyond the stop line to the stop line, lies inside one of the regions.
    for (const travel of [10, 5, 0]) {
      const eyes = projection.project({ ...SEAT_HEADS.driver, z: SEAT_HEADS.driver.z + geometry.stopLineDistanceM + travel });
      const inside = (profile.regions ?? []).some((r) => eyes.u > r.x && eyes.u < r.x + r.width && eyes.v > r.y && eyes.v < r.y + r.height);
      expect(inside).toBe(true);
    }
  });

  it('fits the regions to the frame it is given (a live picture drawn smaller than the camera resolution)', () => {
    const full = laneCaptureProfile(defaultGeometryFor('rear'), seatsForPosition('rear') ?? []);
    const small = laneCaptureProfile({ ...defaultGeometryFor('rear'), width: 1280, height: 720 }, seatsForPosition('rear') ?? []);
    for (const region of small.regions ?? []) expect(region.x + region.width).toBeLessThanOrEqual(1280);
    expect(small.expansionFocus?.x).toBeCloseTo((full.expansionFocus?.x ?? 0) * (1280 / 1920), 6);
    expect(small.regions?.length).toBeGreaterThan(0);
  });
});
