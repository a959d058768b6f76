import { describe, expect, it } from "vitest";
import { isSlug, slugify, uniqueSlugs } from "../../src/lib/slug.ts";

describe("slugify", () => {
  it("lowercases, drops accents and joins words with one hyphen", () => {
    expect(slugify("An Yang")).toBe("an-yang");
    expect(slugify("José  García-Pérez")).toBe("jose-garcia-perez");
    expect(slugify("  Mixture-of-Experts (MoE)! ")).toBe("mixture-of-experts-moe");
    expect(slugify("Chinese-language models")).toBe("chinese-language-models");
  });

  it("keeps letters of other scripts, so such a name still has a slug", () => {
    expect(slugify("杨安")).toBe("杨安");
    expect(slugify("Łukasz Kaiser")).toBe("łukasz-kaiser");
  });

  it("gives nothing for a text without letters or digits", () => {
    expect(slugify("?!")).toBe("");
  });
});

describe("isSlug", () => {
  it("accepts what slugify leaves as it is", () => {
    expect(isSlug("discourse-parsing")).toBe(true);
    expect(isSlug("m6")).toBe(true);
    expect(isSlug("Discourse-Parsing")).toBe(false);
    expect(isSlug("discourse parsing")).toBe(false);
    expect(isSlug("-x")).toBe(false);
    expect(isSlug("")).toBe(false);
  });
});

describe("uniqueSlugs", () => {
  it("tells apart two names that slug the same: the first keeps the slug, the next gets -2", () => {
    const slugs = uniqueSlugs(["José García", "Jose Garcia", "An Yang", "JOSE GARCIA"], "author");
    expect([...slugs]).toEqual([
      ["José García", "jose-garcia"],
      ["Jose Garcia", "jose-garcia-2"],
      ["An Yang", "an-yang"],
      ["JOSE GARCIA", "jose-garcia-3"],
    ]);
  });

  it("gives one slug to a name listed twice", () => {
    expect([...uniqueSlugs(["An Yang", "An Yang"], "author")]).toEqual([["An Yang", "an-yang"]]);
  });

  it("skips a suffixed slug that a name already holds", () => {
    expect([...uniqueSlugs(["Wei Lin 2", "Wei Lin", "Wei-Lin"], "author").values()]).toEqual([
      "wei-lin-2",
      "wei-lin",
      "wei-lin-3",
    ]);
  });

  it("slugs names without letters or digits by the fallback, still distinct", () => {
    expect([...uniqueSlugs(["?", "!"], "author").values()]).toEqual(["author", "author-2"]);
  });

  it("depends only on the names and their order", () => {
    const names = ["B", "b", "A"];
    expect(uniqueSlugs(names, "x")).toEqual(uniqueSlugs([...names], "x"));
  });
});
