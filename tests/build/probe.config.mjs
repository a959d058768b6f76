// @ts-check
// The project's own configuration with one more integration, for tests/build/staged-build.test.ts:
// it lists the build's output when Astro has generated every page, before Astro cleans up, and
// writes the list to PROBE_REPORT.
import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import config from "../../astro.config.mjs";

/** @type {import("astro").AstroIntegration} */
const probe = {
  name: "test:probe",
  hooks: {
    "astro:build:generated": ({ dir }) => {
      const files = readdirSync(fileURLToPath(dir), { recursive: true, encoding: "utf8" });
      writeFileSync(String(process.env.PROBE_REPORT), JSON.stringify({ dir: fileURLToPath(dir), files }));
    },
  },
};

export default { ...config, integrations: [...(config.integrations ?? []), probe] };
