/**
 * The Lunr text pipeline shared by the index built at build time and the queries run in the
 * browser. A serialized Lunr index names its search pipeline's functions by label, and
 * `lunr.Index.load` only finds functions registered under those labels, so both sides import
 * this module: importing it registers the functions.
 */
import lunr from "lunr";

import { foldAccents } from "../text/fold-accents.ts";

export { foldAccents };

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

/** What a document's words go through: folded, trimmed, stop-word filtered and stemmed. */
const INDEX_STEPS = [foldAccentsToken, trimToken, lunr.stopWordFilter, lunr.stemmer];
/** What query terms go through: folded, trimmed and stemmed (stop words are absent from the index anyway). */
const SEARCH_STEPS = [foldAccentsToken, trimToken, lunr.stemmer];

/** Sets a Lunr builder's pipelines: the index pipeline for documents, the search pipeline for queries. */
export function configurePipelines(builder: lunr.Builder): void {
  builder.pipeline.reset();
  builder.pipeline.add(...INDEX_STEPS);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(...SEARCH_STEPS);
}

/**
 * The pipeline a document's words go through, as `configurePipelines` gives the builder: to index
 * without Lunr's builder, or to find again where a term occurs in a document's text.
 */
export function indexPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline();
  pipeline.add(...INDEX_STEPS);
  return pipeline;
}

/**
 * A word's terms through the index pipeline, remembered: each pipeline step sees one token at a
 * time, so a token's terms depend on its text only, and a catalogue repeats its words.
 */
export function indexTerms(): (token: string) => string[] {
  const pipeline = indexPipeline();
  const known = new Map<string, string[]>();
  return (token) => {
    let terms = known.get(token);
    if (!terms) {
      terms = pipeline.run([new lunr.Token(token, {})]).map(String);
      known.set(token, terms);
    }
    return terms;
  };
}

/** The search pipeline's serialized form, as a Lunr index names it (`lunr.Pipeline.load` reads it). */
export function searchPipelineLabels(): string[] {
  const pipeline = new lunr.Pipeline();
  pipeline.add(...SEARCH_STEPS);
  // Typed as the functions; Lunr serializes each as its registered label.
  return pipeline.toJSON() as unknown as string[];
}

export { lunr };
