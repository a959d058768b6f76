import { describe, expect, it } from "vitest";
import { byteLength, isSlug, renamedSlugs, SLUG_MAX_BYTES, slugify, uniqueSlugs } from "../../../src/lib/text/slug.ts";

describe("slugify", () => {
  it("lowercases, drops accents and joins words with one hyphen", () => {
    expect(slugify("An Yang")).toBe("an-yang");
    expect(slugify("José  García-Pérez")).toBe("jose-garcia-perez");
    expect(slugify("  Mixture-of-Experts (MoE)! ")).toBe("mixture-of-experts-moe");
    expect(slugify("Chinese-language models")).toBe("chinese-language-models");
  });

  it("keeps letters of other scripts, so such a name still has a slug", () => {
    expect(slugify("杨安")).toBe("杨安");
    expect(slugify("Γιώργος Παπαδόπουλος")).toBe("γιωργος-παπαδοπουλος");
  });

  it("spells every Latin letter in ASCII, as search and BibTeX keys do", () => {
    expect(slugify("Łukasz Kaiser")).toBe("lukasz-kaiser");
    expect(slugify("Þór Ðóra")).toBe("thor-dora");
    expect(slugify("Søren Kierkegaard")).toBe("soren-kierkegaard");
    expect(slugify("Paul Erdős")).toBe("paul-erdos");
    expect(slugify("Dag Hammarskjöld, Æsa Œuvre")).toBe("dag-hammarskjold-aesa-oeuvre");
    expect(slugify("Đặng Thái Sơn")).toBe("dang-thai-son");
    expect(slugify("Karl Weierstraß")).toBe("karl-weierstrass");
    expect(slugify("Ħal Għargħur")).toBe("hal-gharghur");
    expect(slugify("Aŋŋá")).toBe("angnga");
    expect(slugify("Çağrı Çöltekin")).toBe("cagri-coltekin");
  });

  it("cuts a slug past SLUG_MAX_BYTES, ending it with a digest that keeps two long names apart", () => {
    const long = `${"Ørsted ".repeat(40)}Jr`;
    const slug = slugify(long);
    expect(byteLength(slug)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
    expect(slug).toMatch(/^orsted-orsted-.*-[0-9a-f]{8}$/);
    expect(slugify(long)).toBe(slug); // stable
    expect(slugify(`${"Ørsted ".repeat(40)}Sr`)).not.toBe(slug);
    expect(byteLength(slugify("杨".repeat(200)))).toBeLessThanOrEqual(SLUG_MAX_BYTES);
    expect(isSlug(slug)).toBe(true);
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

  it("accepts an owner's slug with letters of any script, composed, as it may be published already", () => {
    expect(isSlug("café")).toBe(true);
    expect(isSlug("cafe\u0301")).toBe(false);
    expect(isSlug("x".repeat(SLUG_MAX_BYTES + 1))).toBe(false);
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

  it("never slugs a name by a number, which would be a page of the list (/authors/2/)", () => {
    expect([...uniqueSlugs(["2", "2024", "2024", "R2D2"], "author").values()]).toEqual([
      "author-2",
      "author-2024",
      "r2d2",
    ]);
    // Nor a redirect from one: that URL is a page of the authors' index.
    expect([...renamedSlugs(["2", "Łukasz"], "author")]).toEqual([["łukasz", "lukasz"]]);
  });

  it("depends only on the names and their order", () => {
    const names = ["B", "b", "A"];
    expect(uniqueSlugs(names, "x")).toEqual(uniqueSlugs([...names], "x"));
  });
});

describe("renamedSlugs", () => {
  it("leads each slug published before Latin letters were spelled in ASCII to the slug now", () => {
    const renamed = renamedSlugs(["Łukasz Kaiser", "An Yang", "Þór Ðóra", "José García"], "author");
    expect([...renamed]).toEqual([
      ["łukasz-kaiser", "lukasz-kaiser"],
      ["þor-ðora", "thor-dora"],
    ]);
  });

  it("leaves out an earlier slug that is a page now", () => {
    // "Lukasz Kaiser" holds lukasz-kaiser now; the earlier łukasz-kaiser leads to the -2 page.
    expect([...renamedSlugs(["Lukasz Kaiser", "Łukasz Kaiser"], "author")]).toEqual([
      ["łukasz-kaiser", "lukasz-kaiser-2"],
    ]);
  });
});
