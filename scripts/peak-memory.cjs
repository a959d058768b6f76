// Preloaded into a process measured by `npm run bench` (node -r ./scripts/peak-memory.cjs ...):
// on exit, writes the process's peak resident memory in kilobytes to $PEAK_MEMORY_FILE.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  if (process.env.PEAK_MEMORY_FILE) writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
