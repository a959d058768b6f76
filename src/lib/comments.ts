/**
 * arXiv's free-text Comments field ("23 pages, 11 figures", "Accepted to ACL 2018 (short paper)"):
 * telling a comments line from an abstract line, and reading the facts it states.
 */

export type PaperKind =
  | "short paper"
  | "long paper"
  | "demo paper"
  | "workshop paper"
  | "technical report"
  | "survey"
  | "preprint"
  | "thesis"
  | "extended abstract";

export interface CommentsFacts {
  pages: number | null;
  figures: number | null;
  tables: number | null;
  /** The venue as the comments name it, spacing normalised ("ACL2021 Findings" -> "ACL 2021 Findings"). */
  venue: string | null;
  /** The venue's year, when the comments give one. */
  year: number | null;
  kind: PaperKind | null;
}

/** Conference and journal acronyms that name a venue on their own. */
const VENUES = [
  "AAAI",
  "AACL",
  "ACCV",
  "ACL",
  "AISTATS",
  "BMVC",
  "CHI",
  "CIKM",
  "COLING",
  "COLT",
  "CoNLL",
  "CoRL",
  "CSCW",
  "CVPR",
  "EACL",
  "ECAI",
  "ECCV",
  "ECIR",
  "ECML",
  "EMNLP",
  "ICASSP",
  "ICCV",
  "ICDE",
  "ICDM",
  "ICLR",
  "ICML",
  "ICRA",
  "IJCAI",
  "IJCNLP",
  "IJCNN",
  "INTERSPEECH",
  "Interspeech",
  "IROS",
  "JMLR",
  "KDD",
  "LREC",
  "MICCAI",
  "MLSys",
  "NAACL",
  "NeurIPS",
  "NIPS",
  "RecSys",
  "SDM",
  "SIGDIAL",
  "SIGGRAPH",
  "SIGIR",
  "SIGMOD",
  "TACL",
  "TKDE",
  "TMLR",
  "TNNLS",
  "TPAMI",
  "TOIS",
  "UAI",
  "VLDB",
  "WACV",
  "WSDM",
  "WWW",
  "3DV",
];
const VENUE_ALTERNATION = VENUES.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
/** An acronym (possibly joint, `ACL-IJCNLP`) with its year, written `ACL 2021`, `ACL2021` or `ACL'21`. */
const VENUE_WITH_YEAR = new RegExp(
  `(?<![A-Za-z])((?:${VENUE_ALTERNATION})(?:[-/](?:${VENUE_ALTERNATION}))*)\\s*(?:'|’)?(\\d{4}|\\d{2})(?!\\d)`,
);
const FINDINGS = /\bfindings\b/i;

const NUMBERED = (noun: string) => new RegExp(`(\\d+)\\s*(?:\\+\\s*\\d+\\s*)?(?:${noun})\\b`, "i");
const PAGES = NUMBERED("pages?|pp\\.?|p\\.");
const FIGURES = NUMBERED("figures?|figs?\\.?");
const TABLES = NUMBERED("tables?|tabs?\\.");

/** Phrases that introduce a venue: "accepted to", "to appear in", "published in", ... */
const VENUE_CUE =
  /\b(?:accepted|to appear|appears?|appearing|published|presented|submitted|camera[- ]ready(?: version)?(?: of (?:a|the)? ?paper)?)(?: as (?:an? )?[\w -]+?)?\s+(?:to|in|by|at|for|with)\s+(?:the\s+)?(?:proceedings of (?:the\s+)?)?(.+)$/i;

const STRONG_CUES = [
  /\d+\s*(?:pages?|pp\b|figures?|figs?\b|tables?)/i,
  /\b(?:accepted|to appear|published|presented|submitted)\s+(?:as|to|in|by|at|for)\b/i,
  /\b(?:camera[- ]ready|under review|in press|proceedings of)\b/i,
  /\b(?:technical report|tech\.? report|preprint|extended (?:version|abstract)|workshop)\b/i,
  /\b(?:short|long|demo|full) paper\b/i,
  /(?:https?:\/\/|\bwww\.)\S+/i,
  VENUE_WITH_YEAR,
];
/** Words that mark comments only where a comment would put them: first, or after a comma. */
const LEADING_CUES =
  /(?:^|[,;.]\s*)(?:survey|code|project page|website|journal|conference|version|v\d+|thesis|oral|spotlight|poster|revised|withdrawn|erratum|correction)\b/i;

/** The longest line still taken for comments; arXiv's field is short, abstracts are not. */
const MAX_COMMENTS_LENGTH = 200;
const MAX_COMMENTS_WORDS = 35;

/**
 * Whether a line reads like arXiv comments rather than abstract text: short, and naming pages,
 * figures or tables, a venue or its acceptance, a kind of report, or a URL.
 */
export function looksLikeComments(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > MAX_COMMENTS_LENGTH) return false;
  if (text.split(/\s+/).length > MAX_COMMENTS_WORDS) return false;
  return STRONG_CUES.some((cue) => cue.test(text)) || LEADING_CUES.test(text);
}

/** Reads pages, figures, tables, venue, year and kind from an arXiv comments line. */
export function parseComments(comments: string | null): CommentsFacts {
  const text = (comments ?? "").replace(/\s+/g, " ").trim();
  const { venue, year } = findVenue(text);
  return {
    pages: firstNumber(PAGES, text),
    figures: firstNumber(FIGURES, text),
    tables: firstNumber(TABLES, text),
    venue,
    year,
    kind: findKind(text),
  };
}

function firstNumber(pattern: RegExp, text: string): number | null {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : null;
}

function findKind(text: string): PaperKind | null {
  const kinds: [RegExp, PaperKind][] = [
    [/\bshort[- ]paper\b/i, "short paper"],
    [/\blong[- ]paper\b/i, "long paper"],
    [/\bdemo(?:nstration)?(?: track| paper)\b/i, "demo paper"],
    [/\bextended abstract\b/i, "extended abstract"],
    [/\b(?:technical|tech\.?) report\b/i, "technical report"],
    [/\b(?:survey|literature review)\b/i, "survey"],
    [/\b(?:ph\.?d\.?|master'?s|bachelor'?s)? ?thesis\b/i, "thesis"],
    [/\bpreprint\b/i, "preprint"],
    [/\bworkshop\b/i, "workshop paper"],
  ];
  return kinds.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

function findVenue(text: string): { venue: string | null; year: number | null } {
  const acronym = VENUE_WITH_YEAR.exec(text);
  if (acronym) {
    const year = toYear(acronym[2]!);
    const rest = text.slice(acronym.index + acronym[0].length);
    const findings = FINDINGS.test(text) ? " Findings" : "";
    const workshop = /^\s*workshop\b/i.test(rest) ? " Workshop" : "";
    return { venue: `${acronym[1]} ${year}${findings}${workshop}`, year };
  }
  const cue = VENUE_CUE.exec(text);
  if (!cue) return { venue: null, year: null };
  const venue = cleanVenue(cue[1]!);
  if (!venue) return { venue: null, year: null };
  const y = /\b(19|20)\d{2}\b/.exec(venue);
  return { venue, year: y ? Number(y[0]) : null };
}

/** Cuts a free-text venue at the end of its phrase and drops notes such as "(short paper)". */
function cleanVenue(raw: string): string | null {
  const cut = raw
    .split(/\s*[;(]\s*|\.\s+|,\s+(?=\d|[a-z])/)[0]!
    .replace(/\s+(?:main )?(?:conference|track)$/i, "")
    .replace(/[.,:\s]+$/, "")
    .trim();
  return cut.length >= 2 && cut.length <= 160 ? cut : null;
}

function toYear(digits: string): number {
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}
