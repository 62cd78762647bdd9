/**
 * CPU time of a browser's extension renderer process over all its threads (main, compositor,
 * raster, workers), read from /proc: the panel's clocks turn on the compositor thread, and this
 * shows that the work left the main thread rather than moving to another thread of the process.
 * Null where there is no /proc (the run is then reported without it).
 */
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux, the unit of /proc/<pid>/stat's times

/** Milliseconds of CPU, user and system, of the extension processes of the browser using `userDataDir`. */
export function extensionProcessCpuMs(userDataDir) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let total = 0;
  let found = 0;
  for (const pid of pids) {
    try {
      // Chromium's child processes rewrite their command line as one string, spaces between.
      const line = `${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')} `;
      if (!line.includes(' --extension-process ') || !line.includes(` --user-data-dir=${userDataDir} `)) continue;
      // The fields after the command's name, which may hold spaces and parentheses: utime and stime are the 14th and 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      found++;
    } catch {
      // A process that ended between the listing and the read.
    }
  }
  return found ? total : null;
}
