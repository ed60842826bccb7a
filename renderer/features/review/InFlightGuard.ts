/**
 * One task at a time, decided synchronously: a call made while a task runs is refused at once. React state
 * (`busy`) is read from the render a handler was made in, so a second key press before the next render sees
 * "not busy"; this guard is an object the handlers share, so it does not.
 */
export class InFlightGuard {
  private running = false;

  get busy(): boolean {
    return this.running;
  }

  /** Runs `task` unless one is running (then runs nothing and resolves false). A task's failure is passed on. */
  async run(task: () => Promise<void>): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      await task();
      return true;
    } finally {
      this.running = false;
    }
  }
}
