/**
 * Reading arXiv's XML answers (the API's Atom feed, OAI-PMH) with fast-xml-parser: namespace
 * prefixes dropped (arXiv declares `arxiv:` on the feed or on each element), every value kept
 * as the text it is (an id `2105.14770` must not become a number), white space kept (arXiv
 * marks a new abstract paragraph by indenting its line). A document that is not well-formed
 * is one problem at its line.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Problem } from "./problems.ts";

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["entry", "author", "link", "category", "record", "version", "setSpec"].includes(name),
});

/** Parses an XML document; a syntax error comes back as a problem with its line. */
export function parseXml(source: string, file: string): { doc: XmlNode | null; problem: Problem | null } {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    return {
      doc: null,
      problem: { file, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` },
    };
  }
  return { doc: parser.parse(source) as XmlNode, problem: null };
}

/** The text of an element (an element with attributes keeps its text under `#text`). */
export function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === "object") {
    const text = (node as XmlNode)["#text"];
    return typeof text === "string" ? text : undefined;
  }
  return String(node);
}

/** An attribute of an element, or undefined. */
export function attributeOf(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as XmlNode)[`@${name}`];
  return typeof value === "string" ? value : undefined;
}

/** The elements under `key`, always as a list. */
export function listOf(node: unknown, key: string): XmlNode[] {
  if (!node || typeof node !== "object") return [];
  const value = (node as XmlNode)[key];
  if (value === undefined || value === null || value === "") return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

/** The child element under `key` (the first when there are several), or undefined. */
export function childOf(node: unknown, key: string): XmlNode | undefined {
  return listOf(node, key)[0];
}

/** Offsets of each `<name` start tag (with or without a namespace prefix) in document order, to give records their lines. */
export function tagOffsets(source: string, localName: string): number[] {
  const offsets: number[] = [];
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`, "g");
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) offsets.push(m.index);
  return offsets;
}
