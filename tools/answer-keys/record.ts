// `npx tsx tools/answer-keys/record.ts`: regrade every answer-key fixture and rewrite
// src/data/answer-key-messages.json (see run.ts).
import {writeFileSync} from 'node:fs';
import {answerKeyFor} from '../../src/data/answer-keys';
import {inParallel} from '../grading/in-parallel';
import {caughtBy, fixtureKey, gradeFixture, listFixtures, MESSAGES_FILE, renderMessages, sectionLink, type CaughtBy} from './run';

async function main(): Promise<number> {
  const fixtures = listFixtures();
  const caught = await inParallel(fixtures, 2, async (fixture) => {
    const key = answerKeyFor(fixture.folder, fixture.fn);
    const failures = await gradeFixture(fixture);
    const found = key ? caughtBy(failures, sectionLink(fixture.folder, key.wrong.section)) : null;
    const sections = [...new Set(failures.flatMap((f) => [...f.message.matchAll(/#([a-z0-9-]+)/g)].map((m) => m[1])))];
    console.log(`${found ? '✓' : '✗'} ${fixtureKey(fixture)}: ${failures.length} failing, sections ${sections.join(', ') || 'none'}`);
    return [fixtureKey(fixture), found] as const;
  });
  const messages: Record<string, CaughtBy | null> = Object.fromEntries(caught);
  writeFileSync(MESSAGES_FILE, renderMessages(messages));
  return caught.every(([, found]) => found !== null) ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
