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

/**
 * What real arXiv Comments say, learnt from arXiv's own `.abs` records (the fixture
 * tests/fixtures/real-records/arxiv-browse-abs.json holds them, with their sources). Each cue names
 * the kind of note it marks, for the warning that shows a doubtful reading, and weighs 2 when
 * abstracts' paragraphs almost never show it, 1 when they sometimes do.
 */
const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|many|several|no|approx(?:imately|\.)?\s*\d+|about\s+\d+)`;
interface Cue {
  pattern: RegExp;
  kind: string;
  weight: 1 | 2;
}
const COMMENT_CUES: Cue[] = [
  {
    pattern: new RegExp(
      String.raw`(?:^|[\s(,;.])${COUNT}[-\s]*(?:\+\s*\d+\s*)?(?:(?:[a-z-]+ ){0,2}(?:pages?|pagine|pagges|pp\b\.?|p\.|figures?|figs?\b\.?|tables?|plots?|diagrams?|references|refs?\.?|slides)|(?:latex|revtex|tex) pages)(?![a-z])`,
      "i",
    ),
    kind: "pages and figures",
    weight: 2,
  },
  {
    pattern:
      /^\s*(?:accepted|to appear|in press|published|submitted|presented|invited|contributed|contribution|forthcoming|appeared|to be (?:published|presented|submitted)|talk|poster|proceedings|lectures?|plenary|keynote|review|conference|workshop)\b|\b(?:accepted (?:for|to|in|by|at|as)|to appear|in press|published (?:in|by|at|as|version)|submitted (?:to|for|in)|presented (?:at|in)|contribution to|(?:invited|contributed|plenary|conference|review|keynote) talk|talk (?:given|presented|at)|proceedings of|to be (?:published|presented|submitted))\b/i,
    kind: "publication note",
    weight: 2,
  },
  {
    pattern: /\b(?:proceedings|conference|workshop|symposium|colloquium|meeting|congress|lectures?|talk|poster)\b/i,
    kind: "publication note",
    weight: 1,
  },
  {
    pattern:
      /\b(?:typos?|misprints?|typographic(?:al)? errors?|errors? corrected|(?:minor|major|small|some|significant|substantial|several|many|various|few|other) (?:changes|corrections|revisions?|modifications|improvements|additions|fixes|clarifications|edits|typos)|(?:references?|refs?\.?|figures?|sections?|appendix|discussions?|comments|acknowledge?ments?|details) (?:are |were |have been )?(?:added|updated|corrected|expanded|revised|modified|changed|removed|fixed|included|extended|improved|rewritten)|(?:corrected|revised|updated|expanded|extended|improved|shortened|amended|final|published|accepted|journal|camera[- ]ready|substantially revised|slightly revised) (?:version|text|manuscript|discussion)|(?:added|corrected|updated|fixed|changed|removed|revised)\s+(?:a |an |the |some |several |few |more |new |minor )?(?:typos?|references?|refs?\.?|figures?|sections?|discussions?|appendix|comments|acknowledge?ments?|errors?|proofs?|title|abstract|bibliography|author|affiliations?)|matches (?:the )?published|as published|(?:was|has been|is) (?:replaced|revised|updated|corrected))\b/i,
    kind: "revision note",
    weight: 2,
  },
  {
    pattern:
      /(?:^|[\s(,;.[])v(?:er(?:sion)?)?\.?\s?\d+(?:\.\d+)?\s*[:,;)\]-]|\b(?:version) \d+\b|^\s*(?:corrected|revised|updated|expanded|minor (?:changes|corrections|revisions?)|final|replaced|improved|extended|changed|added|typos?)\b/i,
    kind: "revision note",
    weight: 2,
  },
  {
    pattern:
      /\b(?:corrected|corrections?|revised|revision|updated|added|expanded|modified|rewritten|replaced|improved|clarified|fixed|amended|removed|changed|reorganized|reorganised)\b/i,
    kind: "revision note",
    weight: 1,
  },
  {
    pattern:
      /\b(?:has been|have been|was|is|been)\s+withdrawn\b|^\s*(?:paper )?withdrawn\b|\bwithdrawn by\b|\bwithdraw(?:n|s)? (?:this|the) (?:paper|article|submission|manuscript)\b|\b(?:retracted|superseded by)\b|\bwithdrawn due to\b/i,
    kind: "withdrawal notice",
    weight: 2,
  },
  {
    pattern:
      /\b(?:ph\.?\s?d\.?|doctoral|master'?s?|bachelor'?s?|diploma|m\.?sc\.?|habilitation|licentiate|undergraduate|senior|honou?rs)\s+(?:thesis|dissertation)|^\s*(?:thesis|dissertation)\b|\b(?:thesis|dissertation)(?:\s*[,;.(]|\s+(?:at|for|submitted|presented|defended|of|in|under|supervised|university|\(|-)|\s*$)/i,
    kind: "thesis note",
    weight: 2,
  },
  {
    pattern:
      /^\s*(?:keywords?|key\s?words?|index terms|pacs(?:\s+(?:numbers?|nos?\.?|codes?))?|msc(?:\s*(?:20\d\d|class(?:es)?))?|ams(?: subject)? classifications?|(?:2\d{3} )?mathematics subject classifications?|subject classifications?|jel(?: classifications?| codes?)?|acm (?:classes|ccs))\s*(?:\(\d{4}\)\s*)?[:.-]/i,
    kind: "keyword list",
    weight: 2,
  },
  {
    pattern:
      /\b(?:latex(?:2e)?|la\s?tex|revtex\s?\d?|ams-?tex|ams-?latex|plain ?tex|postscript|uuencoded|tar(?:red)?(?:\.gz)?|gzipped|compressed|eps|epsf|jpe?g|gif|png|mathematica)\b|\.(?:sty|cls|tex|eps|ps|bst|tar|gz)\b|\b(?:elsart|aastex|emulateapj|mn2e|svjour|iopart|jhep3?|ws-\w+|aipproc|revtex4|psfig|epsfig)\b|\buses? [\w-]+\.sty\b|\bfigures? (?:are )?(?:included|available|attached|separately)/i,
    kind: "file note",
    weight: 2,
  },
  { pattern: /(?:https?:\/\/|\bwww\.|\bftp:\/\/)\S+/i, kind: "web address", weight: 1 },
  {
    pattern:
      /\b(?:ApJL?|ApJS|MNRAS|A&A|AJ|PASP|PASJ|PRL|PRA|PRB|PRC|PRD|PRE|PRX|JHEP|JCAP|EPJ[A-Z]?|NPB|PLB|CQG|GRG|JMP|CMP|JPA|SIGMA|LNCS|Phys\.\s?Rev|Phys\.\s?Lett|Nucl\.\s?Phys|J\.\s?Phys|Astrophys\.\s?J|Astron\.\s?J|Mon\.\s?Not)(?![A-Za-z])/,
    kind: "publication note",
    weight: 2,
  },
  {
    pattern:
      /^\s*(?:erratum|errata|addendum|corrigendum|comment on|reply to|translat(?:ed|ion)|originally|reprint|preprint|e-?print|report(?:-| )no|technical report|white paper|review article|lecture notes|book chapter|chapter|monograph|essay|survey|tutorial|extended abstract|short paper|long paper|demo paper|full paper|oral|spotlight|best paper|dedicated to|in honou?r of|in memory of|to the memory of|on the occasion of|festschrift|code|software|data|project page|website|supplementary|ancillary|submission|(?:an? )?(?:[\w-]+ )?(?:note|letter|paper|article|manuscript|version|report|review|abstract|summary|contribution|comment)(?: (?:to|submitted|presented|accepted|prepared|written|based|published))\b)/i,
    kind: "publication note",
    weight: 2,
  },
  {
    pattern:
      /\b(?:erratum|errata|addendum|corrigendum|preprint|e-?print|technical report|white paper|lecture notes|book chapter|extended abstract|short paper|long paper|full paper|best paper|award|prize|dedicated to|in honou?r of|in memory of|on the occasion of|birthday|festschrift|comments? (?:are )?welcome|submission|ancillary files?|supplementary (?:material|information|files?))\b|\b\d+\s+authors\b|\bcode (?:is )?(?:available|at|:)|\bavailable (?:at|from|on)\b/i,
    kind: "note",
    weight: 1,
  },
  { pattern: VENUE_WITH_YEAR, kind: "publication note", weight: 2 },
  { pattern: /^\s*(?:note|n\.b\.|nb|remark|comment|ps|p\.s\.)\s*:/i, kind: "note", weight: 2 },
  { pattern: /(?:^|[\s,(])eds?\.?(?:\s*$|[\s,)])|\bedited by\b/i, kind: "publication note", weight: 2 },
  {
    pattern:
      /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2}(?:\s*[-–]+\s*\d{1,2})?,?\s+)?(?:19|20)\d\d\b/i,
    kind: "date",
    weight: 1,
  },
];

/** Kinds of note that real abstracts also end with (a keyword paragraph): read as Comments, with a doubt. */
const AMBIGUOUS_KINDS = new Set(["keyword list"]);

/** What an abstract's paragraph does and a note does not: speak in sentences about the work. */
const PROSE_CUES: RegExp[] = [
  /(?:\b(?:we|our|us)|\bI(?=\s))\s+(?!(?:have\s+)?(?:corrected|added|fixed|removed|updated|revised|changed|expanded|rewrote|rewritten|modified|improved|clarified|replaced|included|withdraw|withdrew|thank|apologi[sz]e)\b)[a-z]+/i,
  /\b(?:in|with)\s+(?:this|the present)\s+(?:paper|work|article|note|letter|study|thesis|review|contribution|chapter)\b(?!\s+(?:has been|was|is)\s+(?:withdrawn|replaced|superseded|merged|accepted|published|submitted))/i,
  /\b(?:(?:is|are|was|were|(?<!to )be|been|can be|may be) (?:shown|found|obtained|derived|proved|proposed|presented|discussed|studied|investigated|computed|calculated|determined|demonstrated|observed|considered|analy[sz]ed|described|introduced|applied|used|given|established|predicted|measured|detected|estimated|compared|tested|explored|reviewed|explained|identified|constructed|developed|expected|related|discussed)|(?:results?|data|observations|simulations|calculations|experiments|measurements|findings|analysis|model|method|approach|theory|these|this) (?:shows?|suggests?|indicates?|reveals?|demonstrates?|impl(?:y|ies)|confirms?|provides?|allows?|agrees?|yields?|predicts?|supports?|leads?|gives?|opens?))\b/i,
  /\b(?:moreover|furthermore|however|finally|therefore|thus|hence|consequently|in particular|in addition|as a result|in contrast|on the other hand)\b/i,
];

/** The longest real Comments run to about 400 characters; beyond this, a line is an abstract's paragraph. */
const MAX_COMMENTS_LENGTH = 600;

export interface LastLineReading {
  /** How the line is read. */
  reading: "comments" | "abstract";
  /** Why the other reading is plausible too (the owner is warned), or null when the reading is clear. */
  doubt: string | null;
}

/**
 * Reads a record's last line before its marker as arXiv's Comments or as the abstract's last
 * paragraph, from what real Comments look like: short fragments naming pages and figures, venues
 * and publication, versions and revisions, files, withdrawals, theses, keywords; an abstract's
 * paragraph speaks in sentences about the work ("we show", "this paper", "is found"). Where both
 * readings are plausible the likelier one comes back with the doubt, for a warning.
 */
export function readLastLine(line: string): LastLineReading {
  const text = line.replace(/\s+/g, " ").trim();
  if (text.length > MAX_COMMENTS_LENGTH) return { reading: "abstract", doubt: null };
  const matched = COMMENT_CUES.filter((cue) => cue.pattern.test(text));
  const kinds = [...new Set(matched.map((cue) => cue.kind))];
  const score = matched.reduce((sum, cue) => sum + cue.weight, 0);
  const words = text.split(" ").length;
  const sentences = text.split(/(?<=[a-z)\]$][.!?])\s+(?=[A-Z])/).filter((s) => s.split(" ").length >= 5).length;
  const prose = PROSE_CUES.filter((cue) => cue.test(text)).length + (sentences >= 3 ? 1 : 0) + Math.floor(words / 40);
  const seems = `reads like arXiv Comments (${kinds.join(", ")})`;
  if (score === 0) {
    // No cue: a sentence is prose; a short fragment could be either.
    if (prose > 0 || words > 8) return { reading: "abstract", doubt: null };
    return { reading: "abstract", doubt: "is a short fragment, which could be arXiv Comments" };
  }
  if (prose === 0) {
    if (score < 2 && words > 12) return { reading: "abstract", doubt: seems };
    // A whole sentence about "this" paper or version reads either way ("This is an expanded version of a talk").
    const sentence =
      /^(?:this|these|it|here)\b.*\b(?:is|are|was|were|has|have)\b.*[.!]$/i.test(text) &&
      !kinds.some((kind) => kind === "pages and figures" || kind === "file note");
    const ambiguous = kinds.find((kind) => AMBIGUOUS_KINDS.has(kind));
    if (ambiguous) return { reading: "comments", doubt: `is a ${ambiguous}, which ends some abstracts too` };
    return { reading: "comments", doubt: sentence ? `${seems}, but is a sentence, as abstracts are` : null };
  }
  if (score >= prose + 3) return { reading: "comments", doubt: null };
  if (score >= prose + 1) return { reading: "comments", doubt: `${seems}, but also like prose` };
  if (score >= prose) return { reading: "abstract", doubt: `is prose, but ${seems.replace("reads", "also reads")}` };
  return { reading: "abstract", doubt: null };
}

/**
 * Whether a line reads like arXiv comments rather than abstract text (the reading of
 * {@link readLastLine}, doubtful or not).
 */
export function looksLikeComments(line: string): boolean {
  return readLastLine(line).reading === "comments";
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
