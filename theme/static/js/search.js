/* Site search on Pagefind's JavaScript API; how it works: README "Search".
   On /pretraga/: reads ?q=, searches as the reader types, keeps the query in
   the address, lists results (FAQ questions are results of their own).
   Elsewhere (the header field got focus): only starts Pagefind, to warm the cache.
   Pagefind needs WebAssembly: a CSP must allow 'wasm-unsafe-eval' (and worker-src 'self'). */

/* Every text shown, per <html lang>; a Cyrillic edition (lang="sr-Cyrl") uses the second. */
const STRINGS = {
  "sr-latn": {
    results: ["rezultat", "rezultata", "rezultata"],
    found: "{n} {results} za „{q}”.",
    searching: "Pretraga za „{q}” je u toku…",
    none: "Nema rezultata za „{q}”. Probajte drugu ili kraću reč.",
    unavailable: "Pretraga ne radi u ovom pregledaču.",
    faq: "Česta pitanja: {title}",
  },
  "sr-cyrl": {
    results: ["резултат", "резултата", "резултата"],
    found: "{n} {results} за „{q}”.",
    searching: "Претрага за „{q}” је у току…",
    none: "Нема резултата за „{q}”. Пробајте другу или краћу реч.",
    /* A Latin query is read letter by letter (moze → мозе); the pages' typed words find most
       words typed without diacritics, and this says what to do about the rest. */
    noneLatin: "Нема резултата за „{q}”. Латиницом пишите са квачицама (može, šta) или потражите у издању на латиници: веза „Latinica” у заглављу.",
    unavailable: "Претрага не ради у овом прегледачу.",
    faq: "Честа питања: {title}",
  },
};
const LANGUAGE = document.documentElement.lang.toLowerCase();
const TEXT = STRINGS[LANGUAGE] || STRINGS["sr-latn"];

const TYPED_FIELD = "typed"; // plugins/search/variants.py: the pages' words as typed without marks
/* Letters readers type without their marks, per <html lang>: how each is then typed, in the page's
   own letters (variants.py indexes the same forms). Pagefind folds č ć š ž dž in Latin itself. */
export const UNMARKED = {
  "sr-latn": { đ: ["d"] },
  "sr-cyrl": { ч: ["ц"], ћ: ["ц"], ш: ["с"], ж: ["з"], ђ: ["д", "дј"], џ: ["дз"] },
};
const UNMARKED_LETTERS = UNMARKED[LANGUAGE] || UNMARKED["sr-latn"];

/* Has one of the letters readers type without its mark. */
function hasMarked(letters, unmarked = UNMARKED_LETTERS) {
  return [...letters].some((letter) => letter.toLowerCase() in unmarked);
}
const BATCH = 5;
const TYPING_PAUSE_MS = 250;
/* A search still running after this long says so: on slow mobile data the first one loads Pagefind
   and its index (a second and more), and an empty page looked broken. Faster ones say nothing
   meanwhile, so the live region does not announce every keystroke. */
const SLOW_SEARCH_MS = 500;
const ROOT = new URL("../../", import.meta.url); // this file is <site>/theme/js/search.js

/* „1 rezultat”, „3 rezultata”, „5 rezultata”: as plugins/serbian/plurals.py. */
export function plural(n, [one, few, many]) {
  const tens = n % 100;
  const units = n % 10;
  if (units === 1 && tens !== 11) return one;
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return few;
  return many;
}

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}

const CYRILLIC = {
  а: "a", б: "b", в: "v", г: "g", д: "d", ђ: "đ", е: "e", ж: "ž", з: "z", и: "i", ј: "j",
  к: "k", л: "l", љ: "lj", м: "m", н: "n", њ: "nj", о: "o", п: "p", р: "r", с: "s", т: "t",
  ћ: "ć", у: "u", ф: "f", х: "h", ц: "c", ч: "č", џ: "dž", ш: "š",
};
const LATIN = Object.fromEntries(Object.entries(CYRILLIC).map(([cyrillic, latin]) => [latin, cyrillic]));

export function toLatin(text) {
  return text.toLowerCase().replace(/[\u0400-\u04ff]/g, (letter) => CYRILLIC[letter] ?? letter);
}

export function toCyrillic(text) {
  return text.toLowerCase().replace(/lj|nj|dž|[a-zčćđšž]/g, (letters) => LATIN[letters] ?? letters);
}

/* What Pagefind is asked: single spaces, in the page's own script. */
export function queryFor(text, language = LANGUAGE) {
  const words = text.trim().replace(/\s+/g, " ");
  return language === "sr-cyrl" ? toCyrillic(words) : toLatin(words);
}

/* One letter, lower-case, without its diacritic (č → c); đ stays đ. */
function bare(letter) {
  return letter.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")[0] || letter;
}

/* Letters only, without diacritics, đ and dj as d: for comparing words. */
function plainLetters(text) {
  return [...text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")].map(bare).join("").replace(/dj|đ/g, "d");
}

/* How far the typed letters follow a page's word, each page letter typed as itself without its
   mark or, in `unmarked`, in any of its ways (ђ as д or дј): [typed letters, page letters] matched. */
function followed(typed, letters, unmarked) {
  let [t, p] = [0, 0];
  while (t < typed.length && p < letters.length) {
    const ways = (unmarked[letters[p]] || [bare(letters[p])]).filter(
      (way) => typed.slice(t, t + way.length).join("") === way,
    );
    if (!ways.length) break;
    t += Math.max(...ways.map((way) => way.length));
    p += 1;
  }
  return [t, p];
}

/* A word typed without a mark a page's word has, spelled as the page does: „dorde” with
   „Đorđe” on the page → „đorđe”, „dordu” → „đorđu”; on a Cyrillic page „рацун” (racun) with
   „рачун” → „рачун”. Matched by the longest common beginning (an inflected ending may
   differ by two letters). */
export function respellWord(word, pageWords, unmarked = UNMARKED_LETTERS) {
  const typed = [...word.toLowerCase()].map(bare);
  if (hasMarked(typed, unmarked)) return word; // typed with its marks
  let best = word;
  let bestLength = 0;
  for (const pageWord of pageWords) {
    const letters = [...pageWord.normalize("NFC").toLowerCase()];
    const [t, p] = followed(typed, letters, unmarked);
    const close = t === typed.length || Math.min(typed.length - t, letters.length - p) <= 2;
    if (t >= 3 && close && hasMarked(letters.slice(0, p), unmarked) && t > bestLength) {
      best = letters.slice(0, p).join("") + [...word.toLowerCase()].slice(t).join("");
      bestLength = t;
    }
  }
  return best;
}

/* `text` with every letter of `unmarked` typed its first way (шешир → сесир). */
export function withoutMarks(text, unmarked = UNMARKED_LETTERS) {
  return [...text].map((letter) => unmarked[letter]?.[0] ?? letter).join("");
}

export function respell(query, pageWords) {
  return query.split(" ").map((word) => respellWord(word, pageWords)).join(" ");
}

/* The words of a result that have a letter readers type without its mark. */
function wordsWithMarks(data) {
  const words = new Set();
  for (const word of `${data.meta.title || ""} ${data.content}`.split(/\s+/)) {
    const letters = word.replace(/[^\p{L}]/gu, "");
    if (hasMarked(letters)) words.add(letters);
  }
  return words;
}

let pagefind = null;

function startPagefind() {
  if (typeof WebAssembly !== "object") return Promise.reject(new Error("no WebAssembly"));
  pagefind ??= import(new URL("pagefind/pagefind.js", ROOT).href).then(async (api) => {
    await api.options({ excerptLength: 24, baseUrl: ROOT.pathname });
    await api.init();
    return api;
  });
  return pagefind;
}

/* Pagefind (1.5.2) splits its index into chunks of sorted words and loads only
   the one whose first-to-last range holds the typed word; longer words that
   start with it can sit in the chunks after it („ugovor” ends one chunk,
   „ugovorili” starts the next), and their pages were not found. The build
   lists each language's chunks (plugins/search/chunks.py), and every chunk
   that can hold a word starting with a typed one is loaded first, by asking
   Pagefind for a word inside it. Pagefind compares as here: code point by
   code point, each side cut to the shorter length.
   Pagefind then searches from the word's stem (poverljiva → poverljiv), which
   the page cannot compute, so a word is taken without its last letters (up
   to STEM_ENDING, as Serbian endings: -ama, -ima, -om; never below
   SHORTEST_STEM: „proces” as „pro” loaded more than a first search may).
   A word of one or two letters, still being typed, is left to Pagefind alone:
   at 1000 posts „p” would load a tenth of the index (31 chunks, 212 KB)
   before the next letter. */
const SHORTEST_PROBED = 3;
const STEM_ENDING = 3;
const SHORTEST_STEM = 4;
/* What Pagefind drops from a query before it looks anything up. */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
let chunkList = null;

function wordChunks() {
  /* no-cache: asked again of the server (a 304 when unchanged), so it never describes an older index. */
  chunkList ??= fetch(new URL(`pagefind/${LANGUAGE}.chunks.json`, ROOT), { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => []);
  return chunkList;
}

function head(text, length) {
  return [...text].slice(0, length).join("");
}

/* A typed word as Pagefind compares it with the ranges: without punctuation; on
   Latin pages without diacritics; the Cyrillic index holds Latin words (its
   stemmer transliterates them). */
function asIndexed(word, cyrillic) {
  const bare = withoutPunctuation(word);
  return cyrillic ? toLatin(bare) : bare.normalize("NFD").replace(/\p{M}/gu, "");
}

function withoutPunctuation(word) {
  return word.replace(PUNCTUATION, "");
}

/* A query Pagefind reads as a word inside [first, last], after dropping its
   punctuation (the index keeps some: „dana”” may start a range). `first` +
   U+0001 comes first: for the Cyrillic index only the stem is compared, and no
   stemmer ending ends with U+0001, so it is not cut. */
function asQuery(first, last, cyrillic) {
  const bare = withoutPunctuation(first);
  const inside = [`${bare}\u0001`, bare, withoutPunctuation(last)].find((word) => word >= first && word <= last);
  if (inside === undefined) return null;
  return cyrillic ? toCyrillic(inside) : inside;
}

export function chunkProbes(query, chunks, cyrillic = LANGUAGE === "sr-cyrl") {
  const probes = new Set();
  for (const typed of query.split(" ")) {
    const letters = [...asIndexed(typed, cyrillic)];
    if (letters.length < SHORTEST_PROBED) continue;
    const start = letters.slice(0, Math.max(SHORTEST_STEM, letters.length - STEM_ENDING)).join("");
    const length = [...start].length;
    for (const [first, last] of chunks) {
      const after = head(start, Math.min(length, [...first].length)) >= head(first, length);
      const before = head(start, Math.min(length, [...last].length)) <= head(last, length);
      const probe = after && before ? asQuery(first, last, cyrillic) : null;
      if (probe !== null) probes.add(probe);
    }
  }
  return [...probes];
}

async function searchEveryChunk(api, query) {
  const probes = chunkProbes(query, await wordChunks());
  await Promise.all(probes.map((probe) => api.preload(probe)));
  return api.search(query);
}

/* Results for the query, best first. One with some of its marks typed and some not
   („šesir”) that finds nothing is tried without them: the index knows a word with
   all of its marks, or (the typed field) with none. */
async function find(api, query) {
  const results = await findAsTyped(api, query);
  const unmarked = withoutMarks(query);
  return results.length || unmarked === query ? results : findAsTyped(api, unmarked);
}

/* A query that matched only through the "typed" field (đ typed as d; a Cyrillic
   page's č, ć, š, ž, đ, dž typed without marks) is spelled as the page spells it
   and searched again. The query as typed stays the answer when the respelled one
   is no word of the site: „слици” is a word of its own, not „сличи…” typed without marks. */
async function findAsTyped(api, query) {
  const first = await searchEveryChunk(api, query);
  const tries = [];
  const typed = first.results.filter((result) => (result.matchedMetaFields || []).includes(TYPED_FIELD));
  if (typed.length) {
    const pageWords = new Set();
    for (const result of typed.slice(0, 3)) for (const word of wordsWithMarks(await result.data())) pageWords.add(word);
    const spelled = respell(query, pageWords);
    if (spelled !== query) {
      const again = await searchEveryChunk(api, spelled);
      const seen = new Set(again.results.map((result) => result.id));
      const results = [...again.results, ...first.results.filter((result) => !seen.has(result.id))];
      tries.push({ query: spelled, results: results.sort((a, b) => b.score - a.score) });
    }
  }
  tries.push({ query, results: first.results });
  for (const found of tries) {
    if (found.results.length && (await allKnown(api, found.query))) return found.results;
  }
  return [];
}

async function allKnown(api, query) {
  for (const word of query.split(" ")) {
    if (!(await isKnown(api, word))) return false;
  }
  return true;
}

/* Is the word on the site (in any form, or as the start of a word)? For an
   unknown word Pagefind falls back to the longest word it starts with
   („asdf” → „a”), which is no result. */
async function isKnown(api, word) {
  if ((await api.search(`"${word}"`)).results.length) return true;
  const start = plainLetters(word);
  for (const result of (await api.search(word)).results.slice(0, 3)) {
    const data = await result.data();
    const marked = [...data.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]);
    if ([...marked, ...(data.meta.title || "").split(/\s+/)].some((found) => plainLetters(found).startsWith(start))) {
      return true;
    }
  }
  return false;
}

/* The FAQ pages' titles by URL path, from the search page (search.html). */
let faqTitles = null;

function entryFor(data) {
  faqTitles ??= JSON.parse(document.getElementById("pretraga-faq")?.textContent || "{}");
  const faqPage = data.meta.url && faqTitles[data.meta.url.split("#")[0]];
  return {
    title: data.meta.title,
    /* A record (an FAQ question) names its own address, from the site root. */
    url: data.meta.url ? ROOT.pathname.replace(/\/$/, "") + data.meta.url : data.url,
    where: faqPage ? say(TEXT.faq, { title: faqPage }) : "",
    excerpt: data.excerpt,
  };
}

/* Pagefind's excerpt (< > escaped, <mark> around matched words) as DOM, never
   as HTML; marks without punctuation, „…” where it starts or ends mid-sentence. */
export function excerptElement(excerpt) {
  const paragraph = document.createElement("p");
  paragraph.className = "search-result-excerpt";
  const parts = [];
  for (const part of excerpt.split(/(<mark>.*?<\/mark>)/)) {
    const marked = part.startsWith("<mark>");
    const text = (marked ? part.slice(6, -7) : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    if (!marked) {
      parts.push(text);
      continue;
    }
    const [, before, word, after] = text.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su);
    const mark = document.createElement("mark");
    mark.textContent = word;
    parts.push(before, mark, after);
  }
  const text = parts.map((part) => (typeof part === "string" ? part : part.textContent)).join("").trim();
  if (/^\p{Ll}/u.test(text)) parts.unshift("…");
  if (text && !/[.!?…:”"]$/.test(text)) parts.push("…");
  paragraph.append(...parts.filter((part) => part !== ""));
  return paragraph;
}

function resultElement(entry) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = entry.url;
  link.textContent = entry.title;
  heading.append(link);
  item.append(heading);
  if (entry.where) {
    const where = document.createElement("p");
    where.className = "search-result-where";
    where.textContent = entry.where;
    item.append(where);
  }
  if (entry.excerpt) item.append(excerptElement(entry.excerpt));
  return item;
}

function searchPage() {
  const form = document.getElementById("pretraga-forma");
  const field = document.getElementById("pretraga-upit");
  const status = document.getElementById("pretraga-status");
  const list = document.getElementById("pretraga-rezultati");
  const more = document.getElementById("pretraga-jos");
  const fallback = document.getElementById("pretraga-bez-js");
  const pageTitle = document.title;
  let current = 0; // the latest search; an older one that finishes late is dropped
  let pending = [];
  let timer = null;

  async function showMore(focus) {
    const search = current;
    const batch = pending.splice(0, BATCH);
    const entries = await Promise.all(batch.map(async (result) => entryFor(await result.data())));
    if (search !== current) return;
    const items = entries.map(resultElement);
    list.append(...items);
    more.hidden = !pending.length;
    if (focus && items.length) items[0].querySelector("a").focus();
  }

  function withQuery(url, text) {
    const address = new URL(url, location.href);
    if (text) address.searchParams.set("q", text);
    else address.searchParams.delete("q");
    return address;
  }

  /* The address, and the link to the same search in the other script, carry the query. */
  function keepInAddress(text) {
    history.replaceState(null, "", withQuery(location.href, text));
    const other = document.querySelector(".script-switch a[hreflang]");
    if (other) other.href = withQuery(other.href, text);
    document.title = text ? `„${text}” — ${pageTitle}` : pageTitle;
  }

  async function run(text) {
    const search = ++current;
    const shown = text.trim().replace(/\s+/g, " ");
    keepInAddress(shown);
    pending = [];
    if (!shown) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    list.setAttribute("aria-busy", "true");
    const slow = setTimeout(() => {
      if (search === current) status.textContent = say(TEXT.searching, { q: shown });
    }, SLOW_SEARCH_MS);
    try {
      const api = await startPagefind();
      const results = await find(api, queryFor(shown));
      if (search !== current) return;
      const total = results.length;
      list.replaceChildren();
      pending = results;
      await showMore(false);
      if (search !== current) return;
      // The advice on marks only where a letter could have lost one (s c z d: š č ć ž đ dž).
      const none = TEXT.noneLatin && /[cdsz]/i.test(shown) ? TEXT.noneLatin : TEXT.none;
      status.textContent = total
        ? say(TEXT.found, { n: total, results: plural(total, TEXT.results), q: shown })
        : say(none, { q: shown });
    } catch (error) {
      if (search !== current) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = TEXT.unavailable;
      fallback.hidden = false;
      console.error(error);
    } finally {
      clearTimeout(slow);
      if (search === current) list.removeAttribute("aria-busy");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(field.value);
  });
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(field.value), TYPING_PAUSE_MS);
  });
  let loading = null;
  more.addEventListener("click", () => {
    loading ??= showMore(true).finally(() => (loading = null));
  });

  const query = new URLSearchParams(location.search).get("q") || "";
  field.value = query;
  if (query.trim()) run(query);
}

if (document.getElementById("pretraga-forma")) searchPage();
else startPagefind().catch(() => {});
