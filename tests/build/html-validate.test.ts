/** html-validate over every built HTML file of every test build, with zero errors. */
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { distDir, distFiles } from "./dist.ts";

const validator = new HtmlValidate(new FileSystemConfigLoader());
const builds = [distDir, "dist-catalogue", "dist-hostile"];

describe.each(builds)("html-validate on %s", (dir) => {
  const files = distFiles(dir).filter((file) => file.endsWith(".html"));

  it("has pages to check", () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files)("%s is valid", async (file) => {
    const report = await validator.validateFile(join(dir, file));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${file}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`),
    );
    expect(messages).toEqual([]);
  });
});
