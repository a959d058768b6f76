/**
 * Drops the `@font-face` rules from KaTeX's stylesheet, so that the build neither emits KaTeX's
 * whole fonts nor points browsers at them: pages declare the fonts subset to the catalogue's math
 * instead (`src/lib/text/katex-fonts.ts`, served by `src/pages/fonts/katex/[name].woff2.ts`).
 */
import type { AstroIntegration } from "astro";
import { withoutFontFaces } from "../lib/text/katex-fonts.ts";

export function katexWithoutFontFaces(): AstroIntegration {
  return {
    name: "catalogue:katex-without-font-faces",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: "catalogue:katex-without-font-faces",
                enforce: "pre",
                transform(code, id) {
                  return /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css(\?|$)/.test(id) ? withoutFontFaces(code) : null;
                },
              },
            ],
          },
        });
      },
    },
  };
}
