/**
 * Which documents an export covers: the whole archive (optionally one publisher's), or the
 * documents a search finds, in the search language users already know. Ids are produced page by
 * page, so an export of any size holds one page in memory.
 */
import type { SearchQuery } from "../model/search-query.js";
import type { DocumentStore } from "../store/store.js";

export interface Selection {
  /** Documents a search finds (`--query`); all current documents when absent. */
  query?: SearchQuery | null;
  publisher?: string | null;
}

export interface SelectedIds {
  /** How many documents will come, for a progress bar. */
  total: number;
  ids: AsyncIterable<string>;
}

const PAGE = 200;

export async function selectDocuments(store: DocumentStore, selection: Selection): Promise<SelectedIds> {
  const { query, publisher } = selection;
  if (query) {
    const named = query.filters.publisher;
    // A query's publishers are alternatives; --publisher narrows them to one.
    if (publisher && named.length > 0 && !named.includes(publisher)) return { total: 0, ids: none() };
    const filtered: SearchQuery = publisher
      ? { ...query, filters: { ...query.filters, publisher: [publisher] } }
      : query;
    const first = await store.search(filtered, {
      sort: "date-asc",
      limit: PAGE,
      facets: false,
      turnsPerDocument: 0,
    });
    return { total: first.total.documents, ids: searchIds(store, filtered, first) };
  }
  const total = publisher
    ? ((await store.publishers()).find((p) => p.publisher === publisher)?.count ?? 0)
    : (await store.counts()).documents;
  return { total, ids: listIds(store, publisher ?? undefined) };
}

async function* searchIds(
  store: DocumentStore,
  query: SearchQuery,
  first: Awaited<ReturnType<DocumentStore["search"]>>,
): AsyncGenerator<string> {
  let page = first;
  for (;;) {
    for (const hit of page.hits) yield hit.id;
    if (!page.nextCursor) return;
    page = await store.search(query, {
      sort: "date-asc",
      limit: PAGE,
      facets: false,
      turnsPerDocument: 0,
      cursor: page.nextCursor,
    });
  }
}

async function* none(): AsyncGenerator<string> {}

async function* listIds(store: DocumentStore, publisher: string | undefined): AsyncGenerator<string> {
  for await (const doc of store.list({ publisher })) yield doc.id;
}
