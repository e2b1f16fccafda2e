import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { begin, I18nProvider } from "./app/i18n.js";
import { SessionProvider } from "./app/session.js";
import { router } from "./app/routes.js";
import "./styles.css";

// The page's catalogue first: nothing is drawn in a language it is not meant to be in.
const translator = await begin();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider>
      <I18nProvider initial={translator}>
        <RouterProvider router={router} />
      </I18nProvider>
    </SessionProvider>
  </StrictMode>,
);
