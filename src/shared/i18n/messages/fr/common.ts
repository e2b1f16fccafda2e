import type { PartialAreaTranslation } from "../../catalogue.js";
import type en from "../en/common.js";

export default {
  "common.loading": "Chargement…",
  "common.working": "Un instant…",
  "common.saving": "Enregistrement…",
  "common.adding": "Ajout…",
  "common.save": "Enregistrer",
  "common.saveChanges": "Enregistrer les modifications",
  "common.add": "Ajouter",
  "common.remove": "Retirer",
  "common.refresh": "Actualiser",
  "common.cancel": "Annuler",
  "common.back": "Retour",
  "common.search": "Rechercher",
  "common.name": "Nom",
  "common.email": "Adresse e-mail",
  "common.draft": "Brouillon",
  "common.changesSaved": "Vos modifications sont enregistrées.",
} satisfies PartialAreaTranslation<typeof en>;
