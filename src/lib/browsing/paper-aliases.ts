/**
 * Links to a paper in other shapes than its page's: arXiv's own (`/abs/<id>`), or with a version
 * (`/papers/<id>v2/`). A static host has no server to redirect them, so the build writes a small
 * redirect page for the common ones, and the 404 page recognises the rest in the browser.
 */
import { escapeUTF8 } from "entities";
import { idToSlug, parseArxivId } from "../content/arxiv-id.ts";
import type { Paper } from "../content/paper.ts";

export interface PaperAlias<P> {
  /** Path from the site root, without base or slashes around it (`abs/2206.01958`). */
  path: string;
  /** The paper it leads to. */
  paper: P;
}

/**
 * The aliases the build writes for each paper: `abs/<id>` and `papers/<slug>v<N>` for every
 * version up to the one in the dump (v1 when it names none). Other versions are left to the 404
 * page, which keeps the page count at two or three per paper.
 */
export function paperAliases<P extends Pick<Paper, "id" | "slug" | "version">>(papers: readonly P[]): PaperAlias<P>[] {
  return papers.flatMap((paper) => [
    { path: `abs/${paper.id}`, paper },
    ...Array.from({ length: Math.max(1, paper.version ?? 1) }, (_, i) => ({
      path: `papers/${paper.slug}v${i + 1}`,
      paper,
    })),
  ]);
}

const OLD_STYLE_SLUG = /^([a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2}(?:-[a-z]{2})?)?)-(\d{7}(?:v\d+)?)$/;

/**
 * The slug of the paper a path names in another shape, or null when the path is not an alias
 * (a paper's own page included). Understands `/abs/<id>`, `/abs/<id>vN`, `/papers/<id>vN/`, and
 * old-style ids with their slash or as a slug (`/abs/hep-th/9711200`, `/papers/hep-th-9711200v2/`).
 */
export function aliasTarget(pathname: string, base: string): string | null {
  const wanted = requestedPaper(pathname, base);
  return wanted?.alias ? wanted.slug : null;
}

/**
 * The paper a path asks for, in any shape (`/papers/<slug>/`, `/abs/<id>`, with a version):
 * its canonical id and slug, and whether the path is another shape than the paper's own page.
 * Null when the path names no well-formed arXiv id. The 404 page reads it to send a link on, or
 * to say that the catalogue lacks the paper.
 */
export function requestedPaper(pathname: string, base: string): { id: string; slug: string; alias: boolean } | null {
  const root = base.endsWith("/") ? base : `${base}/`;
  if (!pathname.startsWith(root)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(root.length)).replace(/\/+$/, "");
  } catch {
    return null;
  }
  const [, kind, id = ""] = /^(abs|papers)\/(.+)$/.exec(rest) ?? [];
  if (!kind) return null;
  const parsed = parseArxivId(id) ?? parseArxivId(id.replace(OLD_STYLE_SLUG, "$1/$2"));
  if (!parsed) return null;
  // Under papers/, only a version or an id with its slash differs from the paper's own page.
  const alias = kind === "abs" || parsed.version !== null || id.includes("/");
  return { id: parsed.id, slug: idToSlug(parsed.id), alias };
}

/**
 * The page written at an alias: it sends the browser on at once (meta refresh), names the paper's
 * page as canonical for search engines, and links it for a reader whose browser does not follow.
 */
export function redirectPage(options: { title: string; target: string; canonical: string }): string {
  const title = escapeUTF8(options.title);
  const target = escapeUTF8(options.target);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeUTF8(options.canonical)}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<main>
<p>This paper is at <a href="${target}">${title}</a>.</p>
</main>
</body>
</html>
`;
}
