import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/communities.js";

export default {} satisfies AreaTranslation<typeof en>;
