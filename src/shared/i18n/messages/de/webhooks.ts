import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/webhooks.js";

export default {} satisfies AreaTranslation<typeof en>;
