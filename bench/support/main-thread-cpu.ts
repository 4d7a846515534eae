// CPU time of a process's main thread (user + system), from Linux's /proc: where a Node server's time
// per request goes, beside its wall-clock throughput. Null where /proc is not there (not Linux).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Seconds of CPU the process's main thread (its task whose id is the pid) has used so far. */
export function mainThreadCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name's closing parenthesis (the name may hold one too): utime and stime
    // are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
