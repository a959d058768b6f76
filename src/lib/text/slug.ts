/**
 * The one slug function, for topics and authors: the URL segment a name is published under.
 * Latin letters are spelled in ASCII by the one table of letters (`José` -> `jose`, `Łukasz` ->
 * `lukasz`: `text/letters.ts`, as search and BibTeX keys spell them); letters of other scripts
 * are kept as they are, so a name written only in, say, Chinese still has a slug. A slug names a
 * folder of the built site, so it is at most `SLUG_MAX_BYTES` long.
 */
import { asciiLetters } from "./letters.ts";

/** The most bytes (UTF-8) a slug has: a file name has at most 255, and a URL segment should be far shorter. */
export const SLUG_MAX_BYTES = 100;

const encoder = new TextEncoder();

/** The UTF-8 length of a text, in bytes. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable digest of a slug, the same on every machine. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/**
 * A slug cut to `SLUG_MAX_BYTES`: one that is longer keeps its first letters, whole, and ends
 * with `-` and a digest of all of it, so that two long names that begin alike stay apart.
 */
export function boundSlug(slug: string): string {
  if (byteLength(slug) <= SLUG_MAX_BYTES) return slug;
  const suffix = `-${digest(slug)}`;
  let kept = "";
  for (const letter of slug) {
    if (byteLength(kept + letter) + suffix.length > SLUG_MAX_BYTES) break;
    kept += letter;
  }
  return kept.replace(/-+$/, "") + suffix;
}

/** Lowercase letters and digits, Latin letters in ASCII, runs of anything else made one hyphen; at most `SLUG_MAX_BYTES`. */
export function slugify(text: string): string {
  return boundSlug(
    asciiLetters(text)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  );
}

/**
 * The slug the catalogue gave a name before Latin letters were spelled in ASCII (`Łukasz` ->
 * `łukasz`), kept to redirect the URLs it published (`renamedSlugs`).
 */
export function earlierSlugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * True when `text` is a slug: lowercase letters (of any script) and digits in runs joined by
 * single hyphens, in Unicode's composed form, at most `SLUG_MAX_BYTES`. An owner's slug with a
 * letter of another script, or an accent (`café`), is kept as written: it may be published already.
 */
export function isSlug(text: string): boolean {
  return (
    /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(text) &&
    text === text.toLowerCase() &&
    text === text.normalize("NFC") &&
    byteLength(text) <= SLUG_MAX_BYTES
  );
}

function uniqueSlugsBy(names: Iterable<string>, fallback: string, slug: (name: string) => string): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (slugs.has(name)) continue;
    const base = slug(name) || fallback;
    let unique = base;
    for (let n = 2; taken.has(unique); n++) unique = `${base}-${n}`;
    taken.add(unique);
    slugs.set(name, unique);
  }
  return slugs;
}

/**
 * A distinct slug for each distinct name, in the order given: the first name to claim a slug
 * keeps it, later names that slug the same get `-2`, `-3`, ... (the first free one), so two
 * people are never merged into one page. A name with no letter or digit is slugged `fallback`,
 * one of digits only `<fallback>-<digits>`.
 * The result depends only on the names and their order, so a caller that lists names in a
 * stable order (oldest paper first) keeps existing slugs when names are added.
 */
export function uniqueSlugs(names: Iterable<string>, fallback: string): Map<string, string> {
  return uniqueSlugsBy(names, fallback, (name) => notANumber(slugify(name), fallback));
}

/**
 * A slug of digits only is prefixed with `fallback` (`2024` -> `author-2024`): a number after a
 * list's URL is one of its pages (`/authors/2/`).
 */
function notANumber(slug: string, fallback: string): string {
  return /^\d+$/.test(slug) ? `${fallback}-${slug}` : slug;
}

/**
 * The slugs `uniqueSlugs` gives that differ from those the catalogue gave the same names, in the
 * same order, before Latin letters were spelled in ASCII: each earlier slug, with the slug it
 * leads to now. An earlier slug that is some name's slug now is left out: its URL is a page;
 * so is a number, whose URL is now a page of the authors' index.
 */
export function renamedSlugs(names: readonly string[], fallback: string): Map<string, string> {
  const now = uniqueSlugs(names, fallback);
  const before = uniqueSlugsBy(names, fallback, earlierSlugify);
  const current = new Set(now.values());
  const renamed = new Map<string, string>();
  for (const [name, slug] of now) {
    const earlier = before.get(name)!;
    if (earlier !== slug && !current.has(earlier) && !/^\d+$/.test(earlier)) renamed.set(earlier, slug);
  }
  return renamed;
}
