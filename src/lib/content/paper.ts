/**
 * A paper as the site shows it: the schema of the `papers` collection, and its type. The loader
 * validates every entry against it; pages read these fields and never re-parse.
 */
import { z } from "zod";

/** A text in its three forms (see `src/lib/text/rich-text.ts`). */
export const richTextSchema = z.object({
  /** As written, TeX and all: for citations. */
  raw: z.string(),
  /** Plain Unicode: for titles, meta tags, feeds and search. */
  text: z.string(),
  /** Typeset HTML made by the pipeline: for pages. */
  html: z.string(),
  /** Every character its typeset math draws, each once: for KaTeX's fonts. Empty without math. */
  mathCharacters: z.string(),
});

/** One paper of the catalogue. */
export const paperSchema = z.object({
  /** Canonical arXiv id, without version (`2206.01958`, `hep-th/9711200`). */
  id: z.string(),
  /** The id as a URL segment, the entry's key (`hep-th-9711200`). */
  slug: z.string(),
  /** Version named in the dump's marker. */
  version: z.number().int().positive().nullable(),
  /** Title from papers.yaml, or a placeholder naming the id. */
  title: richTextSchema,
  /** True when the title is a placeholder. */
  untitled: z.boolean(),
  /** Authors in order: shown name, name as written, and the slug of the author's page. */
  authors: z.array(z.object({ name: z.string(), raw: z.string(), slug: z.string() })),
  /** The abstract from the dump. */
  abstract: richTextSchema,
  /** arXiv comments line from the dump. */
  comments: z.string().nullable(),
  /** What the comments state. */
  facts: z.object({
    pages: z.number().nullable(),
    figures: z.number().nullable(),
    tables: z.number().nullable(),
    venue: z.string().nullable(),
    year: z.number().nullable(),
    kind: z.string().nullable(),
  }),
  /** Venue in full. */
  venue: z.string().nullable(),
  /** Venue in a few words, for lists. */
  venueShort: z.string().nullable(),
  /** The venue's page for the paper. */
  venueUrl: z.string().url().nullable(),
  /** Publisher DOI. */
  doi: z.string().nullable(),
  /** arXiv's DOI for the paper. */
  arxivDoi: z.string(),
  /** Code repository. */
  code: z.string().url().nullable(),
  /** Project page. */
  project: z.string().url().nullable(),
  /** arXiv categories, primary first. */
  categories: z.array(z.string()),
  /** First submission, `YYYY-MM-DD` or `YYYY-MM`. */
  submitted: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  /** Year of first submission. */
  year: z.number().int(),
  /** Month of first submission, 1-12. */
  month: z.number().int().min(1).max(12),
  /** Links on arxiv.org. */
  links: z.object({ abs: z.string().url(), pdf: z.string().url(), html: z.string().url() }),
  /** Slugs of the paper's topics: those papers.yaml lists, else those whose words its text contains. */
  topics: z.array(z.string()),
  /** Where the record is in the dumps. */
  source: z.object({ file: z.string(), line: z.number().int() }),
});

export type Paper = z.infer<typeof paperSchema>;
