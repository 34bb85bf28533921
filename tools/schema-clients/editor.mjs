// Drives the real yaml-language-server (the server behind VS Code's YAML extension) over stdio, as an editor does:
// initialize, didOpen, diagnostics, completion and hover, on wslnet's examples and on the documents in editor/.
// What the editor would show is compared with the goldens in expected/ (--update rewrites them), and the
// diagnostics of the files with mistakes (mistakes.mjs) are written as JSON to the file named by --diagnostics, for wording.mjs.
//   node editor.mjs [--update] [--diagnostics FILE]
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LanguageServer } from './lsp.mjs';
import { MISTAKES } from './mistakes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const update = args.includes('--update');
const diagnosticsOut = args.includes('--diagnostics') ? args[args.indexOf('--diagnostics') + 1] : null;

// A server that never answers, or that dies, fails the check with a reason instead of hanging or failing silently.
const deadline = setTimeout(() => {
  console.error('editor: the YAML language server did not answer within 120 s');
  process.exit(1);
}, 120_000);
let shuttingDown = false;

const server = new LanguageServer(process.execPath, [
  join(here, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
  '--stdio',
]);
server.exited.then((code) => {
  if (!shuttingDown) {
    console.error(`editor: the YAML language server stopped (exit ${code}) before the check was done`);
    process.exit(1);
  }
});
const waiting = new Map();
server.onNotification((message) => {
  if (message.method !== 'textDocument/publishDiagnostics') return;
  waiting.get(message.params.uri)?.(message.params.diagnostics);
});

await server.request('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  capabilities: {
    textDocument: {
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: {},
    },
  },
});
server.notify('initialized', {});
// VS Code's defaults, without the schema store (no network here) and without format-on-type.
server.notify('workspace/didChangeConfiguration', {
  settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } },
});

// Opens a document and resolves with its diagnostics once the server has validated it against the schema.
function open(uri, text) {
  const diagnostics = new Promise((resolve) => waiting.set(uri, resolve));
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return diagnostics;
}

const lines = (text) => text.split('\n');
// A file's path from the root with forward slashes, the same in every clone and on every system.
const shownPath = (file) => relative(root, file).split(sep).join('/');
const position = (text, offset) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const byPosition = (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
const showDiagnostics = (diagnostics) =>
  diagnostics.length === 0
    ? ['  (none)']
    : diagnostics.toSorted(byPosition).map((d) => {
        const { start, end } = d.range;
        const severity = ['', 'error', 'warning', 'information', 'hint'][d.severity];
        return `  ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${severity}: ${d.message}`;
      });
const indent = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''));

const report = [];

// The examples: what a user opens first, with no diagnostics.
for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort()) {
  const file = join(root, 'examples', name);
  const uri = pathToFileURL(file).href;
  report.push(`# ${shownPath(file)}`, 'diagnostics:', ...showDiagnostics(await open(uri, readFileSync(file, 'utf8'))));
}

// Mistakes, worded as wslnet and ajv word them (wording.mjs checks that).
const mistakes = {};
for (const file of MISTAKES) {
  const diagnostics = await open(pathToFileURL(join(root, file)).href, readFileSync(join(root, file), 'utf8'));
  report.push('', `# ${file}`, 'diagnostics:', ...showDiagnostics(diagnostics));
  mistakes[file] = diagnostics;
}
if (diagnosticsOut) writeFileSync(diagnosticsOut, JSON.stringify(mistakes, null, 2));

// A file as it is typed: @@ is a completion, ^^ a hover; the markers are taken out before the server sees it.
const sessionFile = join(here, 'editor', 'session.txt');
const marked = readFileSync(sessionFile, 'utf8');
const markers = [];
let text = '';
for (let i = 0; i < marked.length; ) {
  const marker = marked.slice(i, i + 2);
  if (marker === '@@' || marker === '^^') {
    markers.push({ kind: marker === '@@' ? 'completion' : 'hover', offset: text.length });
    i += 2;
  } else {
    text += marked[i++];
  }
}
const sessionUri = pathToFileURL(sessionFile.replace(/\.txt$/, '.yaml')).href;
report.push('', `# ${shownPath(sessionFile)}`, 'diagnostics:', ...showDiagnostics(await open(sessionUri, text)));
for (const marker of markers) {
  const at = position(text, marker.offset);
  const line = lines(text)[at.line];
  const shown = `${line.slice(0, at.character)}|${line.slice(at.character)}`.trimEnd();
  report.push('', `${marker.kind} at ${at.line + 1}:${at.character + 1} \`${shown}\``);
  if (marker.kind === 'completion') {
    const result = await server.request('textDocument/completion', { textDocument: { uri: sessionUri }, position: at });
    const items = (Array.isArray(result) ? result : result.items)
      .slice()
      .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
    for (const item of items) {
      const insert = item.textEdit?.newText ?? item.insertText ?? item.label;
      report.push(`  ${item.label}  ->  ${JSON.stringify(insert)}`);
    }
  } else {
    const hover = await server.request('textDocument/hover', { textDocument: { uri: sessionUri }, position: at });
    report.push(...indent(hover?.contents?.value ?? '(no hover)'));
  }
}

shuttingDown = true;
await server.shutdown();
clearTimeout(deadline);

// The hover's source link names this clone's folder, which the server writes with or without percent-encoding;
// the golden names the repository's root instead.
const rootUris = [pathToFileURL(root).href, `file://${root}`, decodeURI(pathToFileURL(root).href)];
const actual = rootUris.reduce((text, uri) => text.replaceAll(uri, 'file://<root>'), report.join('\n')) + '\n';
const golden = join(here, 'expected', 'editor.txt');
if (update) {
  writeFileSync(golden, actual);
  console.log(`editor: wrote ${relative(root, golden)}`);
} else {
  let expected = '';
  try {
    expected = readFileSync(golden, 'utf8');
  } catch {
    // a missing golden is a difference like any other
  }
  if (expected !== actual) {
    writeFileSync(golden.replace(/\.txt$/, '.received.txt'), actual);
    console.error(`editor: what the YAML language server shows differs from ${relative(root, golden)};`);
    console.error(`        see expected/editor.received.txt (node editor.mjs --update accepts it)`);
    process.exit(1);
  }
  console.log('editor: the YAML language server shows what expected/editor.txt says');
}
