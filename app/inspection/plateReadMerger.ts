import type { Ids } from '../ports/Ids';
import type { PlateRead, VehiclePlate } from '../ports/plateRead';
import { isSamePlate } from './plateSimilarity';

export interface PlateMergeOptions {
  /** Reads of one lane closer than this (to the vehicle's last read) and with near-identical text are one vehicle. */
  readonly windowMs: number;
  /** Largest plateDistance between reads of the same vehicle. */
  readonly maxDistance: number;
}

export const defaultPlateMergeOptions: PlateMergeOptions = { windowMs: 10_000, maxDistance: 1 };

interface OpenVehicle {
  vehicle: VehiclePlate;
  texts: Map<string, number>;
  lastMs: number;
}

/**
 * Merges repeated reads of one vehicle into one VehiclePlate. Time comes from the reads themselves (the
 * camera's timestamps), so replaying a recorded lane gives the same vehicles as the live one did.
 */
export class PlateReadMerger {
  private readonly open: OpenVehicle[] = [];
  private readonly options: PlateMergeOptions;

  constructor(
    private readonly ids: Ids,
    options: Partial<PlateMergeOptions> = {},
  ) {
    this.options = { ...defaultPlateMergeOptions, ...options };
  }

  /** Adds a read; returns the vehicle it belongs to and whether that vehicle is new or its best read changed. */
  add(read: PlateRead): { readonly vehicle: VehiclePlate; readonly changed: boolean } {
    const at = Date.parse(read.timestamp);
    this.forgetOlderThan(at - this.options.windowMs);
    const match = this.open.find(
      (v) => v.vehicle.laneId === read.laneId && Math.abs(at - v.lastMs) <= this.options.windowMs && [...v.texts.keys()].some((t) => isSamePlate(t, read.plate, this.options.maxDistance)),
    );
    if (!match) {
      const vehicle: VehiclePlate = { vehicleId: this.ids.next('vehicle'), laneId: read.laneId, best: read, readCount: 1, firstReadAt: read.timestamp, lastReadAt: read.timestamp, alternatives: [] };
      this.open.push({ vehicle, texts: new Map([[read.plate, read.confidence]]), lastMs: at });
      return { vehicle, changed: true };
    }
    match.texts.set(read.plate, Math.max(match.texts.get(read.plate) ?? 0, read.confidence));
    const previous = match.vehicle;
    const better = read.confidence > previous.best.confidence;
    const best = better ? read : previous.best;
    const alternatives = [...match.texts.entries()]
      .filter(([plate]) => plate !== best.plate)
      .map(([plate, confidence]) => ({ plate, confidence }))
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, 20);
    match.lastMs = Math.max(match.lastMs, at);
    match.vehicle = {
      ...previous,
      best,
      readCount: previous.readCount + 1,
      firstReadAt: at < Date.parse(previous.firstReadAt) ? read.timestamp : previous.firstReadAt,
      lastReadAt: at > Date.parse(previous.lastReadAt) ? read.timestamp : previous.lastReadAt,
      alternatives,
    };
    return { vehicle: match.vehicle, changed: better };
  }

  /** Vehicles still within their merge window. */
  vehicles(): readonly VehiclePlate[] {
    return this.open.map((v) => v.vehicle);
  }

  /** The lane is clear (the car drove on): the next read is a new vehicle, whatever its plate. */
  laneCleared(): void {
    this.forgetOlderThan(Number.POSITIVE_INFINITY);
  }

  private forgetOlderThan(ms: number): void {
    for (let i = this.open.length - 1; i >= 0; i--) if ((this.open[i]?.lastMs ?? 0) < ms) this.open.splice(i, 1);
  }
}
