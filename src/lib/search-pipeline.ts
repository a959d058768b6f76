/**
 * The Lunr text pipeline shared by the index built at build time and the queries run in the
 * browser. A serialized Lunr index names its search pipeline's functions by label, and
 * `lunr.Index.load` only finds functions registered under those labels, so both sides import
 * this module: importing it registers the functions.
 */
import lunr from "lunr";

/** Letters a visitor types without their diacritic that Unicode does not decompose. */
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * Lowercase text without accents, so that `Renyi` finds "Rényi" and `Lukasz` finds "Łukasz".
 * NFKD also splits ligatures and compatibility forms (`ﬁ` -> "fi", `²` -> "2").
 */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæœøłđðþı]/g, (letter) => LETTERS[letter]!);
}

/** Lunr pipeline function: a token without accents. Registered as `foldAccents`. */
const foldAccentsToken: lunr.PipelineFunction = (token) => token.update((text) => foldAccents(text));

/**
 * Lunr pipeline function: a token without the punctuation around it, dropped when nothing is
 * left. Replaces `lunr.trimmer`, whose ASCII `\W` strips non-Latin letters (`α`, `é`) from the
 * ends of words and keeps empty tokens. Registered as `trimNonLetters`.
 */
const trimToken: lunr.PipelineFunction = (token) => {
  const trimmed = token.toString().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  return trimmed ? token.update(() => trimmed) : null;
};

lunr.Pipeline.registerFunction(foldAccentsToken, "foldAccents");
lunr.Pipeline.registerFunction(trimToken, "trimNonLetters");

/**
 * Sets a Lunr builder's pipelines: documents are folded, trimmed, stop-word filtered and stemmed;
 * query terms are folded, trimmed and stemmed (stop words are absent from the index anyway).
 */
export function configurePipelines(builder: lunr.Builder): void {
  builder.pipeline.reset();
  builder.pipeline.add(foldAccentsToken, trimToken, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(foldAccentsToken, trimToken, lunr.stemmer);
}

export { lunr };
