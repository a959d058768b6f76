import { defineConfig } from "html-validate";

export default defineConfig({
  extends: ["html-validate:recommended"],
  rules: {
    // A paper's page title is the paper's title, however long: it is what readers search and bookmark.
    "long-title": "off",
    // The HTML is generated: where line breaks fall is the compiler's doing, not an authoring slip.
    "no-trailing-whitespace": "off",
    // KaTeX positions every glyph with inline heights, offsets and widths computed at build time;
    // those properties are allowed, any other inline style (ours) is still an error.
    "no-inline-style": [
      "error",
      {
        allowedProperties: [
          "height",
          "vertical-align",
          "margin-left",
          "margin-right",
          "top",
          "width",
          "min-width",
          "padding-left",
          "border-bottom-width",
          "left",
          "position",
          "color",
          "font-size",
          "bottom",
          "right",
          "border-right-width",
          "border-top-width",
        ],
      },
    ],
  },
});
