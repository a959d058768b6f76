/** `/fonts/katex/<name>.woff2`: KaTeX's fonts, cut to the characters of the catalogue's math. */
import type { APIRoute, GetStaticPaths } from "astro";
import { katexFonts } from "../../../content.ts";

export const getStaticPaths = (async () =>
  (await katexFonts).map((font) => ({
    params: { name: font.file.replace(/\.woff2$/, "") },
    props: { bytes: font.bytes },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ bytes: Uint8Array<ArrayBuffer> }> = ({ props }) =>
  new Response(props.bytes, { headers: { "content-type": "font/woff2" } });
