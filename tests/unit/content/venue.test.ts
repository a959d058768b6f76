import { describe, expect, it } from "vitest";
import { describeVenue } from "../../../src/lib/content/venue.ts";

describe("describeVenue", () => {
  it("takes the proceedings' title out of a venue written in full, with its pages", () => {
    expect(
      describeVenue(
        "ACL 2018: Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers), pp. 444-449, Melbourne, Australia, July 2018",
      ),
    ).toEqual({
      name: "Proceedings of the 56th Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers)",
      kind: "conference",
      pages: { first: "444", last: "449" },
    });
    expect(
      describeVenue(
        "ICML 2022 (Proceedings of the 39th International Conference on Machine Learning, PMLR vol. 162, pp. 23318-23340)",
      ),
    ).toEqual({
      name: "Proceedings of the 39th International Conference on Machine Learning",
      kind: "conference",
      pages: { first: "23318", last: "23340" },
    });
  });

  it("keeps a venue that names no proceedings, without its pages", () => {
    expect(
      describeVenue("Findings of the Association for Computational Linguistics: ACL-IJCNLP 2021, pp. 4831-4843"),
    ).toEqual({
      name: "Findings of the Association for Computational Linguistics: ACL-IJCNLP 2021",
      kind: "conference",
      pages: { first: "4831", last: "4843" },
    });
    expect(describeVenue("ACL 2021 Findings")).toEqual({ name: "ACL 2021 Findings", kind: "conference", pages: null });
  });

  it("tells a journal by its name", () => {
    expect(describeVenue("Transactions of the Association for Computational Linguistics, 9, pp. 1-15").kind).toBe(
      "journal",
    );
    expect(describeVenue("Journal of Machine Learning Research 21").kind).toBe("journal");
    expect(
      describeVenue("Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP)")
        .kind,
    ).toBe("conference");
  });
});
