#!/usr/bin/env node
// The `sourcemark` command. Registers tsx and resolves the CLI from this file's own
// location, so it works from any working directory (npx, npm run cli, a global link).
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
const { main } = await import(new URL("./main.ts", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
