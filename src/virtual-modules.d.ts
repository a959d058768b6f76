declare module "virtual:catalogue/derivations-worker" {
  /** The URL of the bundled derivations worker in a build; `null` under `astro dev`. */
  const url: string | null;
  export default url;
}
