// Files with mistakes that the schema words itself, relative to the repository's root: the three of the issue,
// and the golden input of wslnet's own wording test, with a mistake for each branch of each union.
export const MISTAKES = ['tools/schema-clients/editor/mistakes.yaml', 'src/test/resources/validate/worded.yaml'];
