// Which functions of the reference model a chapter's grader grades, and where they are. The
// pristine starter is the authority: a function whose body it leaves as "TODO ... is not
// written yet" is the learner's to write, so the grader must be able to tell a wrong one.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {REPO_ROOT} from '../grading/subject.mts';
import type {ExerciseChapter} from '../workbench/chapters';

/** One graded function in the model: its name, and the lines of its declaration. */
export interface GradedFunction {
  readonly name: string;
  /** Repository-relative path of the model file that declares it. */
  readonly file: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
}

const TODO = /throw new Error\('TODO: (\w+) is not written yet/g;

/** The names of the functions the starter leaves to the learner, in the order it lists them. */
export function gradedNames(pristineSource: string): string[] {
  return [...pristineSource.matchAll(TODO)].map((match) => match[1]);
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

/**
 * Where `names` are declared, following re-exports: a chapter module may re-export a function
 * from the module that now holds its topic.
 */
export function locateExports(modulePath: string, names: readonly string[]): GradedFunction[] {
  const program = ts.createProgram([modulePath], {allowJs: false, noEmit: true, allowImportingTsExtensions: true});
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(modulePath);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`Cannot read the model module ${modulePath}`);
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.getName(), symbol]));
  return names.map((name) => {
    const exported = exports.get(name);
    if (!exported) throw new Error(`${path.relative(REPO_ROOT, modulePath)} does not export ${name}, which the starter asks for`);
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find((node) => ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node));
    if (!declaration) throw new Error(`${name} is not declared as a function in the model`);
    const file = declaration.getSourceFile();
    // A const arrow function's statement starts at the `export const`, not at the name.
    const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    return {
      name,
      file: path.relative(REPO_ROOT, file.fileName),
      startLine: lineOf(file, node.getStart(file)),
      endLine: lineOf(file, node.getEnd()),
    };
  });
}

/** The graded functions of one chapter, located in the reference model. */
export function gradedFunctions(chapter: ExerciseChapter): GradedFunction[] {
  const names = gradedNames(readFileSync(chapter.pristineFile, 'utf8'));
  return locateExports(chapter.modelFile, names);
}
