// Does a learner's graded function run the course's reference instead of the learner's own code?
// The reference model is in every clone by design (the site runs on it), so a file containing
// only `export * from '@site/src/model/read-write'` would pass every test. This reads the
// learner's file with the TypeScript compiler (no code runs) and finds each graded function that
// is, or reaches, something imported from src/model/ that the chapter's starter does not import
// itself: a re-export, an import (under any name, by any path), a require() or import() of a
// model file, or a wrapper that forwards to one of those, directly or through local helpers.
import {existsSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {gradedFunctions, type GradedFunction} from './graded-functions';
import {modelModuleOf, starterModelImports, type StarterImports} from './model-imports';

export interface ReferenceUse {
  /** The graded function, as the starter names it: "chunkCount". */
  readonly name: string;
  /** Its part in the exercise README, for matching the grader's "Part N" tests. */
  readonly part: number | null;
  /** How it reaches the reference, in the learner's terms, with the line. */
  readonly how: string;
}

/** Where the source and the rules come from, so a submission's file is judged by the teacher's starter. */
export interface ReferenceCheckInput {
  readonly learnerFile: string;
  readonly starterFile: string;
}

interface Taint {
  readonly how: string;
}

function parse(file: string): {source: ts.SourceFile; checker: ts.TypeChecker} {
  // noResolve: the learner's imports are judged by their text, never loaded or type-checked.
  const program = ts.createProgram([file], {noResolve: true, noLib: true, allowJs: true, noEmit: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext});
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`Could not read ${file}`);
  return {source, checker: program.getTypeChecker()};
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function statementText(source: ts.SourceFile, node: ts.Node): string {
  const text = node.getText(source).replace(/\s+/g, ' ');
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

function isTypeOnlyImport(node: ts.ImportSpecifier | ts.ImportClause | ts.NamespaceImport): boolean {
  if (ts.isImportSpecifier(node)) return node.isTypeOnly || node.parent.parent.isTypeOnly;
  if (ts.isNamespaceImport(node)) return node.parent.isTypeOnly;
  return node.isTypeOnly;
}

/**
 * Import bindings that reach the reference: every value import from a model file, except the
 * names (or, for `import * as`, the modules) the starter itself imports.
 */
function forbiddenImports(source: ts.SourceFile, file: string, allowed: StarterImports): Map<ts.Declaration, Taint> {
  const found = new Map<ts.Declaration, Taint>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = modelModuleOf(statement.moduleSpecifier.text, file);
    const clause = statement.importClause;
    if (module === null || !clause) continue;
    const where = `line ${lineOf(source, statement)}: ${statementText(source, statement)}`;
    if (clause.name && !isTypeOnlyImport(clause)) found.set(clause, {how: `imports the reference (${where})`});
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && !isTypeOnlyImport(bindings) && !allowed.modules.has(module)) {
      found.set(bindings, {how: `imports the reference (${where})`});
    }
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (!isTypeOnlyImport(element) && !allowed.names.has(imported)) {
          found.set(element, {how: `uses the reference's ${imported} (${where})`});
        }
      }
    }
  }
  return found;
}

// A string naming a model file the starter does not use: require(), import(), createRequire()...
function forbiddenModuleString(node: ts.Node, file: string, allowed: StarterImports): string | null {
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) return null;
  const module = modelModuleOf(node.text, file);
  return module !== null && !allowed.modules.has(module) ? node.text : null;
}

function insideType(node: ts.Node, stop: ts.Node): boolean {
  for (let current = node.parent; current && current !== stop; current = current.parent) if (ts.isTypeNode(current)) return true;
  return false;
}

/** The declarations a name binds at the top of the file (functions, variables, classes). */
function topLevelDeclarations(source: ts.SourceFile): Map<ts.Declaration, ts.Node> {
  const owners = new Map<ts.Declaration, ts.Node>();
  const bindNames = (name: ts.BindingName, owner: ts.Node) => {
    if (ts.isIdentifier(name)) owners.set(name.parent as ts.Declaration, owner);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindNames(element.name, owner);
  };
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) owners.set(statement, statement);
    if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) bindNames(declaration.name, statement);
  }
  return owners;
}

function declarationOf(checker: ts.TypeChecker, identifier: ts.Identifier | ts.ModuleExportName): ts.Declaration | undefined {
  const symbol = ts.isIdentifier(identifier) && ts.isShorthandPropertyAssignment(identifier.parent)
    ? checker.getShorthandAssignmentValueSymbol(identifier.parent)
    : checker.getSymbolAtLocation(identifier);
  return symbol?.declarations?.[0];
}

/** Which top-level statements reach the reference, directly or through each other (a fixpoint). */
function taintedStatements(source: ts.SourceFile, checker: ts.TypeChecker, file: string, allowed: StarterImports, imports: Map<ts.Declaration, Taint>): Map<ts.Node, Taint> {
  const owners = topLevelDeclarations(source);
  const tainted = new Map<ts.Node, Taint>();
  const reasonIn = (statement: ts.Node): Taint | null => {
    let reason: Taint | null = null;
    const visit = (node: ts.Node): void => {
      if (reason) return;
      const text = forbiddenModuleString(node, file, allowed);
      if (text !== null) {
        reason = {how: `loads the reference file "${text}" (line ${lineOf(source, node)})`};
        return;
      }
      if (ts.isIdentifier(node) && !insideType(node, statement)) {
        const declaration = declarationOf(checker, node);
        const imported = declaration && imports.get(declaration);
        const owner = declaration && owners.get(declaration);
        const helper = owner && owner !== statement ? tainted.get(owner) : undefined;
        if (imported) reason = imported;
        else if (helper) reason = {how: `uses ${node.text} (line ${lineOf(source, node)}), which ${helper.how}`};
        if (reason) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    return reason;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const statement of new Set(owners.values())) {
      if (tainted.has(statement)) continue;
      const reason = reasonIn(statement);
      if (reason) {
        tainted.set(statement, reason);
        changed = true;
      }
    }
  }
  return tainted;
}

/** How the file exports each name: a local statement, an import binding, or a model re-export. */
function exportReasons(source: ts.SourceFile, checker: ts.TypeChecker, file: string, allowed: StarterImports, imports: Map<ts.Declaration, Taint>, tainted: Map<ts.Node, Taint>, names: readonly string[]): Map<string, Taint> {
  const owners = topLevelDeclarations(source);
  const reasons = new Map<string, Taint>();
  const local = new Set<string>();
  const starExports: Taint[] = [];
  for (const statement of source.statements) {
    const where = `line ${lineOf(source, statement)}: ${statementText(source, statement)}`;
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? modelModuleOf(statement.moduleSpecifier.text, file) : null;
      const fromReference = module !== null && !allowed.modules.has(module);
      if (!statement.exportClause) {
        if (fromReference) starExports.push({how: `re-exports the reference (${where})`});
        continue;
      }
      if (!ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) {
        local.add(element.name.text);
        if (fromReference) {
          reasons.set(element.name.text, {how: `re-exports the reference (${where})`});
        } else if (!statement.moduleSpecifier) {
          const declaration = declarationOf(checker, element.propertyName ?? element.name);
          const owner = declaration && owners.get(declaration);
          const reason = (declaration && imports.get(declaration)) ?? (owner && tainted.get(owner));
          if (reason) reasons.set(element.name.text, reason);
        }
      }
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const declared = [...owners].filter(([, owner]) => owner === statement).map(([declaration]) => ts.getNameOfDeclaration(declaration));
    for (const name of declared) {
      if (!name || !ts.isIdentifier(name)) continue;
      local.add(name.text);
      const reason = tainted.get(statement);
      if (reason) reasons.set(name.text, reason);
    }
  }
  // `export *` supplies only the names the file does not export itself.
  for (const name of names) if (!local.has(name) && starExports.length > 0) reasons.set(name, starExports[0]);
  return reasons;
}

/** Every graded function of the learner's file that is, or reaches, the course's reference. */
export function findReferenceUse(input: ReferenceCheckInput, graded: readonly GradedFunction[] = gradedFunctions(input.starterFile)): ReferenceUse[] {
  if (!existsSync(input.learnerFile)) return [];
  const allowed = starterModelImports(input.starterFile);
  const {source, checker} = parse(input.learnerFile);
  const imports = forbiddenImports(source, input.learnerFile, allowed);
  const tainted = taintedStatements(source, checker, input.learnerFile, allowed, imports);
  const reasons = exportReasons(source, checker, input.learnerFile, allowed, imports, tainted, graded.map((g) => g.name));
  return graded.flatMap((fn) => {
    const reason = reasons.get(fn.name);
    return reason ? [{name: fn.name, part: fn.part, how: reason.how}] : [];
  });
}

/** The sentence a learner reads, in their terms. */
export function referenceUseMessage(use: ReferenceUse, learnerFile: string): string {
  return `\`${use.name}\` calls the course's reference instead of your code: ${path.basename(learnerFile)} ${use.how}. Its tests earn no points until ${use.name} is your own.`;
}
