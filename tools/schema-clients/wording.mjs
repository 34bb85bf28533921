// Checks that wslnet, ajv (strict, with ajv-errors) and the YAML language server word each mistake alike: for each
// file of mistakes.mjs, every place where ajv or the editor reports a mistake has one diagnostic from each, with the
// same words (wslnet puts the value first), except where the editor words a number out of range itself. wslnet may
// say more at other places: its own rules (WSLNET020 and on) check what no schema can.
//   node wording.mjs WSLNET_LAUNCHER EDITOR_DIAGNOSTICS.json
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import { LineCounter, parseDocument } from 'yaml';
import { MISTAKES } from './mistakes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const [launcher, editorDiagnostics] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'wslnet.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajvErrors(ajv);
const validate = ajv.compile(schema);
const editor = JSON.parse(readFileSync(editorDiagnostics, 'utf8'));

// The YAML language server words a number out of range itself: its minimum and maximum checks read no errorMessage
// (yaml-language-server 1.25.0, out/server/src/languageservice/parser/schemaValidation/baseValidator.js).
const EDITOR_OWN_WORDS = /^Value is (above|below) the (exclusive )?(maximum|minimum) of -?\d+\.$/;

let failures = 0;
for (const file of MISTAKES) {
  // Each client's messages by 1-based line and column.
  const byPlace = new Map();
  const add = (client, line, column, message) => {
    const place = `${line}:${column}`;
    if (!byPlace.has(place)) byPlace.set(place, { wslnet: [], ajv: [], editor: [] });
    byPlace.get(place)[client].push(message);
  };

  // wslnet: the JSON document of `validate --format json` (exit 1: the file is invalid).
  let json;
  try {
    json = execFileSync(launcher, ['validate', '--format', 'json', join(root, file)], { encoding: 'utf8' });
  } catch (e) {
    json = e.stdout;
  }
  for (const d of JSON.parse(json).diagnostics) {
    add('wslnet', d.line, d.column, d.message);
  }

  // ajv: the file read as YAML 1.2 (as wslnet reads it), each error's instance path mapped to its line.
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(join(root, file), 'utf8'), { version: '1.2', lineCounter });
  validate(document.toJS());
  for (const error of validate.errors ?? []) {
    const path = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const { line, col } = lineCounter.linePos(document.getIn(path, true).range[0]);
    add('ajv', line, col, error.message);
  }

  // The YAML language server, as editor.mjs recorded it.
  for (const d of editor[file]) add('editor', d.range.start.line + 1, d.range.start.character + 1, d.message);

  for (const [place, messages] of byPlace) {
    if (messages.ajv.length === 0 && messages.editor.length === 0) continue;
    // ajv-errors keeps a message that a branch of a oneOf already wrote, so a union's message comes once from the
    // branch and once from the oneOf: the same words twice.
    const ajvMessages = [...new Set(messages.ajv)];
    const same =
      ajvMessages.length === 1 &&
      messages.editor.length === 1 &&
      (messages.editor[0] === ajvMessages[0] || EDITOR_OWN_WORDS.test(messages.editor[0])) &&
      messages.wslnet.filter((message) => message.endsWith(` ${ajvMessages[0]}`)).length === 1;
    if (!same) {
      console.error(`wording: ${file}:${place} is worded differently: ${JSON.stringify(messages)}`);
      failures++;
    }
  }
  console.log(`wording: ${file}: ${[...byPlace.values()].filter((m) => m.ajv.length > 0).length} mistakes`);
}
if (failures > 0) process.exit(1);
console.log('wording: wslnet, ajv and the YAML language server word every mistake alike');
