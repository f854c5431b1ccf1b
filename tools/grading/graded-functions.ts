// The functions a chapter's learner writes: in the starter (.pristine/<module>.ts) each one's body
// throws "TODO: <name> is not written yet (exercises/NN-topic/README.md, part N)". Functions the
// starter gives whole (validation, formatting) are not graded.
import {readFileSync} from 'node:fs';
import ts from 'typescript';

export interface GradedFunction {
  readonly name: string;
  /** The README part it belongs to; the grader's tests for it are named "Part N: ...". */
  readonly part: number | null;
}

const TODO = /^TODO: (\w+) is not written yet(?:.*\bpart (\d+)\))?/;

function todoIn(node: ts.Node): RegExpExecArray | null {
  let found: RegExpExecArray | null = null;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isStringLiteral(child) || ts.isNoSubstitutionTemplateLiteral(child)) found = TODO.exec(child.text);
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

export function gradedFunctions(starterFile: string): GradedFunction[] {
  const source = ts.createSourceFile(starterFile, readFileSync(starterFile, 'utf8'), ts.ScriptTarget.ESNext, true);
  const graded: GradedFunction[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    const todo = todoIn(statement.body);
    if (todo) graded.push({name: statement.name.text, part: todo[2] ? Number(todo[2]) : null});
  }
  return graded;
}

/** Does a grader's test ("Part 1: chunkCount > splits ...") check this function? */
export function testChecks(testName: string, fn: GradedFunction): boolean {
  const part = fn.part === null ? null : `Part ${fn.part}`;
  const inPart = part !== null && (testName === part || (testName.startsWith(part) && !/[\p{L}\p{N}_]/u.test(testName.charAt(part.length))));
  return inPart || new RegExp(`(^|[^\\w$])${fn.name}([^\\w$]|$)`).test(testName);
}
