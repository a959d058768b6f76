import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/lib/content/problems.ts";
import { parseSiteSettings } from "../../../src/lib/content/site-settings.ts";
import { parseTopics } from "../../../src/lib/content/topic.ts";
import { nearestField, readYaml } from "../../../src/lib/content/yaml-file.ts";

const problemsOf = (source: string, file = "site.yaml") => readYaml(source, file).problems.map(formatProblem);

describe("readYaml", () => {
  it("reports an alias bomb at its lines, never throwing", () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${"*a, ".repeat(8)}*a]\nc: [${"*b, ".repeat(8)}*b]\n`;
    const { settings, problems } = parseSiteSettings(bomb, "site.yaml");
    expect(settings.title).toBe("Research Catalogue");
    expect(problems.map(formatProblem)).toEqual([
      "site.yaml:1: the anchor &a is for aliases, which content files do not take; remove it",
      "site.yaml:2: the anchor &b is for aliases, which content files do not take; remove it",
      "site.yaml:2: the alias *a repeats a value written elsewhere; content files take no aliases: write the value out",
      "site.yaml:3: the alias *b repeats a value written elsewhere; content files take no aliases: write the value out",
    ]);
  });

  it("reports an alias to no anchor, which the YAML library would throw on", () => {
    expect(
      parseSiteSettings("title: My lab\ndescription: *nothing\n", "site.yaml").problems.map(formatProblem),
    ).toEqual([
      "site.yaml:2: the alias *nothing repeats a value written elsewhere; content files take no aliases: write the value out",
    ]);
  });

  it("names both lines of a key listed twice", () => {
    expect(problemsOf("title: A\ndescription: B\ntitle: C\n")).toEqual([
      'site.yaml:3: "title" is listed twice in this mapping, at lines 1 and 3; keep one',
    ]);
  });

  it("reads CR-only and CRLF line ends as line ends", () => {
    const topic = "- slug: parsing\r  name: Parsing\r  description: Trees.\r  words: [parser]\r";
    expect(parseTopics(topic, "topics.yaml")).toMatchObject({
      problems: [],
      entries: [{ topic: { slug: "parsing" } }],
    });
    expect(parseTopics(topic.replaceAll("\r", "\r\n"), "topics.yaml").entries).toHaveLength(1);
    expect(parseSiteSettings("title: Lab\rdescription: Papers.\r", "site.yaml").settings).toEqual({
      title: "Lab",
      description: "Papers.",
    });
  });

  it("reports control characters written raw and made by escapes, escaped in the message", () => {
    expect(problemsOf("title: Lab \u001b[31mred\n")).toEqual([
      "site.yaml:1: the control character U+001B (ESC) at column 12; control characters make feeds invalid, remove it",
    ]);
    expect(problemsOf('title: "Lab \\x07 bell"\n')).toEqual([
      `site.yaml:1: in this double-quoted string "\\x07" is a YAML escape and makes the control character U+0007 (BEL), not TeX; write TeX in single quotes ('Balanced \\emph{Hash}') or unquoted, where a backslash is just a backslash`,
    ]);
    expect(problemsOf('title: "On \\theta"\n')[0]).toContain('"\\t" is a YAML escape and makes a tab, not TeX');
  });

  it("suggests the nearest known field", () => {
    const fields = ["title", "venue", "venue_url", "doi", "comments"];
    expect(nearestField("venue-url", fields)).toBe("venue_url");
    expect(nearestField("Title", fields)).toBe("title");
    expect(nearestField("comment", fields)).toBe("comments");
    expect(nearestField("keywords", fields)).toBeNull();
  });
});
