import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { markup } from "../../../src/lib/text/markup.ts";

describe("markup", () => {
  it("escapes what is put in, in text and in attribute values", () => {
    const hostile = `"><script>alert('x')</script> & <b onclick='y'>`;
    const made = markup`<a href="${hostile}" title='${hostile}'>${hostile}</a>`.html;
    expect(made).not.toMatch(/<script|<b /);
    const $ = cheerio.load(made, null, false);
    expect($("a").attr("href")).toBe(hostile);
    expect($("a").attr("title")).toBe(hostile);
    expect($("a").text()).toBe(hostile);
    expect($("*")).toHaveLength(1);
  });

  it("keeps markup made by a template, flattens lists, and writes nothing for null, undefined and false", () => {
    const items = ["a<", "b"].map((name) => markup`<li>${name}</li>`);
    expect(markup`<ul>${items}${null}${undefined}${false}</ul><p>${0} ${markup`<br>`}</p>`.html).toBe(
      "<ul><li>a&lt;</li><li>b</li></ul><p>0 <br></p>",
    );
  });

  it("reads as its HTML where a string is expected", () => {
    expect(`${markup`<i>${"&"}</i>`}`).toBe("<i>&amp;</i>");
  });
});
