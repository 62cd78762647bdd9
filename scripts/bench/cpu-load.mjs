/**
 * A CPU load the benchmark makes itself, so "under load" means the same thing on every run:
 * one busy worker thread per core but one (at least one), each spinning without pause, as a video
 * call's encoder and the meeting page keep a coach's laptop busy. Stopped before the next measure.
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';

export function startCpuLoad(threads = Math.max(1, cpus().length - 1)) {
  const workers = Array.from({ length: threads }, () => new Worker('for (;;) {}', { eval: true }));
  return {
    threads,
    stop: () => Promise.all(workers.map((worker) => worker.terminate())),
  };
}

/** Runs `measure` with the load on, and always stops the load after it. */
export async function underCpuLoad(measure) {
  const load = startCpuLoad();
  try {
    return await measure(load);
  } finally {
    await load.stop();
  }
}
