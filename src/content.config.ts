import { defineCollection } from "astro:content";
import { paperSchema } from "./lib/paper.ts";
import { siteSettingsSchema } from "./lib/site-settings.ts";
import { storedTopicSchema } from "./lib/topic.ts";
import { contentDirectory, papersLoader, siteLoader, topicsLoader } from "./loaders/catalogue.ts";

const directory = contentDirectory();

const papers = defineCollection({ loader: papersLoader({ directory }), schema: paperSchema });

const site = defineCollection({ loader: siteLoader({ directory }), schema: siteSettingsSchema });

const topics = defineCollection({ loader: topicsLoader({ directory }), schema: storedTopicSchema });

export const collections = { papers, site, topics };
