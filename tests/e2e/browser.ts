// The tests drive the same Chromium as the bench.
export { chromiumPath, launchBrowser } from "../../scripts/launch-chromium.ts";
