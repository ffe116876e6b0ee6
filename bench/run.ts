import { adviseBench } from "./advise.bench.js";
import { table } from "./report.js";

/** `npm run bench`: every benchmark, each beside a baseline measured in the same run. */
const rows = [...(await adviseBench())];
process.stdout.write(`${table(rows)}\n\nNode ${process.version}, ${new Date().toISOString()}\n`);
