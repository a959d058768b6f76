import { escapeForTerminal } from "./content-text.ts";

/** A problem in the catalogue's input, located by file and line. */
export interface Problem {
  file: string;
  /** 1-based line; 0 when the problem concerns the file as a whole. */
  line: number;
  message: string;
}

/**
 * `file:line: message`, the form editors and terminals link to the source. Control and bidi
 * characters quoted from content are shown escaped (`\u001b`), never sent to the terminal.
 */
export function formatProblem(problem: Problem): string {
  const text =
    problem.line > 0 ? `${problem.file}:${problem.line}: ${problem.message}` : `${problem.file}: ${problem.message}`;
  return escapeForTerminal(text);
}

/** Thrown when the input has problems: its message lists every one, a line each. */
export class CatalogueError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`The catalogue's content has ${count}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "CatalogueError";
    this.problems = problems;
    // The problems are the content's, not the code's: a stack trace under them would only hide them.
    this.stack = "";
  }
}
