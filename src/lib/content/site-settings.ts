/** `content/site.yaml`: the catalogue's name and description. Optional, as is each field. */
import { z } from "zod";
import type { Problem } from "./problems.ts";
import { readYaml, zodProblems } from "./yaml-file.ts";

export const siteSettingsSchema = z
  .object({
    /** The catalogue's name, shown in the header, titles, feeds and images. */
    title: z.string().trim().min(1).default("Research Catalogue"),
    /** One sentence on what the catalogue holds, for the home page and search engines. */
    description: z.string().trim().min(1).default("A catalogue of research papers from arXiv."),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** Reads site.yaml; with no file, the defaults. */
export function parseSiteSettings(
  source: string | null,
  file: string,
): { settings: SiteSettings; problems: Problem[] } {
  const defaults = siteSettingsSchema.parse({});
  if (source === null) return { settings: defaults, problems: [] };
  const { yaml, problems } = readYaml(source, file);
  if (problems.length) return { settings: defaults, problems };
  const result = siteSettingsSchema.safeParse(yaml.doc.toJSON() ?? {});
  return result.success
    ? { settings: result.data, problems: [] }
    : { settings: defaults, problems: zodProblems(yaml, result.error, [], siteSettingsSchema.keyof().options) };
}
