import { describe, expect, it } from 'vitest';
import { CAMERAS, camerasFor, commandOf, profilesOf, vehicleEvalOptions, vehiclesOf } from './vehicleEval';

const options = { dataset: 'faces', out: 'out.json', vehicles: '2' };

describe('vehicle eval cameras', () => {
  it('mounts the rear-rows camera at the height asked, the driver camera and everything else as by default', () => {
    const parsed = vehicleEvalOptions.parse({ ...options, rearCameras: 'axis', rearMountHeight: '2.5' });
    const cameras = camerasFor(parsed);
    const axis = camerasFor({ rearCameras: 'axis' });
    const [driver, rear] = cameras;
    expect(driver).toEqual(axis[0]);
    expect(rear?.geometry).toEqual({ ...axis[1]?.geometry, mountHeightM: 2.5 });
    // The lane's profile follows the camera: its seat regions come from the geometry it is given.
    expect(profilesOf('lane', cameras).rear?.regions).not.toEqual(profilesOf('lane', axis).rear?.regions);
    expect(vehicleEvalOptions.parse(options).rearMountHeight).toBeUndefined();
  });

  it('refuses a mounting height no camera has', () => {
    expect(vehicleEvalOptions.safeParse({ ...options, rearMountHeight: '40' }).success).toBe(false);
  });

  it('places the rear cameras in the layout asked for, each with its own seats and profile', () => {
    const sides = camerasFor(vehicleEvalOptions.parse({ ...options, rearCameras: 'sides' }));
    expect(sides.map((c) => c.id)).toEqual(['driver', 'rear-left', 'rear-right']);
    expect(sides.map((c) => c.geometry.mountLateralM)).toEqual([-0.9, -1.4, 1.4]);
    expect(sides.flatMap((c) => c.seats).sort()).toEqual(['driver', 'front-passenger', 'second-left', 'second-middle', 'second-right', 'third-left', 'third-right']);
    const profiles = profilesOf('lane', sides);
    expect(Object.keys(profiles)).toEqual(['driver', 'rear-left', 'rear-right']);
    expect(profiles['rear-left']?.expansionFocus).not.toEqual(profiles['rear-right']?.expansionFocus);
    // The lens override applies to every rear camera, never the driver's.
    const wide = camerasFor(vehicleEvalOptions.parse({ ...options, rearCameras: 'sides', rearFov: '30' }));
    expect(wide.map((c) => c.geometry.horizontalFovDeg)).toEqual([40, 30, 30]);
  });

  it("runs the lane's default layout when not told, and names the layout in the command that reproduces a run", () => {
    const parsed = vehicleEvalOptions.parse(options);
    expect(camerasFor(parsed)).toEqual(CAMERAS);
    expect(commandOf(vehicleEvalOptions.parse({ ...options, rearCameras: 'sides', rearFov: '24' }))).toContain('--rear-cameras sides --rear-fov 24 --render-seats visible --out out.json');
  });

  it('refuses a layout it does not know, naming the ones it does', () => {
    const parsed = vehicleEvalOptions.safeParse({ ...options, rearCameras: 'roof' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['rearCameras']);
    expect(parsed.error?.issues[0]?.message).toMatch(/"axis"\|"sides"/);
    expect(vehicleEvalOptions.safeParse({ ...options, rearFov: '2' }).success).toBe(false);
  });

  it('draws every occupant on every camera unless told to draw each camera only the seats it is aimed at', () => {
    expect(vehicleEvalOptions.parse(options).renderSeats).toBe('visible');
    expect(commandOf(vehicleEvalOptions.parse({ ...options, renderSeats: 'aimed' }))).toContain('--render-seats aimed');
    expect(vehicleEvalOptions.safeParse({ ...options, renderSeats: 'all' }).error?.issues[0]?.path).toEqual(['renderSeats']);
  });
});

describe('vehicle eval vehicles', () => {
  it("covers the seed's first vehicles, or only those listed below --vehicles", () => {
    expect(vehiclesOf(vehicleEvalOptions.parse(options))).toEqual([0, 1]);
    const only = vehicleEvalOptions.parse({ ...options, vehicles: '40', only: '31,7,7,45' });
    expect(vehiclesOf(only)).toEqual([31, 7]);
    expect(commandOf(only)).toContain('--only 31,7,45');
    expect(vehicleEvalOptions.safeParse({ ...options, only: '7,x' }).error?.issues[0]?.message).toMatch(/vehicle indices separated by commas/);
  });

  it('runs a part of a long run from the vehicle asked for, and says so in the command that reproduces it', () => {
    const part = vehicleEvalOptions.parse({ ...options, vehicles: '500', from: '250' });
    expect(vehiclesOf(part)).toEqual(Array.from({ length: 250 }, (_, i) => 250 + i));
    expect(commandOf(part)).toContain('--vehicles 500 --seed booth');
    expect(commandOf(part)).toContain('--from 250');
    expect(commandOf(vehicleEvalOptions.parse(options))).not.toContain('--from');
    expect(vehiclesOf(vehicleEvalOptions.parse({ ...options, vehicles: '40', from: '10', only: '3,12,39' }))).toEqual([12, 39]);
    expect(vehicleEvalOptions.safeParse({ ...options, from: '-1' }).error?.issues[0]?.path).toEqual(['from']);
    expect(vehicleEvalOptions.parse(options).resume).toBe(false);
  });
});
