/**
 * Generated hostile queries (fast-check): the query language's own syntax in any order, FTS5 and
 * SQL syntax it must never pass through, control characters, marks, scripts and very long words.
 * The parser's fuzz test and the HTTP tests draw from the same pieces.
 */
import fc from "fast-check";

export const QUERY_PIECES = [
  '"',
  "(",
  ")",
  "speaker:",
  "role:",
  "date:",
  "2020-01..2020-12",
  "..",
  " AND ",
  " OR ",
  " NOT ",
  "-",
  "*",
  "near:",
  "~",
  "^",
  ":",
  "type:",
  "kind:",
  "lang:",
  "publisher:",
  "mentions:",
  "doc:",
  "\u0000",
  "ё",
];

/** What would break a query spliced into SQL or an FTS5 MATCH string, or a page that echoes it. */
export const INJECTIONS = [
  "'; DROP TABLE turns; --",
  '" OR 1=1 --',
  "NEAR(a b, 2)",
  "text:sanctions",
  "{text}: a",
  "a + b",
  '"unterminated',
  "*prefix",
  "<script>alert(1)</script>",
  "%00%27",
  "\u202Eevil\u202C",
  "\uFEFF\uD800",
  "a".repeat(999),
];

export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...QUERY_PIECES, ...INJECTIONS),
        fc.string({ maxLength: 8, unit: "grapheme" }),
      ),
      { maxLength: 30 },
    )
    .map((p) => p.join("")),
  fc.string({ maxLength: 40, unit: "binary" }),
);
