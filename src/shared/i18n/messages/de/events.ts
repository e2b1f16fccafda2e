import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/events.js";

export default {} satisfies AreaTranslation<typeof en>;
