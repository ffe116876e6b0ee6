#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds it through the prepare script).
import { existsSync, readFileSync } from "node:fs";
import dotenv from "dotenv";
import { run } from "../dist/cli/main.js";

// A reader that stops early (`llm-advise ... | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// As `npm start` does: a .env file in the working directory is read when present, and a variable
// already set in the real environment wins over it.
const fromFile = existsSync(".env") ? dotenv.parse(readFileSync(".env")) : {};

process.exitCode = await run(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: () => new Date(),
  },
  { ...fromFile, ...process.env },
);
