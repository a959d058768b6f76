/**
 * `content/topics.yaml`: the catalogue's topics, in the order the site lists them. Each topic
 * has a slug (its permanent URL), a name, a one-paragraph description and the words that place
 * a paper in it, or the arXiv category whose papers it holds (`category: cs.CL`). The same
 * schema validates the `topics` collection.
 */
import { isSeq } from "yaml";
import { z } from "zod";
import type { Problem } from "./problems.ts";
import { byteLength, isSlug, SLUG_MAX_BYTES, slugify } from "../text/slug.ts";
import { words } from "../text/terms.ts";
import { categoryName, isArxivCategory } from "./arxiv-taxonomy.ts";
import { readYaml, zodProblems } from "./yaml-file.ts";

const text = z.string().trim().min(1, "is empty; give it a value");

const wordList = z.array(
  text.refine(
    (phrase) => words(phrase).length > 0,
    (phrase) => ({ message: `"${phrase}" has no letter or digit to match` }),
  ),
);

/** A topic that names an arXiv category takes arXiv's name for it and a description, unless it gives its own. */
function withCategoryDefaults(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const topic = raw as Record<string, unknown>;
  if (typeof topic.category !== "string" || !topic.category.trim()) return raw;
  const category = topic.category.trim();
  return {
    ...topic,
    name: topic.name ?? categoryName(category) ?? category,
    description: topic.description ?? categoryDescription(category),
  };
}

/** The fields of one topic, as topics.yaml writes them. */
const topicFields = z.object({
  /** The topic's URL segment, `/topics/<slug>/`: lowercase letters, digits and hyphens. */
  slug: text
    .refine(
      (slug) => byteLength(slug) <= SLUG_MAX_BYTES,
      (slug) => ({
        message: `is ${byteLength(slug)} bytes long: a slug names a folder of the site, at most ${SLUG_MAX_BYTES} bytes; write a shorter one`,
      }),
    )
    .refine(
      (slug) => byteLength(slug) > SLUG_MAX_BYTES || isSlug(slug),
      (slug) => ({
        message: `"${slug}" is not a slug; write it "${slugify(slug) || "my-topic"}" (lowercase letters, digits, hyphens)`,
      }),
    )
    .refine(
      (slug) => !/^\d+$/.test(slug),
      (slug) => ({
        message: `"${slug}" is a number, and /topics/${slug}/ is a page of the papers in no topic; write a slug with a letter, such as "topic-${slug}"`,
      }),
    ),
  /** The name shown on pages and chips (for a category topic, arXiv's name by default). */
  name: text,
  /** One paragraph on what the topic covers, shown on its page and on /topics/. */
  description: text.transform((paragraph) => paragraph.replace(/\s+/g, " ")),
  /**
   * Words or phrases that place a paper in the topic when its title or abstract contains one:
   * case-insensitive, whole words, a simple plural counting as its singular.
   */
  words: wordList.optional(),
  /** An arXiv category (`cs.CL`): every paper arXiv lists under it is in the topic. */
  category: text
    .refine(isArxivCategory, (category) => ({
      message: `"${category}" is not an arXiv category; use one of arXiv's taxonomy, such as cs.CL`,
    }))
    .optional(),
});

/** One topic. */
export const topicSchema = z.preprocess(
  withCategoryDefaults,
  topicFields
    .strict()
    .superRefine((topic, context) => {
      if (topic.category !== undefined) return;
      if (topic.words === undefined)
        context.addIssue({ code: "custom", path: ["words"], message: "is required (array)" });
      else if (topic.words.length === 0)
        context.addIssue({
          code: "custom",
          path: ["words"],
          message:
            "is an empty list; give at least one word that places a paper in the topic, or a category (category: cs.CL)",
        });
    })
    .transform(({ words, category, ...topic }) => ({
      ...topic,
      words: words ?? [],
      ...(category ? { category } : {}),
    })),
);

/** The description of a topic made from an arXiv category. */
export function categoryDescription(category: string): string {
  return `Papers that arXiv lists under ${category} (${categoryName(category) ?? category}).`;
}

export type Topic = z.infer<typeof topicSchema>;

/** A topic as the `topics` collection stores it: with its place in topics.yaml, the order the site lists topics in. */
export const storedTopicSchema = topicFields
  .extend({
    /** Every topic has its words once read (a category topic may have none). */
    words: wordList,
    /** The topic's place in topics.yaml, from 0. */
    position: z.number().int().nonnegative(),
  })
  .transform(({ category, ...topic }) => ({ ...topic, ...(category ? { category } : {}) }));

/** A topic as read from the file, with the line it starts on. */
export interface TopicEntry {
  topic: Topic;
  line: number;
}

/** Reads topics.yaml: a list of topics. Every problem comes back with its line. */
export function parseTopics(source: string, file: string): { entries: TopicEntry[]; problems: Problem[] } {
  const entries: TopicEntry[] = [];
  const { yaml, problems } = readYaml(source, file);
  if (problems.length) return { entries, problems };
  const root = yaml.doc.contents;
  if (root === null || root === undefined) return { entries, problems };
  if (!isSeq(root)) {
    problems.push({
      file,
      line: yaml.lineOf(root),
      message: "expected a list of topics (`- slug: ...` then name, description and words)",
    });
    return { entries, problems };
  }
  const values = root.toJSON() as unknown[];
  const firstLine = new Map<string, number>();
  root.items.forEach((item, index) => {
    const line = yaml.lineOf(item as Parameters<typeof yaml.lineOf>[0]);
    const value = values[index] ?? null;
    const result = topicSchema.safeParse(value);
    if (!result.success) {
      const slug = (value as { slug?: unknown } | null)?.slug;
      const label = typeof slug === "string" && slug.trim() ? `topic "${slug.trim()}"` : `topic ${index + 1}`;
      problems.push(
        ...zodProblems(yaml, result.error, [index], topicFields.keyof().options).map((p) => ({
          ...p,
          message: `${label}: ${p.message}`,
        })),
      );
      return;
    }
    const topic = result.data;
    const first = firstLine.get(topic.slug);
    if (first !== undefined) {
      problems.push({
        file,
        line,
        message: `a second topic with slug "${topic.slug}" (first at line ${first}); give each topic its own slug`,
      });
      return;
    }
    firstLine.set(topic.slug, line);
    entries.push({ topic, line });
  });
  return { entries, problems };
}
