/** Milliseconds from a monotonic clock where the platform has one (Node and browsers do). */
export function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}
