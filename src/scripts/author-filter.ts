/**
 * The filter of the authors' index: shows only the names that contain what is typed, letters
 * folded as search folds them (`Lukasz` finds "Łukasz"). Without JavaScript the box stays hidden
 * and the page is the full index, by letter.
 */
import { foldAccents } from "../lib/text/fold-accents.ts";

class AuthorFilter extends HTMLElement {
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
    box.hidden = false;
    const apply = () => {
      const words = foldAccents(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const { section, items } of sections) {
        let inSection = 0;
        for (const item of items) {
          const key = item.dataset["key"] ?? "";
          const match = words.every((word) => key.includes(word));
          item.hidden = !match;
          if (match) inSection++;
        }
        section.hidden = inSection === 0;
        shown += inSection;
      }
      if (letters) letters.hidden = words.length > 0;
      status.textContent = words.length === 0 ? "" : shown === 1 ? "1 author" : `${shown} authors`;
      const url = new URL(window.location.href);
      if (input.value.trim()) url.searchParams.set("name", input.value.trim());
      else url.searchParams.delete("name");
      window.history.replaceState(null, "", url);
    };
    input.value = new URL(window.location.href).searchParams.get("name") ?? "";
    input.addEventListener("input", apply);
    if (input.value) apply();
  }
}

customElements.define("author-filter", AuthorFilter);
