/**
 * The one slug function, for topics and authors: the URL segment a name is published under.
 * Accents are dropped (`José` -> `jose`); letters of other scripts are kept as they are, so a
 * name written only in, say, Chinese still has a slug.
 */

/** Lowercase letters and digits of any script, runs of anything else made one hyphen. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** True when `text` is already a slug: what `slugify` makes of it is itself, and not empty. */
export function isSlug(text: string): boolean {
  return text !== "" && slugify(text) === text;
}

/**
 * A distinct slug for each distinct name, in the order given: the first name to claim a slug
 * keeps it, later names that slug the same get `-2`, `-3`, ... (the first free one), so two
 * people are never merged into one page. A name with no letter or digit is slugged `fallback`.
 * The result depends only on the names and their order, so a caller that lists names in a
 * stable order (oldest paper first) keeps existing slugs when names are added.
 */
export function uniqueSlugs(names: Iterable<string>, fallback: string): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (slugs.has(name)) continue;
    const base = slugify(name) || fallback;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}
