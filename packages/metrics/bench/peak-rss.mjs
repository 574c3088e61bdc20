// Preloaded (--import) into a benchmarked child process: on exit, writes the process's peak
// resident set size (kB, getrusage maxrss) to the file named by CX_BENCH_RSS_FILE.
import fs from 'node:fs';

process.on('exit', () => {
    if (process.env.CX_BENCH_RSS_FILE) fs.writeFileSync(process.env.CX_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
