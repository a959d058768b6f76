/**
 * The filter of the authors' index: shows only the names that contain what is typed, letters
 * folded as search folds them (`Lukasz` finds "Łukasz"). On an index of one page it hides the
 * names that do not match; on an index of several (`data-pages`), it fetches every author once
 * (`data-directory`, `[name, slug, papers]` each) and lists the matches in `[data-matches]`, the
 * first `SHOWN`, in place of the page's letters. Without JavaScript the box stays hidden and the
 * pages are the full index, by letter.
 */
import { foldAccents } from "../lib/text/fold-accents.ts";

/** Matches a many-paged index lists at most. */
const SHOWN = 200;

type DirectoryEntry = [name: string, slug: string, papers: number];

class AuthorFilter extends HTMLElement {
  #directory: Promise<{ entry: DirectoryEntry; key: string }[]> | null = null;

  connectedCallback(): void {
    const box = this.querySelector<HTMLElement>("[data-filter]");
    const input = box?.querySelector("input");
    const status = box?.querySelector<HTMLElement>("[role=status]");
    if (!box || !input || !status) return;
    const sections = [...this.querySelectorAll<HTMLElement>("[data-letter]")].map((section) => ({
      section,
      items: [...section.querySelectorAll<HTMLElement>("li[data-key]")],
    }));
    const letters = this.querySelector<HTMLElement>("[data-letters]");
    const pagination = this.querySelector<HTMLElement>("[data-pagination]");
    const matches = this.querySelector<HTMLUListElement>("[data-matches]");
    const paged = Number(this.dataset["pages"] ?? "1") > 1 && matches !== null;
    box.hidden = false;
    const count = (n: number) => (n === 1 ? "1 author" : `${n} authors`);

    const filterPage = (words: string[]) => {
      let shown = 0;
      for (const { section, items } of sections) {
        let inSection = 0;
        for (const item of items) {
          const match = words.every((word) => (item.dataset["key"] ?? "").includes(word));
          item.hidden = !match;
          if (match) inSection++;
        }
        section.hidden = inSection === 0;
        shown += inSection;
      }
      status.textContent = words.length === 0 ? "" : count(shown);
    };

    const filterAll = async (words: string[]) => {
      for (const { section } of sections) section.hidden = words.length > 0;
      if (pagination) pagination.hidden = words.length > 0;
      matches!.hidden = words.length === 0;
      if (words.length === 0) {
        matches!.replaceChildren();
        status.textContent = "";
        return;
      }
      let directory;
      try {
        directory = await this.#load();
      } catch {
        status.textContent = "The list of authors could not be loaded. Check your connection and try again.";
        return;
      }
      // A later keystroke has drawn its own matches.
      if (foldAccents(input.value).split(/\s+/).filter(Boolean).join(" ") !== words.join(" ")) return;
      const found = directory.filter(({ key }) => words.every((word) => key.includes(word)));
      matches!.replaceChildren(...found.slice(0, SHOWN).map(({ entry }) => this.#item(entry)));
      status.textContent =
        found.length > SHOWN ? `${count(found.length)}; the first ${SHOWN} are shown.` : count(found.length);
    };

    const apply = () => {
      const words = foldAccents(input.value).split(/\s+/).filter(Boolean);
      if (letters) letters.hidden = words.length > 0;
      if (paged) void filterAll(words);
      else filterPage(words);
      const url = new URL(window.location.href);
      if (input.value.trim()) url.searchParams.set("name", input.value.trim());
      else url.searchParams.delete("name");
      window.history.replaceState(null, "", url);
    };
    input.value = new URL(window.location.href).searchParams.get("name") ?? "";
    input.addEventListener("input", apply);
    if (input.value) apply();
  }

  /** Every author, fetched once; after a failure, fetched again on the next keystroke. */
  #load(): Promise<{ entry: DirectoryEntry; key: string }[]> {
    this.#directory ??= fetch(this.dataset["directory"]!)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        return response.json() as Promise<DirectoryEntry[]>;
      })
      .then((entries) => entries.map((entry) => ({ entry, key: foldAccents(entry[0]) })));
    this.#directory.catch(() => (this.#directory = null));
    return this.#directory;
  }

  /** A match as the index lists an author: the name, linked, and how many papers. */
  #item([name, slug, papers]: DirectoryEntry): HTMLLIElement {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.className = "link";
    link.href = new URL(`${encodeURIComponent(slug)}/`, new URL(this.dataset["directory"]!, location.href)).href;
    link.textContent = name;
    const count = document.createElement("span");
    count.className = "text-zinc-600 dark:text-zinc-400";
    count.textContent = `(${papers})`;
    item.append(link, " ", count);
    return item;
  }
}

customElements.define("author-filter", AuthorFilter);
