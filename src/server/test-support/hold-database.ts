// The other process in the data-folder lock tests: opens the embedded database in argv[2],
// says "open" and holds it until SIGTERM (closing cleanly) or SIGKILL (leaving its lock).
import { openDatabase } from "../platform/db/index.js";

const database = await openDatabase({ dataDir: process.argv[2]! });
process.stdout.write("open\n");
process.on("SIGTERM", () => {
  void database.close().then(() => process.exit(0));
});
setInterval(() => undefined, 60_000);
