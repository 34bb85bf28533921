// Parses every .ps1 file named on the command line with tree-sitter's PowerShell grammar and fails on any syntax
// error (ERROR or MISSING nodes), printing file:line:column for each.
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';
import { readFileSync } from 'node:fs';

const parser = new Parser();
parser.setLanguage(PowerShell);

let problems = 0;
for (const file of process.argv.slice(2)) {
  const tree = parser.parse(readFileSync(file, 'utf8'));
  const visit = (node) => {
    if (node.type === 'ERROR' || node.isMissing) {
      const { row, column } = node.startPosition;
      console.error(`${file}:${row + 1}:${column + 1}: syntax error: ${node.isMissing ? 'missing ' + node.type : 'unexpected ' + JSON.stringify(node.text.slice(0, 40))}`);
      problems++;
    }
    for (const child of node.children) {
      visit(child);
    }
  };
  visit(tree.rootNode);
  console.log(`${file}: ${tree.rootNode.hasError ? 'syntax errors' : 'ok'}`);
}
process.exit(problems === 0 ? 0 : 1);
