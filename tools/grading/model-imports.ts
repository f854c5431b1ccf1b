// Which import specifiers point into the course's model (src/model/), and what a chapter's
// starter itself imports from it: those helpers (types, units, validation, summaries) stay
// allowed in a learner's file; anything else from src/model/ is the reference.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface StarterImports {
  /** Names the starter imports from model files ("requireInteger", "addSummaries"). */
  readonly names: ReadonlySet<string>;
  /** Model modules the starter imports from ("validate", "summary"), by their path under src/model/. */
  readonly modules: ReadonlySet<string>;
}

const MODEL_SEGMENT = /(?:^|\/)src\/model(?:\/(.*))?$/;

/**
 * The module under src/model/ that a specifier names ("read-write", "index"), or null. Relative
 * and absolute paths count wherever the src/model/ folder is: a submission's own copy of the
 * model is the reference too.
 */
export function modelModuleOf(specifier: string, fromFile: string): string | null {
  let target: string;
  if (specifier.startsWith('@site/')) target = specifier.slice('@site/'.length);
  else if (specifier.startsWith('.') || path.isAbsolute(specifier)) target = path.resolve(path.dirname(fromFile), specifier);
  else if (specifier.startsWith('src/')) target = specifier;
  else return null;
  const match = MODEL_SEGMENT.exec(target.split(path.sep).join('/').replace(/\/+$/, ''));
  if (!match) return null;
  const module = (match[1] ?? 'index').replace(/\.(?:[cm]?[jt]s)$/, '').replace(/\/index$/, '');
  return module === '' ? 'index' : module;
}

export function starterModelImports(starterFile: string): StarterImports {
  const source = ts.createSourceFile(starterFile, readFileSync(starterFile, 'utf8'), ts.ScriptTarget.ESNext, true);
  const names = new Set<string>();
  const modules = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = modelModuleOf(statement.moduleSpecifier.text, starterFile);
    if (module === null) continue;
    modules.add(module);
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add((element.propertyName ?? element.name).text);
  }
  return {names, modules};
}
