import { defineCollection } from "astro:content";
import { paperSchema } from "./lib/content/paper.ts";
import { siteSettingsSchema } from "./lib/content/site-settings.ts";
import { storedTopicSchema } from "./lib/content/topic.ts";
import { contentDirectory, papersLoader, siteLoader, topicsLoader } from "./loaders/catalogue-loaders.ts";

const directory = contentDirectory();

const papers = defineCollection({ loader: papersLoader({ directory }), schema: paperSchema });

const site = defineCollection({ loader: siteLoader({ directory }), schema: siteSettingsSchema });

const topics = defineCollection({ loader: topicsLoader({ directory }), schema: storedTopicSchema });

export const collections = { papers, site, topics };
