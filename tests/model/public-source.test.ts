import { describe, expect, it } from "vitest";
import { publicSource, sourceUnder } from "../../src/model/public-source.js";

describe("public sources", () => {
  it.each([
    ["/srv/data/corpus", "/srv/data/corpus/2021/a.md", "corpus/2021/a.md"],
    ["../shared/corpus/", "../shared/corpus/a.md", "corpus/a.md"],
    ["/srv/data/corpus/a.md", "/srv/data/corpus/a.md", "a.md"],
    ["corpus", "corpus/x/y/z.txt", "corpus/x/y/z.txt"],
    [".", "a.md", "a.md"],
  ])(
    "a file found under %s is named by the folder's name and its path inside it (%s)",
    (spec, file, expected) => {
      expect(sourceUnder(spec, file)).toBe(expected);
    },
  );

  it.each([
    ["/srv/data/corpus/a.md", "corpus/a.md"],
    ["C:\\data\\corpus\\a.md", "corpus/a.md"],
    ["../shared/corpus/zelensky/a.txt", "zelensky/a.txt"],
    ["/srv/in/corpus.tar.gz#2021/a.md", "corpus.tar.gz#2021/a.md"],
    ["https://mid.ru/en/a/1", "https://mid.ru/en/a/1"],
    ["api:statement.txt", "api:statement.txt"],
    ["corpus/a.md", "corpus/a.md"],
  ])("a stored source %s is shown as %s, never as a server path", (source, expected) => {
    expect(publicSource(source)).toBe(expected);
  });
});
