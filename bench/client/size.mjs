// Bundles each entry given as name=path with esbuild (--bundle --minify
// --format=esm) and prints its minified and gzipped sizes, one line each in
// the format of go test -bench.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

for (const arg of process.argv.slice(2)) {
  const [name, entry] = arg.split("=");
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  console.log(`BenchmarkClientSize/client=${name} 1 ${code.length} min-B ${gz} gzip-B`);
}
