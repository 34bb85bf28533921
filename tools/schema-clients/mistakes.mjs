// Files with mistakes that the schema words itself, relative to the repository's root: the three of the issue, a
// version this wslnet does not read, and the golden input of wslnet's own wording test, with a mistake for each
// branch of each union.
export const MISTAKES = [
  'tools/schema-clients/editor/mistakes.yaml',
  'tools/schema-clients/editor/version.yaml',
  'src/test/resources/validate/worded.yaml',
];
