#!/usr/bin/env node
// Starts Sourcemark: opens the database (embedded or DATABASE_URL), migrates, seeds the
// demo on an empty database, and serves the built Next.js app. `--dev` serves in dev mode.
import { register } from "tsx/esm/api";

register();
const { serve } = await import("./serve-app.ts");
await serve(process.argv.slice(2));
