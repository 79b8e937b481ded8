/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

export {};

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** the client's address as the HTTP server saw it */
    clientAddress?: string;
    /** the Content-Security-Policy nonce of this response */
    cspNonce?: string;
  }
}
