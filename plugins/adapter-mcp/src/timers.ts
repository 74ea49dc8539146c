/** A delay that does not keep the process alive: used only to bound waits on other events. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
