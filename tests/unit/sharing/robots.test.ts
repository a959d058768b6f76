import { describe, expect, it } from "vitest";
import { robotsTxt } from "../../../src/lib/sharing/robots.ts";

describe("robotsTxt", () => {
  it("allows every crawler and names the sitemap", () => {
    expect(robotsTxt("https://example.org/catalogue/sitemap-index.xml")).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://example.org/catalogue/sitemap-index.xml\n",
    );
  });
});
