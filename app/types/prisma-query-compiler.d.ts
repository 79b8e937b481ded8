// The query compiler of the Prisma client (wasm-bindgen glue, shipped without types): only what
// Lotse's tests of its plan memo (patches/@prisma+client+*.patch) use.
declare module '@prisma/client/runtime/query_compiler_bg.sqlite.mjs' {
  export class QueryCompiler {
    compile(query: string): unknown;
  }
}
