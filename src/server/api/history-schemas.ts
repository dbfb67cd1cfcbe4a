/** OpenAPI schemas of the web history: edits, withdrawals, captures. */
import { z } from "@hono/zod-openapi";

export const ChangeEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(["edited", "withdrawn"]),
    version: z.number().int(),
    at: z.string(),
    title: z.string(),
    publisher: z.string(),
    language: z.string(),
    sourceUrl: z.string().nullable(),
    status: z.number().int().nullable(),
  })
  .openapi("ChangeEntry");

const DiffPartSchema = z.object({ text: z.string(), change: z.enum(["added", "removed", "same"]) });

export const DocumentHistorySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    versions: z.array(z.object({ version: z.number().int(), storedAt: z.string(), current: z.boolean() })),
    changes: z.array(
      z.object({
        id: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        at: z.string(),
        fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
        parts: z.array(DiffPartSchema),
        wordsAdded: z.number().int(),
        wordsRemoved: z.number().int(),
      }),
    ),
    withdrawn: z.object({ url: z.string(), status: z.number().int(), at: z.string() }).nullable(),
  })
  .openapi("DocumentHistory");

export const CaptureSchema = z
  .object({
    url: z.string(),
    fetchedAt: z.string(),
    status: z.number().int(),
    contentHash: z.string().nullable(),
    warcFile: z.string(),
    warcOffset: z.number().int(),
    warcLength: z.number().int(),
  })
  .openapi("Capture");
