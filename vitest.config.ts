import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    // dist/ is built once before the files run: the CLI tests run the built command.
    globalSetup: ["tests/support/global-setup.ts"],
    // A turn of the event loop after every test, and an optional report of the longest blocks.
    setupFiles: ["tests/support/event-loop.ts", "tests/support/language-detection.ts"],
    // Test files share their worker's modules instead of importing them again, file after file:
    // collection takes seconds, not half a minute. Files keep no state outside their own stores
    // and temporary folders, and nothing is mocked at module level.
    isolate: false,
    // Limits for hangs, not for speed: a busy machine may take several times as long.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
