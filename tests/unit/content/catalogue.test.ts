import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildCatalogue, shortVenue } from "../../../src/lib/content/catalogue.ts";
import { formatProblem } from "../../../src/lib/content/problems.ts";

const read = (path: string) => ({
  file: path,
  source: readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8"),
});
const seed = buildCatalogue({
  dumps: [read("content/abstracts.txt")],
  metadata: read("content/papers.yaml"),
  topics: read("content/topics.yaml"),
});
const byId = Object.fromEntries(seed.papers.map((p) => [p.id, p]));

describe("the seed catalogue", () => {
  it("has the 10 papers, newest first, with no problem and no warning", () => {
    expect(seed.problems).toEqual([]);
    expect(seed.warnings).toEqual([]);
    expect(seed.papers.map((p) => p.submitted)).toEqual([...seed.papers.map((p) => p.submitted)].sort().reverse());
    expect(seed.papers).toHaveLength(10);
  });

  it("merges papers.yaml: title, authors in order, date, venue, code, DOI", () => {
    expect(byId["2105.15082"]).toMatchObject({
      title: { text: "M6-T: Exploring Sparse Expert Models and Beyond" },
      submitted: "2021-05-31",
      year: 2021,
      categories: ["cs.LG", "cs.CL"],
      untitled: false,
    });
    expect(byId["2105.15082"]!.authors.slice(0, 3).map((a) => a.name)).toEqual(["An Yang", "Junyang Lin", "Rui Men"]);
    expect(byId["1806.03653"]).toMatchObject({
      doi: "10.18653/v1/P18-2071",
      code: "https://github.com/PKU-TANGENT/SciDTB",
      venueShort: "ACL 2018",
    });
    expect(byId["2202.03052"]).toMatchObject({
      venueShort: "ICML 2022",
      venueUrl: "https://proceedings.mlr.press/v162/wang22al.html",
      facts: { pages: 23, figures: 11 },
    });
    expect(byId["2105.14778"]!.venueShort).toBe("ACL 2021 Findings");
  });

  it("derives links and arXiv's DOI from the id", () => {
    expect(byId["2206.01958"]).toMatchObject({
      links: { abs: "https://arxiv.org/abs/2206.01958", pdf: "https://arxiv.org/pdf/2206.01958" },
      arxivDoi: "10.48550/arXiv.2206.01958",
    });
  });

  it("names every author of every paper", () => {
    const yaml = parse(readFileSync(new URL("../../../content/papers.yaml", import.meta.url), "utf8")) as Record<
      string,
      { authors: string[] }
    >;
    for (const [id, entry] of Object.entries(yaml)) expect(byId[id]!.authors.map((a) => a.name)).toEqual(entry.authors);
  });
});

describe("a catalogue without papers.yaml", () => {
  it("publishes every paper under a placeholder title and lists them in a warning", () => {
    const bare = buildCatalogue({ dumps: [read("content/abstracts.txt")] });
    expect(bare.problems).toEqual([]);
    expect(bare.papers).toHaveLength(10);
    expect(bare.papers[0]!.title.text).toBe("Untitled paper (arXiv:2206.01958)");
    expect(bare.papers.every((p) => p.untitled && p.authors.length === 0)).toBe(true);
    expect(bare.warnings).toEqual([
      "10 papers have no title in papers.yaml (there is none) and are published under a placeholder: 2206.01958, 2202.03052, 2110.03888, 2105.15082, 2105.14778, 2105.13868, 2103.00823, 2003.13198, 1907.01686, 1806.03653",
      "10 papers are in no topic of topics.yaml (there is none) and are listed under Other: 2206.01958, 2202.03052, 2110.03888, 2105.15082, 2105.14778, 2105.13868, 2103.00823, 2003.13198, 1907.01686, 1806.03653. Add words that place them to a topic, or list their topics in papers.yaml",
    ]);
  });
});

describe("comments: in papers.yaml settles the dump's last line", () => {
  const build = (dump: string, yaml: string) =>
    buildCatalogue({ dumps: [{ file: "d.txt", source: dump }], metadata: { file: "papers.yaml", source: yaml } });
  const dump = "First paragraph.\nKeywords: sparse experts, routing, scaling.\narXiv:2105.15082\n";

  it("null: the line read as Comments is the abstract's last paragraph, and the doubt is no longer told", () => {
    const plain = build(dump, "");
    expect(plain.warnings[0]).toMatch(/^d\.txt:2: arXiv:2105\.15082: the line "Keywords/);
    const settled = build(dump, "2105.15082:\n  title: T\n  comments: null\n");
    expect(settled.problems).toEqual([]);
    expect(settled.papers[0]).toMatchObject({
      comments: null,
      abstract: { raw: "First paragraph.\nKeywords: sparse experts, routing, scaling." },
    });
    expect(settled.warnings.some((w) => w.startsWith("d.txt:2:"))).toBe(false);
  });

  it("the line itself: a last paragraph read as abstract becomes the Comments", () => {
    const prose = "First paragraph.\nWe thank the organisers of the school for their hospitality.\narXiv:2105.15082\n";
    expect(build(prose, "").papers[0]!.comments).toBeNull();
    const settled = build(
      prose,
      "2105.15082:\n  comments: We thank the organisers of the school for their hospitality.\n",
    );
    expect(settled.papers[0]).toMatchObject({
      comments: "We thank the organisers of the school for their hospitality.",
      abstract: { raw: "First paragraph." },
    });
  });

  it("other text: the paper's Comments, the dump's lines all abstract", () => {
    const settled = build(dump, "2105.15082:\n  comments: 14 pages, 4 figures\n");
    expect(settled.papers[0]).toMatchObject({
      comments: "14 pages, 4 figures",
      facts: { pages: 14, figures: 4 },
      abstract: { raw: "First paragraph.\nKeywords: sparse experts, routing, scaling." },
    });
  });

  it("contradicting a written-out Comments: line is a problem naming both places", () => {
    const explicit = "First paragraph.\nComments: 12 pages\narXiv:2105.15082\n";
    expect(build(explicit, "2105.15082:\n  comments: null\n").problems.map(formatProblem)).toEqual([
      'papers.yaml:2: comments for arXiv:2105.15082 are null, but d.txt:2 writes "Comments: 12 pages"; keep one of the two',
    ]);
    expect(build(explicit, "2105.15082:\n  comments: 12 pages\n").problems).toEqual([]);
  });
});

describe("bad input stops the build with file:line: message", () => {
  const problemsOf = (name: string) => {
    const dir = `tests/fixtures/bad/${name}`;
    const optional = (name: string) =>
      existsSync(new URL(`../../../${dir}/${name}`, import.meta.url)) ? read(`${dir}/${name}`) : null;
    return buildCatalogue({
      dumps: [read(`${dir}/abstracts.txt`)],
      metadata: optional("papers.yaml"),
      topics: optional("topics.yaml"),
    }).problems.map(formatProblem);
  };

  it.each([
    [
      "text-after-last-marker",
      'abstracts.txt:3: text after the last record: "An abstract whose marker was lost.". Every record ends with an "arXiv:<id>" line; add the marker for this abstract or remove the text',
    ],
    ["no-abstract", "abstracts.txt:3: record arXiv:2202.03052 has no abstract: nothing precedes its marker"],
    [
      "malformed-id",
      'abstracts.txt:4: malformed arXiv id "22o6.0195": expected YYMM.NNNNN (e.g. 2206.01958) or archive/YYMMNNN (e.g. hep-th/9711200)',
    ],
    [
      "duplicate-id",
      "abstracts.txt:4: arXiv:2206.01958 appears twice: first at line 2, again here. Keep one record per paper",
    ],
    [
      "unknown-id",
      "papers.yaml:3: arXiv:2301.99999 is not in any dump (tests/fixtures/bad/unknown-id/abstracts.txt); remove the entry or add the paper's record to a dump",
    ],
    [
      "invalid-yaml",
      "papers.yaml:4: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    ["wrong-type", "papers.yaml:3: 2206.01958: authors: expected a list, found a text value"],
    [
      "unknown-topic",
      'papers.yaml:5: 2206.01958: topics: "promt-tuning" is not a topic in tests/fixtures/bad/unknown-topic/topics.yaml; use one of prompt-learning, discourse-parsing, or add the topic there',
    ],
    [
      "duplicate-topic",
      'topics.yaml:5: a second topic with slug "discourse" (first at line 1); give each topic its own slug',
    ],
    [
      "topic-without-paper",
      'topics.yaml:5: topic "speech" has no paper: no title or abstract contains any of its words (speech, ASR) and no paper lists it in papers.yaml. Add words that place a paper in it, or remove the topic',
    ],
  ])("%s", (name, message) => {
    expect(problemsOf(name)).toEqual([`tests/fixtures/bad/${name}/${message}`]);
  });
});

describe("shortVenue", () => {
  it("keeps the venue up to its first aside", () => {
    expect(shortVenue("ICML 2022 (Proceedings of the 39th International Conference on Machine Learning)")).toBe(
      "ICML 2022",
    );
    expect(shortVenue("ACL 2018: Proceedings of the 56th Annual Meeting")).toBe("ACL 2018");
    expect(shortVenue("Findings of ACL, pp. 4831-4843")).toBe("Findings of ACL");
  });
});

describe("topics of the seed catalogue", () => {
  const topicsOf = (id: string) => byId[id]!.topics;

  it("places every paper in a topic, and every topic holds a paper, from the topics' words alone", () => {
    expect(readFileSync(new URL("../../../content/papers.yaml", import.meta.url), "utf8")).not.toMatch(/^\s+topics:/m);
    expect(seed.papers.filter((p) => p.topics.length === 0)).toEqual([]);
    const used = new Set(seed.papers.flatMap((p) => p.topics));
    expect(seed.topics.map((t) => t.slug).filter((slug) => !used.has(slug))).toEqual([]);
  });

  it("puts M6-T and M6-10T in large-scale training, SciDTB in discourse parsing, InterBERT, M6 and OFA in multimodal pretraining", () => {
    expect(topicsOf("2105.15082")).toContain("large-scale-training");
    expect(topicsOf("2110.03888")).toContain("large-scale-training");
    expect(topicsOf("1806.03653")).toContain("discourse-parsing");
    for (const id of ["2003.13198", "2103.00823", "2202.03052"])
      expect(topicsOf(id)).toContain("multimodal-pretraining");
  });
});

describe("topics listed in papers.yaml", () => {
  const dump = {
    file: "abstracts.txt",
    source: "Prompts tune a frozen model.\narXiv:2206.01958\nA discourse treebank.\narXiv:1806.03653\n",
  };
  const topics = {
    file: "topics.yaml",
    source:
      "- slug: prompts\n  name: Prompts\n  description: P.\n  words: [prompt]\n- slug: discourse\n  name: Discourse\n  description: D.\n  words: [discourse]\n",
  };

  it("win over the topics' words", () => {
    const metadata = {
      file: "papers.yaml",
      source: "'2206.01958':\n  topics: [discourse, discourse]\n'1806.03653':\n  topics: [prompts]\n",
    };
    const catalogue = buildCatalogue({ dumps: [dump], topics, metadata });
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.papers.map((p) => [p.id, p.topics])).toEqual([
      ["2206.01958", ["discourse"]],
      ["1806.03653", ["prompts"]],
    ]);
  });

  it("may be none: the paper is listed under Other, and the build says so", () => {
    const prompts = { file: "topics.yaml", source: topics.source.split("- slug: discourse")[0]! };
    const catalogue = buildCatalogue({
      dumps: [dump],
      topics: prompts,
      metadata: { file: "papers.yaml", source: "'2206.01958':\n  title: T\n'1806.03653':\n  title: U\n  topics: []\n" },
    });
    expect(catalogue.problems).toEqual([]);
    expect(catalogue.papers.find((p) => p.id === "1806.03653")!.topics).toEqual([]);
    expect(catalogue.warnings).toEqual([
      "1 paper is in no topic of topics.yaml and is listed under Other: 1806.03653. Add words that place it to a topic, or list its topics in papers.yaml",
    ]);
  });
});

describe("authors' slugs", () => {
  it("tell apart two names that slug the same; the name on the oldest paper keeps the plain slug", () => {
    const catalogue = buildCatalogue({
      dumps: [{ file: "abstracts.txt", source: "Newer.\narXiv:2206.01958\nOlder.\narXiv:1806.03653\n" }],
      metadata: {
        file: "papers.yaml",
        source: "'2206.01958':\n  authors: [Jose Garcia, An Yang]\n'1806.03653':\n  authors: [José García, An Yang]\n",
      },
    });
    expect(catalogue.papers.map((p) => p.authors.map((a) => `${a.name} -> ${a.slug}`))).toEqual([
      ["Jose Garcia -> jose-garcia-2", "An Yang -> an-yang"],
      ["José García -> jose-garcia", "An Yang -> an-yang"],
    ]);
  });

  it("give An Yang one slug on all ten seed papers", () => {
    expect(seed.papers.map((p) => p.authors.find((a) => a.name === "An Yang")?.slug)).toEqual(
      Array(10).fill("an-yang"),
    );
  });
});
