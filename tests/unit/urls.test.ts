import { describe, expect, it } from "vitest";
import { createUrls, pageSegment } from "../../src/lib/urls.ts";

describe("createUrls", () => {
  it.each(["/", "/catalogue/", "/catalogue"])("puts every page under the base %s", (base) => {
    const urls = createUrls(base);
    const root = base.endsWith("/") ? base : `${base}/`;
    expect(urls.topics()).toBe(`${root}topics/`);
    expect(urls.topic("discourse-parsing")).toBe(`${root}topics/discourse-parsing/`);
    expect(urls.topic("discourse-parsing", 1)).toBe(`${root}topics/discourse-parsing/`);
    expect(urls.topic("discourse-parsing", 3)).toBe(`${root}topics/discourse-parsing/3/`);
    expect(urls.author("an-yang")).toBe(`${root}authors/an-yang/`);
  });
});

describe("pageSegment", () => {
  it("gives no segment for the first page, the number for the others", () => {
    expect(pageSegment(1)).toBeUndefined();
    expect(pageSegment(2)).toBe("2");
  });
});
