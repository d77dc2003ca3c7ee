/// <reference types="vite/client" />
// wire.gen.ts must be what openapi-typescript makes of the checked-in server document
// (openapi/v1.json, itself kept equal to the served one by the server's OpenApiDocumentTests):
// a hand edit, or a document refreshed without regenerating, fails here.

import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import checkedIn from './wire.gen.ts?raw';

const REFRESH = 'stage-display/scripts/update-wire.sh (or, for the TypeScript alone, `npm run wire` in stage-display)';

/** What `npm run wire` (the openapi-typescript CLI with its defaults) writes. */
async function generate(): Promise<string> {
  const ast = await openapiTS(new URL('../../openapi/v1.json', import.meta.url), { silent: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

function firstDifferentLine(expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? want.length : line;
  return `line ${at + 1}: generated ${JSON.stringify(want[at] ?? '<end>')}, checked in ${JSON.stringify(have[at] ?? '<end>')}`;
}

describe('wire.gen.ts', () => {
  it('is generated from the checked-in openapi/v1.json', async () => {
    const generated = await generate();

    const message = generated === checkedIn ? '' : `wire.gen.ts is stale (${firstDifferentLine(generated, checkedIn)}). Run ${REFRESH}.`;
    expect(message).toBe('');
  }, 30_000);
});
