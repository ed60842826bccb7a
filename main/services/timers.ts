import type { Timers } from '../../app/ports/Timers';

/** Node's timers, for the booth services (the training scenario player). */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
