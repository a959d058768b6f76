/**
 * Which import format a file is in, told by its content (its first few kilobytes), never by
 * its name: an arXiv API answer is an Atom `<feed>`, an OAI-PMH answer an `<OAI-PMH>` document,
 * the metadata snapshot a JSON object per line, BibTeX a file of `@type{key, ...}` entries.
 */

export type ImportFormat = "arxiv-atom" | "oai-pmh" | "snapshot" | "bibtex";

/** The format of a file from its beginning, or null when it is none of them. */
export function detectFormat(head: string): ImportFormat | null {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) {
    const body = text.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "").trimStart();
    if (/^<(?:[\w.-]+:)?feed[\s>]/.test(body)) return "arxiv-atom";
    if (/^<(?:[\w.-]+:)?OAI-PMH[\s>]/.test(body)) return "oai-pmh";
    return null;
  }
  if (text.startsWith("{")) return "snapshot";
  if (/^(?:%[^\n]*\n\s*)*@\s*[A-Za-z]+\s*[{(]/.test(text) || /(?:^|\n)\s*@\s*[A-Za-z]+\s*[{(]/.test(text)) return "bibtex";
  return null;
}

/** What each format is, for messages. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  "arxiv-atom": "arXiv API answer (Atom)",
  "oai-pmh": "arXiv OAI-PMH answer",
  snapshot: "arXiv metadata snapshot (JSON lines)",
  bibtex: "BibTeX",
};
