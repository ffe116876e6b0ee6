import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Starting PGlite takes seconds on a loaded machine; hooks that open stores need the room.
    hookTimeout: 60_000,
  },
});
