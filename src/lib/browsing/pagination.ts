/** Cutting a long list into numbered pages. */

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list makes. */
  total: number;
  items: T[];
}

/** The list as pages of `size` items, first to last; an empty list is one empty page. */
export function paginate<T>(items: T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/**
 * The page numbers a list's navigation links to from page `page` of `total`: the first, the
 * last and those within `around` of the current one, in order, `null` where numbers are left
 * out. A year of 10,000 papers makes 200 pages; linking each to every other would make the
 * navigation grow with the square of the list.
 */
export function pageNumbers(page: number, total: number, around = 2): (number | null)[] {
  const numbers: (number | null)[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - page) <= around) numbers.push(n);
    else if (numbers.at(-1) !== null) numbers.push(null);
  }
  return numbers;
}
