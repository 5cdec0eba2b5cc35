/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API; empty (the default) means the same origin as the SPA. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
