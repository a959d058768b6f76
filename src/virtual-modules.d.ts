declare module "virtual:catalogue/derivations-worker" {
  /** The URL of the bundled derivations worker in a build; `null` under `astro dev`. */
  const url: string | null;
  export default url;
}

declare module "virtual:catalogue/og-card-worker" {
  /** The URL of the bundled preview-card worker in a build; `null` under `astro dev`. */
  const url: string | null;
  export default url;
}
