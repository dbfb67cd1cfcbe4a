/** Runtime validation of the document model, used when reading Verbatim's own JSON Lines. */
import { z } from "zod";
import { DOCUMENT_FORMAT_VERSION, DOCUMENT_KINDS, TURN_KINDS } from "./document.js";

const nullableString = z.string().nullable();

export const DocumentSchema = z.strictObject({
  formatVersion: z.literal(DOCUMENT_FORMAT_VERSION),
  id: z.string().min(1).max(200),
  publisher: z.string().min(1),
  sourceUrl: nullableString,
  language: z.string().min(2).max(8),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  event: nullableString,
  place: nullableString,
  when: z.strictObject({
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .nullable(),
    time: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .nullable(),
    timeZone: nullableString,
    dateTime: nullableString,
  }),
  participants: z.array(
    z.strictObject({
      speakerId: nullableString,
      name: z.string(),
      role: nullableString,
      aliases: z.array(z.string()).optional(),
    }),
  ),
  attachments: z.array(z.strictObject({ title: z.string(), url: nullableString })),
  publisherRef: nullableString,
  turns: z.array(
    z.strictObject({
      index: z.number().int().nonnegative(),
      speakerId: nullableString,
      speakerName: nullableString,
      label: nullableString,
      kind: z.enum(TURN_KINDS),
      addressedTo: nullableString,
      interpreted: z.boolean(),
      paragraphs: z.array(z.string()),
      notes: z.array(
        z.strictObject({
          paragraph: z.number().int().nonnegative(),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
          text: z.string(),
        }),
      ),
    }),
  ),
  qa: z.array(
    z.strictObject({
      question: z.number().int().nonnegative(),
      answers: z.array(z.number().int().nonnegative()),
    }),
  ),
  provenance: z.strictObject({
    source: z.string(),
    reader: z.string(),
    profile: z.string(),
    readAt: z.string(),
    contentHash: z.string(),
    encoding: z.string(),
    byteLength: z.number().int().nonnegative(),
  }),
  warnings: z.array(z.string()),
});
