// The part of citation-js's API the tests use as an oracle (the packages ship no types).
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: string);
    format(kind: "bibliography", options: { format: "text"; template: string; lang: string }): string;
  }
  export const plugins: {
    config: { get(name: "@bibtex"): { parse: { sentenceCase: "never" | "english" | "always" } } };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";
