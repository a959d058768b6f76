/**
 * `<catalogue-search>`: wraps the server-rendered search form (`SearchBox.astro`) and turns it
 * into a combobox (WAI-ARIA APG, list autocomplete, `aria-activedescendant`) whose results come
 * as the visitor types. Without JavaScript the form still submits to the search page.
 *
 * Lunr and the index are fetched on first focus of the box, or at once on the search page
 * (`data-variant="page"`), never on page load elsewhere; a split index fetches its parts as
 * queries need them, so an answer may wait for the network. Markup it reads: `data-index` (the
 * index URL), `data-limit` (results drawn), and children marked `data-input`, `data-status`,
 * `data-message`, `data-retry`, `data-panel`, `data-results`, `data-all`, `data-no-js`, the
 * `<template data-hit>` each result is drawn from, and on the search page `data-year` and
 * `data-topic` (the selects that narrow results, kept in the URL as `?year=` and `?topic=`),
 * `data-help` (what can be typed, shown while the box is empty) and `data-more` (a button that
 * draws `data-limit` more results: a split index fetches each result's fields, so a query
 * fetches those it shows, as Pagefind does). A split index's snippets come once typing pauses
 * (`SNIPPET_PAUSE_MS`); until then a result's `data-hit-snippet` is empty and `data-pending`.
 */
import type { TextSegment, SearchHit } from "../lib/search/search-highlight.ts";
import type { SearchAnswer, SearchEngine, SearchNarrowing } from "./search-engine.ts";
import { searchedAsTyped } from "../lib/search/searched-as-typed.ts";

/** Quiet time after a keystroke before searching. */
const DEBOUNCE_MS = 100;
/**
 * Quiet time after results are drawn before a split index's abstracts are fetched for their
 * snippets: longer than a steady typist's pause between keys (about 150 ms), so that the words
 * of a query being typed cost their results' titles, not their abstracts.
 */
const SNIPPET_PAUSE_MS = 200;
/** Authors a result names before "and N more". */
const AUTHORS_SHOWN = 4;

class CatalogueSearch extends HTMLElement {
  #engine: Promise<SearchEngine> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #snippetTimer: ReturnType<typeof setTimeout> | undefined;
  /** The answer drawn last: snippets that arrive for another are not drawn. */
  #drawn: SearchAnswer | undefined;
  /** Snippets drawn for the query `#asked`, by paper id: "Show more" draws them again at once. */
  #snippets = new Map<string, TextSegment[]>();
  #snippetsAsked = "";
  #active = -1;
  #options: HTMLAnchorElement[] = [];
  /** The query last drawn (its text and narrowing), and how many of its results are wanted. */
  #asked = "";
  #wanted = 0;
  #disconnect = new AbortController();

  get #page(): boolean {
    return this.dataset.variant === "page";
  }

  #part<T extends Element>(name: string): T {
    const element = this.querySelector<T>(`[data-${name}]`);
    if (!element) throw new Error(`<catalogue-search> has no [data-${name}] element`);
    return element;
  }

  get #input() {
    return this.#part<HTMLInputElement>("input");
  }
  get #results() {
    return this.#part<HTMLElement>("results");
  }
  get #panel() {
    return this.#part<HTMLElement>("panel");
  }

  connectedCallback(): void {
    this.#disconnect = new AbortController();
    const { signal } = this.#disconnect;
    const input = this.#input;
    const results = this.#results;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", results.id);
    results.setAttribute("role", "listbox");
    results.setAttribute("aria-labelledby", this.#part("label").id);
    for (const notice of this.querySelectorAll<HTMLElement>("[data-no-js]")) notice.hidden = true;

    input.addEventListener("focus", () => this.#focus(), { signal });
    input.addEventListener("input", () => this.#schedule(), { signal });
    input.addEventListener("keydown", (event) => this.#keydown(event), { signal });
    this.addEventListener("focusout", (event) => this.#focusout(event), { signal });
    // Keeps the focus in the box when a result is clicked, so the list stays open until the link is followed.
    this.#panel.addEventListener("pointerdown", (event) => event.preventDefault(), { signal });
    this.#part<HTMLButtonElement>("retry").addEventListener("click", () => this.#retry(), { signal });
    this.querySelector("[data-more]")?.addEventListener("click", () => this.#more(), { signal });
    this.#part<HTMLFormElement>("form").addEventListener("submit", (event) => this.#submit(event), { signal });
    document.addEventListener("keydown", (event) => this.#shortcut(event), { signal });

    if (this.#page) {
      const params = new URLSearchParams(location.search);
      input.value = params.get("q") ?? "";
      for (const [name, select] of this.#selects()) {
        const value = params.get(name) ?? "";
        if ([...select.options].some((option) => option.value === value)) select.value = value;
        select.addEventListener("change", () => void this.#run(), { signal });
      }
      void this.#run();
    }
  }

  disconnectedCallback(): void {
    this.#disconnect.abort();
    clearTimeout(this.#timer);
  }

  /** `/` anywhere but in a text field focuses the first search box of the page. */
  #shortcut(event: KeyboardEvent): void {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (document.querySelector("catalogue-search") !== this) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select")))
      return;
    event.preventDefault();
    this.#input.focus();
    this.#input.select();
  }

  #focus(): void {
    if (this.#input.value.trim()) void this.#run();
    else this.#load().catch(() => this.#failed());
  }

  #retry(): void {
    this.#input.focus();
    this.#focus();
  }

  /** Draws as many results again as the box draws at first. */
  #more(): void {
    this.#wanted += Number(this.dataset.limit);
    void this.#run();
  }

  /** The search page answers in place; elsewhere the form goes to the search page. */
  #submit(event: SubmitEvent): void {
    if (!this.#page) return;
    event.preventDefault();
    void this.#run();
  }

  #focusout(event: FocusEvent): void {
    if (this.#page) return;
    if (event.relatedTarget instanceof Node && this.contains(event.relatedTarget)) return;
    this.#open(false);
  }

  #keydown(event: KeyboardEvent): void {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (this.#options.length === 0) return;
        event.preventDefault();
        this.#open(true);
        const step = event.key === "ArrowDown" ? 1 : -1;
        const count = this.#options.length;
        this.#activate(this.#active === -1 ? (step === 1 ? 0 : count - 1) : (this.#active + step + count) % count);
        return;
      }
      case "Enter": {
        const option = this.#options[this.#active];
        if (option) {
          event.preventDefault();
          location.assign(option.href);
        }
        return;
      }
      case "Escape":
        event.preventDefault();
        this.#input.value = "";
        void this.#run();
        return;
    }
  }

  /** Searches as the visitor types what `searchedAsTyped` allows; Enter searches the rest. */
  #schedule(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#snippetTimer);
    if (!searchedAsTyped(this.#input.value)) {
      this.#asked = "";
      this.#draw("", { total: 0, hits: [], fuzzy: [] });
      return;
    }
    this.#timer = setTimeout(() => void this.#run(), DEBOUNCE_MS);
  }

  /** Lunr and the index, fetched once; after a failure, fetched again on the next try. */
  #load(): Promise<SearchEngine> {
    if (!this.#engine) {
      this.#say("Loading search…");
      this.#engine = import("./search-engine.ts")
        .then(({ openSearchEngine }) => openSearchEngine(this.dataset.index!))
        .then((engine) => {
          this.#say("");
          return engine;
        });
      this.#engine.catch(() => {
        this.#engine = null;
      });
    }
    return this.#engine;
  }

  /** The search page's selects that narrow results, by their URL parameter. */
  #selects(): [string, HTMLSelectElement][] {
    return [...this.querySelectorAll<HTMLSelectElement>("select[data-year], select[data-topic]")].map((select) => [
      select.name,
      select,
    ]);
  }

  /** What the selects narrow results to, if anything. */
  #narrowing(): SearchNarrowing | undefined {
    const year = this.querySelector<HTMLSelectElement>("select[data-year]")?.value;
    const topic = this.querySelector<HTMLSelectElement>("select[data-topic]")?.selectedOptions[0]?.dataset["name"];
    return year || topic ? { year: year ? Number(year) : undefined, topic: topic || undefined } : undefined;
  }

  /** Searches for what the box holds now and draws the answer. */
  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    const typed = this.#input.value.trim();
    const narrowing = this.#narrowing();
    // Narrowed with nothing typed: every paper of the year or topic.
    const text = typed || (narrowing ? "*" : "");
    if (this.#page) this.#followInUrl(typed);
    const help = this.querySelector<HTMLElement>("[data-help]");
    if (help) help.hidden = text !== "";
    if (!text) {
      this.#draw(text, { total: 0, hits: [], fuzzy: [] });
      return;
    }
    this.#part<HTMLElement>("retry").hidden = true;
    // A new query starts from the box's first results; "Show more" asks for more of the same.
    const asked = JSON.stringify([text, narrowing ?? null]);
    if (asked !== this.#asked) {
      this.#asked = asked;
      this.#wanted = Number(this.dataset.limit);
    }
    const wanted = this.#wanted;
    let answer: SearchAnswer;
    try {
      const engine = await this.#load();
      answer = await engine.search(text, wanted, narrowing);
    } catch {
      if (typed === this.#input.value.trim()) this.#failed();
      return;
    }
    // A later keystroke, narrowing or "Show more" has already drawn its own answer, or will.
    if (typed !== this.#input.value.trim() || asked !== this.#asked || wanted !== this.#wanted) return;
    this.#draw(text, answer);
  }

  #failed(): void {
    this.#draw("", { total: 0, hits: [], fuzzy: [] });
    this.#say("Search could not be loaded. Check your connection and try again.");
    this.#part<HTMLElement>("retry").hidden = false;
    this.#open(true);
  }

  #draw(text: string, answer: SearchAnswer): void {
    const template = this.#part<HTMLTemplateElement>("hit");
    if (this.#snippetsAsked !== this.#asked) {
      this.#snippets.clear();
      this.#snippetsAsked = this.#asked;
    }
    this.#options = answer.hits.map((hit, i) => this.#option(template, hit, `${this.#results.id}-${i}`));
    this.#results.replaceChildren(...this.#options);
    this.#results.hidden = this.#options.length === 0;
    this.#activate(-1);
    this.#drawn = answer;
    clearTimeout(this.#snippetTimer);
    if (answer.snippets && answer.hits.some((hit) => !hit.snippet && !this.#snippets.has(hit.id)))
      this.#snippetTimer = setTimeout(() => void this.#drawSnippets(answer), SNIPPET_PAUSE_MS);

    const all = this.querySelector<HTMLAnchorElement>("[data-all]");
    if (all) {
      all.href = searchUrl(this.#part<HTMLFormElement>("form"), text);
      all.hidden = answer.total === 0;
    }
    this.#part<HTMLElement>("retry").hidden = true;
    const more = this.querySelector<HTMLButtonElement>("[data-more]");
    if (more) {
      const next = Math.min(Number(this.dataset.limit), answer.total - answer.hits.length);
      // The last results drawn: the focus goes back to the box, not to the page.
      if (next <= 0 && document.activeElement === more) this.#input.focus();
      more.hidden = next <= 0;
      more.textContent = `Show ${next} more`;
    }
    this.#say(text ? describe(text, answer) : "");
    this.#open(text !== "" && (this.#page || document.activeElement === this.#input));
  }

  /** The snippets of the results drawn, once their abstracts are fetched; none if they cannot be. */
  async #drawSnippets(answer: SearchAnswer): Promise<void> {
    let snippets: TextSegment[][];
    try {
      snippets = await answer.snippets!();
    } catch {
      return; // The results stand without snippets; the next query fetches them again.
    }
    if (answer !== this.#drawn) return;
    answer.hits.forEach((hit, i) => this.#snippets.set(hit.id, snippets[i]!));
    this.#options.forEach((option, i) => {
      const field = option.querySelector<HTMLElement>("[data-hit-snippet]")!;
      field.replaceChildren(...segments(snippets[i]!));
      delete field.dataset["pending"];
    });
  }

  #option(template: HTMLTemplateElement, hit: SearchHit, id: string): HTMLAnchorElement {
    const option = (template.content.firstElementChild as HTMLAnchorElement).cloneNode(true) as HTMLAnchorElement;
    option.id = id;
    option.href = hit.url;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    const field = (name: string) => option.querySelector<HTMLElement>(`[data-hit-${name}]`)!;
    field("title").replaceChildren(...segments(hit.title));
    field("year").textContent = String(hit.year);
    field("authors").textContent = authorsText(hit.authors);
    field("topics").textContent = hit.topics.join(", ");
    field("topics").hidden = hit.topics.length === 0;
    const snippet = hit.snippet ?? this.#snippets.get(hit.id);
    // A snippet to come keeps two lines' room, so that the results move less when it does.
    if (snippet) field("snippet").replaceChildren(...segments(snippet));
    else field("snippet").dataset["pending"] = "";
    return option;
  }

  #activate(index: number): void {
    this.#options[this.#active]?.setAttribute("aria-selected", "false");
    this.#active = index;
    const option = this.#options[index];
    if (option) {
      option.setAttribute("aria-selected", "true");
      option.scrollIntoView({ block: "nearest" });
      this.#input.setAttribute("aria-activedescendant", option.id);
    } else {
      this.#input.removeAttribute("aria-activedescendant");
    }
  }

  #open(open: boolean): void {
    const panel = this.#panel;
    const show = open && (this.#options.length > 0 || this.#part("status").textContent !== "");
    panel.hidden = !show;
    this.#input.setAttribute("aria-expanded", String(show && this.#options.length > 0));
    if (!show) this.#activate(-1);
  }

  /** Tells the live region (and the visible copy of it in the drop-down). */
  #say(message: string): void {
    this.#part("status").textContent = message;
    const copy = this.querySelector("[data-message]");
    if (copy) copy.textContent = message;
    this.#open(this.#page || document.activeElement === this.#input);
  }

  /** On the search page the URL holds the query, so the search can be shared and revisited. */
  #followInUrl(text: string): void {
    const url = searchUrl(this.#part<HTMLFormElement>("form"), text);
    if (url !== location.href) history.replaceState(history.state, "", url);
  }
}

/** The search page's URL for a query and the form's narrowing, as the form itself would submit it. */
function searchUrl(form: HTMLFormElement, text: string): string {
  const url = new URL(form.action);
  if (text) url.searchParams.set("q", text);
  for (const select of form.querySelectorAll("select"))
    if (select.value) url.searchParams.set(select.name, select.value);
  return url.href;
}

function describe(text: string, { total, hits, fuzzy }: SearchAnswer): string {
  const what = text === "*" ? "the catalogue" : `“${text}”`;
  const retried =
    fuzzy.length > 0
      ? `No paper has ${fuzzy.map((word) => `“${word}”`).join(" or ")}; searched for words within one letter of it instead. `
      : "";
  if (total === 0) return `${retried}No papers match ${what}.`;
  const count =
    text === "*"
      ? `${total} ${total === 1 ? "paper" : "papers"}`
      : `${total} ${total === 1 ? "paper matches" : "papers match"} ${what}`;
  return `${retried}${hits.length < total ? `${count}; the best ${hits.length} are shown.` : `${count}.`}`;
}

function authorsText(authors: string[]): string {
  const shown = authors.slice(0, AUTHORS_SHOWN).join(", ");
  return authors.length > AUTHORS_SHOWN ? `${shown} and ${authors.length - AUTHORS_SHOWN} more` : shown;
}

/** Text nodes and `<mark>` elements: nothing from the index is ever parsed as HTML. */
function segments(list: TextSegment[]): Node[] {
  return list.map(({ text, marked }) => {
    if (!marked) return document.createTextNode(text);
    const mark = document.createElement("mark");
    mark.textContent = text;
    return mark;
  });
}

if (!customElements.get("catalogue-search")) customElements.define("catalogue-search", CatalogueSearch);
