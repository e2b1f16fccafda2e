import type { PartialAreaTranslation } from "../../catalogue.js";
import type en from "../en/layout.js";

export default {
  "layout.meta.description": "Plenary : hackathons, conférences et exposés des communautés open source.",
  "layout.skipToContent": "Aller au contenu",
  "layout.brandHome": "Plenary, accueil",
  "layout.nav.main": "Menu principal",
  "layout.nav.events": "Événements",
  "layout.nav.communities": "Communautés",
  "layout.nav.signIn": "Se connecter",
  "layout.nav.signUp": "Créer un compte",
  "layout.account.yours": "Votre compte",
  "layout.account.signOut": "Se déconnecter",
  "layout.account.signedOut": "Vous êtes déconnecté.",
  "layout.footer.tagline": "<strong>Plenary</strong> — les événements des communautés open source.",
  "layout.footer.communities": "Communautés",
  "layout.footer.api": "Référence de l’API",
  "layout.language.label": "Langue",
  "layout.language.current": "{language} (langue actuelle)",
  "layout.notFound.title": "Page introuvable",
  "layout.notFound.text": "Il n’y a rien à cette adresse.",
  "layout.pageError.backToEvents": "Retour aux événements",
} satisfies PartialAreaTranslation<typeof en>;
