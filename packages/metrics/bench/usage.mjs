// Preloaded (--import) into a benchmarked child process: on exit, writes the process's peak
// resident set size (kB, getrusage maxrss) and CPU time (µs, user + system, all threads) as JSON
// to the file named by CX_BENCH_USAGE_FILE.
import fs from 'node:fs';

process.on('exit', () => {
    const usage = process.resourceUsage();
    if (process.env.CX_BENCH_USAGE_FILE) {
        fs.writeFileSync(process.env.CX_BENCH_USAGE_FILE, JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }));
    }
});
