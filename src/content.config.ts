import { defineCollection } from "astro:content";
import { paperSchema } from "./lib/paper.ts";
import { siteSettingsSchema } from "./lib/site-settings.ts";
import { contentDirectory, papersLoader, siteLoader } from "./loaders/catalogue.ts";

const directory = contentDirectory();

const papers = defineCollection({ loader: papersLoader({ directory }), schema: paperSchema });

const site = defineCollection({ loader: siteLoader({ directory }), schema: siteSettingsSchema });

export const collections = { papers, site };
