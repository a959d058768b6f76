/**
 * arXiv's category taxonomy: every category arXiv has had (`cs.CL`, `hep-th`, `math.AG`, the
 * retired `cmp-lg`), with the name arXiv gives it. The data is `arxiv-taxonomy.json`, taken from
 * arXiv's own definitions (its `source` field names the repository, file and commit).
 */
import taxonomy from "./arxiv-taxonomy.json" with { type: "json" };

const NAMES: Readonly<Record<string, string>> = taxonomy.categories;
const ALIASES: Readonly<Record<string, string>> = taxonomy.aliases;

/** True for a category arXiv has (active or retired); false for MSC (`68T50`) or ACM (`I.2.7`) codes. */
export function isArxivCategory(category: string): boolean {
  return Object.hasOwn(NAMES, category);
}

/** arXiv's name for a category (`cs.CL` -> "Computation and Language"), or null for one arXiv lacks. */
export function categoryName(category: string): string | null {
  return Object.hasOwn(NAMES, category) ? NAMES[category]! : null;
}

/** The category arXiv treats as canonical for an alias (`math.IT` -> `cs.IT`), else the category itself. */
export function canonicalCategory(category: string): string {
  return Object.hasOwn(ALIASES, category) ? ALIASES[category]! : category;
}

/** Where the taxonomy was taken from. */
export const TAXONOMY_SOURCE: string = taxonomy.source;
