import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/platform.js";

export default {} satisfies AreaTranslation<typeof en>;
