/**
 * arXiv identifiers: recognising them, and the facts an id alone carries
 * (month of first submission, links, URL slug).
 *
 * Two schemes exist (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new style `YYMM.NNNN` (0704 to 1412) and `YYMM.NNNNN` (from 1501), optional `vN`;
 * - old style `archive(.SUBJ)?/YYMMNNN` (`hep-th/9711200`, `math.AG/0211159`), optional `vN`.
 */

export interface ArxivId {
  /** Canonical id without version: `2206.01958`, `hep-th/9711200`, `math/0211159`. */
  id: string;
  /** The version written after the id (`v2` -> 2), or null when none was written. */
  version: number | null;
  /** Subject class of an old-style id (`math.AG/0211159` -> `math.AG`), else null. */
  subjectClass: string | null;
  /** Year of first submission, from the id. */
  year: number;
  /** Month of first submission (1-12), from the id. */
  month: number;
}

export type IdMatch = { ok: true; arxivId: ArxivId; length: number } | { ok: false; message: string };

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d+)/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(\.[A-Za-z]{2}(?:-[a-z]{2})?)?\/(\d{2})(\d{2})(\d{3})(?!\d)/;
const VERSION = /^v(\d+)/;

/**
 * Reads an arXiv id at the start of `text`. Returns how many characters it used, so that a
 * marker glued to the next abstract (`2206.01958In this work`) splits in the right place: the
 * length of a new-style number is fixed by its YYMM (`1207.05803D` is `1207.0580` + `3D`).
 */
export function matchArxivId(text: string): IdMatch {
  const found = matchNewStyle(text) ?? matchOldStyle(text);
  if (!found) return { ok: false, message: describeMalformed(text) };
  if ("message" in found) return { ok: false, message: found.message };
  let length = found.length;
  let version: number | null = null;
  const v = VERSION.exec(text.slice(length));
  if (v) {
    version = Number(v[1]);
    length += v[0].length;
    if (version < 1)
      return { ok: false, message: `arXiv id "${text.slice(0, length)}" has version 0; versions start at v1` };
  }
  return { ok: true, arxivId: { ...found.id, version }, length };
}

/** Parses a whole string as an arXiv id (with an optional `arXiv:` prefix and version). */
export function parseArxivId(text: string): ArxivId | null {
  const trimmed = text.trim().replace(/^arxiv:/i, "");
  const m = matchArxivId(trimmed);
  return m.ok && m.length === trimmed.length ? m.arxivId : null;
}

type StyleMatch = { id: Omit<ArxivId, "version">; length: number } | { message: string };

function matchNewStyle(text: string): StyleMatch | null {
  const m = NEW_STYLE.exec(text);
  if (!m) return null;
  const [whole, yyText = "", mmText = "", number = ""] = m;
  const yymm = yyText + mmText;
  const digits = Number(yymm) >= 1501 ? 5 : 4;
  const shown = text.slice(0, 5 + digits);
  const month = Number(mmText);
  if (month < 1 || month > 12)
    return { message: `arXiv id "${shown}" has month ${mmText}; YYMM needs a month from 01 to 12` };
  if (Number(yymm) < 704) return { message: `arXiv id "${shown}" is dated ${yymm}, before new-style ids began (0704)` };
  if (number.length < digits) {
    return {
      message: `arXiv id "${whole}" is too short: ids from ${Number(yymm) >= 1501 ? "1501 on" : "0704 to 1412"} have ${digits} digits after the dot; write the whole id`,
    };
  }
  return {
    id: { id: `${yymm}.${number.slice(0, digits)}`, subjectClass: null, year: 2000 + Number(yyText), month },
    length: 5 + digits,
  };
}

function matchOldStyle(text: string): StyleMatch | null {
  const m = OLD_STYLE.exec(text);
  if (!m) return null;
  const [whole, archive = "", subject, yyText = "", mmText = "", number = ""] = m;
  const yy = Number(yyText);
  const month = Number(mmText);
  if (month < 1 || month > 12)
    return { message: `arXiv id "${whole}" has month ${mmText}; YYMM needs a month from 01 to 12` };
  if (yy > 7 && yy < 91)
    return { message: `arXiv id "${whole}" is dated ${yyText}${mmText}; old-style ids run from 9108 to 0703` };
  return {
    id: {
      id: `${archive}/${yyText}${mmText}${number}`,
      subjectClass: subject ? archive + subject : null,
      year: yy >= 91 ? 1900 + yy : 2000 + yy,
      month,
    },
    length: whole.length,
  };
}

function describeMalformed(text: string): string {
  const token = text.trim().split(/\s/)[0] ?? "";
  const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
  return shown
    ? `malformed arXiv id "${shown}": expected YYMM.NNNNN (e.g. 2206.01958) or archive/YYMMNNN (e.g. hep-th/9711200)`
    : `missing arXiv id after "arXiv:": expected YYMM.NNNNN (e.g. 2206.01958) or archive/YYMMNNN (e.g. hep-th/9711200)`;
}

/** The id as one URL path segment: `2206.01958`, `hep-th/9711200` -> `hep-th-9711200`. */
export function idToSlug(id: string): string {
  return id.replace("/", "-");
}

/** Links to the paper on arxiv.org (latest version). */
export function arxivLinks(id: string): { abs: string; pdf: string; html: string } {
  return {
    abs: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    html: `https://arxiv.org/html/${id}`,
  };
}

/** The DOI arXiv registers for every paper (DataCite), `10.48550/arXiv.<id>`. */
export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id}`;
}
