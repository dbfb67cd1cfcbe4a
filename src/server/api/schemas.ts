/** Response shapes of the JSON API, for validation and for the OpenAPI document. */
import { z } from "@hono/zod-openapi";
import { DOCUMENT_KINDS, TURN_KINDS } from "../../model/document.js";
import { DocumentSchema } from "../../model/schema.js";

/** A document as lists show it (recent documents, language versions, conflicts). */
export const SummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  publisher: z.string(),
  language: z.string(),
  kind: z.string(),
});

export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: "QUERY_INVALID" }),
    message: z.string(),
    requestId: z
      .string()
      .nullable()
      .openapi({ description: "This request's id, also in the X-Request-Id header and the server's log" }),
  })
  .openapi("Error");

const Segment = z.object({ text: z.string(), match: z.boolean() });

const TurnHit = z.object({
  index: z.number().int(),
  speakerId: z.string().nullable(),
  speakerName: z.string().nullable(),
  label: z.string().nullable(),
  kind: z.enum(TURN_KINDS),
  snippet: z.array(Segment),
  counterpart: z
    .object({
      documentId: z.string(),
      language: z.string(),
      text: z.string(),
      confidence: z.number(),
      permalink: z.string(),
    })
    .nullable()
    .optional()
    .openapi({ description: "With aligned=true: the matching sentence in the other-language version" }),
  permalink: z.string(),
});

const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const SearchResultSchema = z
  .object({
    total: z.object({ turns: z.number().int(), documents: z.number().int() }),
    hits: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        titleSnippet: z.array(Segment).openapi({
          description: "The title with the query's words marked",
        }),
        date: z.string().nullable(),
        publisher: z.string(),
        language: z.string(),
        kind: z.enum(DOCUMENT_KINDS),
        score: z.number().nullable(),
        matchingTurns: z.number().int(),
        turns: z.array(TurnHit),
      }),
    ),
    facets: z
      .object({
        speaker: z.array(FacetValue),
        year: z.array(FacetValue),
        publisher: z.array(FacetValue),
        language: z.array(FacetValue),
        kind: z.array(FacetValue),
        entity: z.array(FacetValue),
      })
      .nullable(),
    nextCursor: z.string().nullable(),
    expansions: z.array(z.object({ word: z.string(), forms: z.array(z.string()) })),
  })
  .openapi("SearchResult");

export const ConcordanceSchema = z
  .object({
    turns: z.number().int(),
    totalOccurrences: z.number().int().nullable(),
    truncated: z.boolean(),
    lines: z.array(
      z.object({
        documentId: z.string(),
        turnIndex: z.number().int(),
        date: z.string().nullable(),
        speakerName: z.string().nullable(),
        left: z.string(),
        match: z.string(),
        right: z.string(),
        permalink: z.string(),
      }),
    ),
  })
  .openapi("Concordance");

export const YearCountsSchema = z
  .object({
    counting: z.enum(["stemmed", "exact", "mixed"]),
    baseLanguages: z.array(z.string()).nullable().openapi({
      description:
        "Languages the base of each share is counted in, chosen by where the query's words occur; null when the query names its languages (lang:) or has no words.",
    }),
    years: z.array(
      z.object({
        year: z.number().int(),
        turns: z.number().int(),
        documents: z.number().int(),
        turnsInYear: z.number().int().openapi({
          description:
            "The base of the share: the year's turns passing the query's publisher, kind, document and date conditions, in its languages, whatever they say.",
        }),
      }),
    ),
  })
  .openapi("YearCounts");

export const MonthCountsSchema = z
  .object({
    counting: z.enum(["stemmed", "exact", "mixed"]),
    baseLanguages: z.array(z.string()).nullable().openapi({
      description:
        "Languages the base of each share is counted in, chosen by where the query's words occur; null when the query names its languages (lang:) or has no words.",
    }),
    months: z.array(
      z.object({
        month: z.string(),
        turns: z.number().int(),
        documents: z.number().int(),
        turnsInMonth: z.number().int(),
      }),
    ),
  })
  .openapi("MonthCounts");

export const StoredDocumentSchema = z
  .object({ version: z.number().int(), current: z.boolean(), storedAt: z.string(), document: DocumentSchema })
  .openapi("StoredDocument");

export const VersionsSchema = z
  .array(
    z.object({
      version: z.number().int(),
      contentHash: z.string(),
      title: z.string(),
      storedAt: z.string(),
      current: z.boolean(),
      source: z.string(),
      published: z.string().nullable(),
      conflict: z.boolean(),
    }),
  )
  .openapi("Versions");

export const SpeakerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.object({ name: z.string(), lang: z.string() })),
    roles: z.array(
      z.object({
        title: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        labels: z.array(z.string()),
        publisher: z.string().nullable(),
      }),
    ),
  })
  .openapi("Speaker");

export const StatsSchema = z
  .object({
    documents: z.number().int(),
    versions: z.number().int(),
    turns: z.number().int(),
    rawInputs: z.number().int(),
    speakers: z.number().int(),
  })
  .openapi("Stats");

export const IngestReportSchema = z
  .object({
    inputs: z.number().int(),
    documents: z.number().int(),
    inserted: z.number().int(),
    versioned: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ source: z.string(), code: z.string(), message: z.string() })),
    warnings: z.array(z.object({ source: z.string(), id: z.string(), codes: z.array(z.string()) })),
    notices: z.array(z.object({ source: z.string(), code: z.string(), message: z.string() })),
    bytes: z.number().int(),
  })
  .openapi("IngestReport");

/** Error responses every route may give. */
export const errorResponses = {
  400: {
    content: { "application/json": { schema: ErrorSchema } },
    description: "The request or query is invalid",
  },
  404: { content: { "application/json": { schema: ErrorSchema } }, description: "Not found" },
  429: { content: { "application/json": { schema: ErrorSchema } }, description: "Too many requests" },
} as const;

/** The response of a write route called without the operator's token. */
export const unauthorizedResponse = {
  401: { content: { "application/json": { schema: ErrorSchema } }, description: "No or wrong token" },
} as const;

/** The `{id}` of a path: a document, speaker or entity id. */
export const idParam = (example?: string) =>
  z.object({
    id: z
      .string()
      .max(200)
      .openapi({ param: { name: "id", in: "path" }, ...(example ? { example } : {}) }),
  });
