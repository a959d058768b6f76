// The tests serve the built site with the same server as the bench.
export { serveStatic, type StaticSite } from "../../scripts/serve-built-site.ts";
