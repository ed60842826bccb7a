import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBoothSlice, type BoothSlice } from './boothSlice';
import { createConnectionSlice, type ConnectionSlice } from './connectionSlice';
import { createDevicesSlice, type DevicesSlice } from './devicesSlice';
import { createVisionSlice, type VisionSlice } from './visionSlice';
import { createLaneSlice, type LaneSlice } from './laneSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createSyncSlice, type SyncSlice } from './syncSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';

/** The renderer's ephemeral UI and session state; nothing here is durable. */
export type BoothState = BoothSlice & DevicesSlice & ConnectionSlice & VisionSlice & LaneSlice & SessionSlice & SyncSlice & TrainingSlice;
export type BoothStore = StoreApi<BoothState>;

/** One store per app instance (and per test): no module-level singletons. */
export function createBoothStore(): BoothStore {
  return createStore<BoothState>()((...args) => ({
    ...createBoothSlice(...args),
    ...createDevicesSlice(...args),
    ...createConnectionSlice(...args),
    ...createVisionSlice(...args),
    ...createLaneSlice(...args),
    ...createSessionSlice(...args),
    ...createSyncSlice(...args),
    ...createTrainingSlice(...args),
  }));
}
