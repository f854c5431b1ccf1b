// Rspack loader for student mode (ZC_MODEL=student), applied by tools/site/student-model.ts to the
// learner's exercise files only, never to src/model/. It inserts a check into every for, for-in,
// for-of, while and do...while loop, as online code playgrounds do, so a half-written loop that
// never ends is stopped after a time budget (src/model-fallback/loop-guard.ts) instead of freezing
// the page:
//
//   label: while (c) body      becomes   { const __zcLoop1 = __zcLoopStart("fn", "file.ts:7");
//                                          label: while (c) { __zcLoopCheck(__zcLoop1); body } }
//
// The edits are text insertions at positions the TypeScript parser finds, so everything else in
// the learner's file (types, comments, line numbers) stays as they wrote it.
'use strict';

const path = require('node:path');

/** The name a person would use for the function a node is in: "readWriteTrace". */
function enclosingFunctionName(ts, node) {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at) || ts.isFunctionExpression(at)) {
      if (at.name && ts.isIdentifier(at.name)) return at.name.text;
    }
    if ((ts.isFunctionExpression(at) || ts.isArrowFunction(at)) && at.parent) {
      const holder = at.parent;
      if ((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name)) return holder.name.text;
    }
  }
  return '(top level)';
}

function isLoop(ts, node) {
  return ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

/**
 * The learner's source with every loop guarded, or the source unchanged when it has no loop.
 * `label` names the file in messages ("exercises/03-read-write/read-write.ts"); `guardModule` is
 * the import specifier of the guard's runtime.
 */
function guardLoops(ts, source, {fileName = 'learner.ts', label = fileName, guardModule}) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  let count = 0;
  const visit = (node, depth) => {
    if (isLoop(ts, node)) {
      const id = `__zcLoop${++count}`;
      let target = node;
      while (ts.isLabeledStatement(target.parent)) target = target.parent;
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      const name = enclosingFunctionName(ts, node);
      const check = `__zcLoopCheck(${id});`;
      edits.push({at: target.getStart(file), depth, open: true, text: `{ const ${id} = __zcLoopStart(${JSON.stringify(name)}, ${JSON.stringify(`${label}:${line}`)}); `});
      edits.push({at: target.end, depth, open: false, text: ' }'});
      const body = node.statement;
      if (ts.isBlock(body)) {
        edits.push({at: body.getStart(file) + 1, depth: depth + 0.5, open: true, text: ` ${check}`});
      } else {
        edits.push({at: body.getStart(file), depth: depth + 0.5, open: true, text: `{ ${check} `});
        edits.push({at: body.end, depth: depth + 0.5, open: false, text: ' }'});
      }
    }
    ts.forEachChild(node, (child) => visit(child, isLoop(ts, node) ? depth + 1 : depth));
  };
  visit(file, 0);
  if (edits.length === 0) return source;
  // At one position: closing braces before opening ones; the inner loop's closes first, the outer's opens first.
  edits.sort((a, b) => a.at - b.at || (a.open === b.open ? (a.open ? a.depth - b.depth : b.depth - a.depth) : a.open ? 1 : -1));
  let output = '';
  let from = 0;
  for (const edit of edits) {
    output += source.slice(from, edit.at) + edit.text;
    from = edit.at;
  }
  output += source.slice(from);
  // On the first line, so the learner's line numbers stay theirs in stack traces.
  const guardImport = `import {loopStart as __zcLoopStart, loopCheck as __zcLoopCheck} from ${JSON.stringify(guardModule)}; `;
  return guardImport + output;
}

module.exports = function loopGuardLoader(source) {
  const {guardModule, siteDir} = this.getOptions();
  const ts = require('typescript');
  const label = path.relative(siteDir, this.resourcePath).split(path.sep).join('/');
  return guardLoops(ts, source, {fileName: this.resourcePath, label: label.startsWith('..') ? this.resourcePath : label, guardModule});
};
module.exports.guardLoops = guardLoops;
