// Runs before every workbench command (`node tools/preflight.mjs && tsx tools/cli.ts ...`) and before
// `npm start | build | serve`, which would otherwise stop at a bare `docusaurus: not found`.
// Plain Node with no dependencies, so it works before `npm ci`: it checks the Node version, that
// this is the course's repository, and that the dependencies are installed, and says what to do.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  problems.push(`This course needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js (https://nodejs.org), then run: npm ci`);
}

let isCourse = false;
try {
  isCourse = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).name === 'zero-copy-explained';
} catch {
  // handled below
}
if (!isCourse || !existsSync(path.join(root, 'exercises'))) {
  problems.push(
    `The workbench runs inside the course's repository (a folder with package.json and exercises/), but ${root} is not one.\n` +
      'Clone the course, then from its top folder run: npm ci && npm run exercise',
  );
} else if (!['tsx', 'vitest', '@docusaurus/core'].every((name) => existsSync(path.join(root, 'node_modules', name)))) {
  problems.push(`The course's dependencies are not installed yet. From ${root}, run:\n\n    npm ci\n\nthen run your command again.`);
}

if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exit(1);
}
