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
