/**
 * HTML written as template literals, safe by construction: every string or number put into a
 * `markup` template is escaped (`& < > " '`, right in text and in quoted attribute values
 * alike), and only markup made by a `markup` template goes in as it is. For markup built in bulk,
 * where a syntax tree and its serializer cost four times more (`paper-list-item.ts`).
 */
import { escapeUTF8 } from "entities";

/** Markup made by a `markup` template. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** What a template takes: text (escaped), markup (kept), lists of either, and nothing (`null`, `false`). */
export type Part = string | number | Markup | null | undefined | false | readonly Part[];

export function markup(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  let html = strings[0]!;
  for (let i = 0; i < parts.length; i++) html += piece(parts[i]) + strings[i + 1]!;
  return new Markup(html);
}

function piece(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Markup) return part.html;
  if (Array.isArray(part)) return part.map(piece).join("");
  return escapeUTF8(String(part));
}
