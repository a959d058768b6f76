/**
 * A deterministic synthetic catalogue of any size, for benchmarks: a dump in the catalogue's
 * format, a matching papers.yaml (titles, 3-12 authors drawn from a pool), a topics.yaml and a
 * site.yaml. Abstracts run about 200 words over a Zipf-distributed vocabulary mixed with real
 * topic phrases, so that search, topics and related papers see realistic term statistics.
 * The same size and seed always give the same bytes.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  {
    slug: "multimodal-pretraining",
    name: "Multimodal pretraining",
    words: ["multimodal pretraining", "vision-language", "image-text", "cross-modal"],
  },
  {
    slug: "mixture-of-experts",
    name: "Mixture of experts",
    words: ["mixture-of-experts", "sparse experts", "expert routing", "gating network"],
  },
  {
    slug: "large-scale-training",
    name: "Large-scale training",
    words: ["trillion parameters", "distributed training", "model parallelism", "pipeline parallelism"],
  },
  {
    slug: "prompt-learning",
    name: "Prompt learning",
    words: ["prompt tuning", "prompt learning", "in-context learning", "instruction tuning"],
  },
  {
    slug: "text-generation",
    name: "Text generation",
    words: ["text generation", "table-to-text", "summarization", "data-to-text"],
  },
  {
    slug: "reading-comprehension",
    name: "Machine reading comprehension",
    words: ["reading comprehension", "question answering", "span extraction", "answer selection"],
  },
  {
    slug: "discourse",
    name: "Discourse parsing",
    words: ["discourse parsing", "discourse relations", "rhetorical structure", "dependency treebank"],
  },
  {
    slug: "retrieval",
    name: "Retrieval",
    words: ["dense retrieval", "cross-modal retrieval", "re-ranking", "nearest neighbour search"],
  },
  {
    slug: "speech",
    name: "Speech",
    words: ["speech recognition", "speech synthesis", "acoustic model", "spoken language"],
  },
  {
    slug: "reinforcement-learning",
    name: "Reinforcement learning",
    words: ["reinforcement learning", "policy gradient", "reward model", "offline RL"],
  },
  {
    slug: "graph-learning",
    name: "Graph learning",
    words: ["graph neural network", "node classification", "message passing", "knowledge graph"],
  },
  {
    slug: "efficiency",
    name: "Efficient inference",
    words: ["quantization", "knowledge distillation", "pruning", "efficient inference"],
  },
];

const FIRST = [
  "An",
  "Wei",
  "Li",
  "Maria",
  "James",
  "Yuki",
  "Aisha",
  "Pierre",
  "Sofia",
  "Chen",
  "Ravi",
  "Elena",
  "Omar",
  "Hana",
  "Lucas",
  "Ingrid",
  "Kofi",
  "Mei",
  "Diego",
  "Anya",
  "Tomás",
  "Zoë",
  "Björn",
  "Amélie",
  "Jun",
  "Priya",
  "Noah",
  "Fatima",
  "Igor",
  "Lena",
];
const LAST = [
  "Yang",
  "Wang",
  "Zhang",
  "Garcia",
  "Smith",
  "Tanaka",
  "Khan",
  "Dubois",
  "Rossi",
  "Chen",
  "Patel",
  "Ivanova",
  "Haddad",
  "Kim",
  "Silva",
  "Larsen",
  "Mensah",
  "Liu",
  "Fernández",
  "Novak",
  "Müller",
  "Nakamura",
  "Okafor",
  "Schmidt",
  "Costa",
  "Singh",
  "Brown",
  "Ali",
  "Petrov",
  "Nguyen",
];
const COMMON = [
  "the",
  "of",
  "and",
  "a",
  "to",
  "in",
  "we",
  "is",
  "for",
  "that",
  "on",
  "with",
  "our",
  "model",
  "models",
  "by",
  "as",
  "this",
  "results",
  "method",
  "which",
  "from",
  "show",
  "learning",
  "data",
  "performance",
  "task",
  "tasks",
  "approach",
  "propose",
  "training",
  "language",
  "can",
  "based",
  "are",
  "new",
  "large",
  "state-of-the-art",
  "experiments",
  "framework",
  "representation",
  "benchmark",
  "dataset",
  "neural",
  "network",
  "achieves",
  "improves",
  "baseline",
  "evaluation",
  "demonstrate",
];
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "tren",
  "vor",
  "sel",
  "qua",
  "dex",
  "rin",
  "pol",
  "zan",
  "tor",
  "fle",
  "gri",
  "mon",
  "sta",
  "vex",
  "lum",
  "cor",
  "bri",
  "nal",
  "tek",
  "sor",
  "phi",
];

export interface SyntheticCatalogue {
  abstracts: string;
  papers: string;
  topics: string;
  site: string;
}

/** Builds a catalogue of `size` papers; the same (size, seed) always yields the same text. */
export function syntheticCatalogue(size: number, seed = 1): SyntheticCatalogue {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  // A vocabulary of invented words ranked by frequency, drawn by Zipf's law (s = 1).
  const vocabulary = Array.from({ length: 6000 }, (_, i) => {
    let word = "";
    for (let n = 2 + (i % 3); n > 0; n--) word += pick(SYLLABLES);
    return `${word}${i % 7 === 0 ? "s" : ""}`;
  });
  const harmonic: number[] = [];
  vocabulary.reduce((sum, _, i) => (harmonic.push(sum + 1 / (i + 1)), sum + 1 / (i + 1)), 0);
  const total = harmonic.at(-1)!;
  const zipfWord = () => {
    const target = rand() * total;
    let lo = 0;
    let hi = harmonic.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (harmonic[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };

  const pool = Array.from(
    { length: Math.max(20, Math.ceil(size / 3)) },
    (_, i) =>
      `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${String.fromCharCode(65 + (Math.floor(i / (FIRST.length * LAST.length)) % 26))}.` : ""}`,
  );

  const dump: string[] = [];
  const yaml: string[] = ["# A synthetic catalogue for benchmarks (scripts/synthetic-catalogue.ts)."];
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const year = 15 + Math.floor((i / size) * 10);
    const month = 1 + Math.floor(rand() * 12);
    let id = "";
    do id = `${year}${String(month).padStart(2, "0")}.${String(Math.floor(rand() * 99999) + 1).padStart(5, "0")}`;
    while (seen.has(id));
    seen.add(id);

    const topics = [pick(TOPICS), ...(rand() < 0.4 ? [pick(TOPICS)] : [])];
    const sentences: string[] = [];
    let words = 0;
    while (words < 190 + Math.floor(rand() * 30)) {
      const length = 12 + Math.floor(rand() * 14);
      const sentence: string[] = [];
      for (let w = 0; w < length; w++) {
        const r = rand();
        sentence.push(r < 0.45 ? pick(COMMON) : r < 0.53 ? pick(pick(topics).words) : zipfWord());
      }
      if (rand() < 0.05) sentence.push(`with $k = ${Math.floor(rand() * 64)}$`);
      sentences.push(`${sentence.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
      words += length;
    }
    dump.push(sentences.join(" "));
    if (rand() < 0.6) dump.push(`${8 + Math.floor(rand() * 30)} pages, ${1 + Math.floor(rand() * 12)} figures`);
    dump.push(`arXiv:${id}`);

    const head = pick(topics[0]!.words);
    const title = `${head.replace(/^./, (c) => c.toUpperCase())} with ${zipfWord()} ${pick(COMMON.slice(12))} for ${zipfWord()} ${pick(["tasks", "models", "benchmarks", "representations"])}`;
    const authors = new Set<string>();
    const count = 3 + Math.floor(rand() * 10);
    while (authors.size < count) authors.add(pick(pool));
    yaml.push(
      `'${id}':`,
      `  title: ${JSON.stringify(title)}`,
      "  authors:",
      ...[...authors].map((a) => `  - ${JSON.stringify(a)}`),
    );
  }

  const topicsYaml = TOPICS.flatMap((t) => [
    `- slug: ${t.slug}`,
    `  name: ${t.name}`,
    `  description: Synthetic papers about ${t.name.toLowerCase()}.`,
    `  words: [${t.words.map((w) => JSON.stringify(w)).join(", ")}]`,
  ]);
  return {
    abstracts: `${dump.join("\n")}\n`,
    papers: `${yaml.join("\n")}\n`,
    topics: `${topicsYaml.join("\n")}\n`,
    site: `title: Synthetic catalogue of ${size} papers\ndescription: Generated for benchmarks.\n`,
  };
}
