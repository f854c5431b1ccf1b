// "Matches the reference": a learner's graded function that is the course's own, token for
// token, once formatting, comments, quotes, number spelling and every name are normalised. Not
// a failure (two people can write the same short function), but a teacher should look.
import {existsSync, readFileSync} from 'node:fs';
import ts from 'typescript';
import type {GradedFunction} from './graded-functions';

// Punctuation that formatting alone adds or removes.
const OPTIONAL = new Set([ts.SyntaxKind.SemicolonToken]);
const CLOSERS = new Set([ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken]);

/** The function's tokens with names numbered by first use: `(a, b) => a / b` and `(x, y) => x / y` agree. */
export function normalisedTokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ESNext, true, ts.LanguageVariant.Standard, text);
  const names = new Map<string, string>();
  const tokens: {kind: ts.SyntaxKind; text: string}[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (OPTIONAL.has(kind)) continue;
    if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier) {
      const name = scanner.getTokenText();
      if (!names.has(name)) names.set(name, `$${names.size}`);
      tokens.push({kind, text: names.get(name) ?? name});
    } else if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      tokens.push({kind: ts.SyntaxKind.StringLiteral, text: JSON.stringify(scanner.getTokenValue())});
    } else if (kind === ts.SyntaxKind.NumericLiteral) {
      tokens.push({kind, text: String(Number(scanner.getTokenValue()))});
    } else {
      // A trailing comma before a closing bracket is formatting.
      if (CLOSERS.has(kind) && tokens.at(-1)?.kind === ts.SyntaxKind.CommaToken) tokens.pop();
      tokens.push({kind, text: scanner.getTokenText()});
    }
  }
  return tokens.map((token) => token.text);
}

/** A top-level function's text without `export`: the declaration, or a const's initialiser. */
function functionText(source: ts.SourceFile, name: string): string | null {
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name && statement.body) {
      return source.text.slice(statement.parameters.pos, statement.body.end);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          return source.text.slice(init.parameters.pos, init.body.end);
        }
      }
    }
  }
  return null;
}

function read(file: string): ts.SourceFile | null {
  return existsSync(file) ? ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ESNext, true) : null;
}

/** The graded functions whose normalised text is the reference's. */
export function matchingReference(learnerFile: string, referenceFile: string, graded: readonly GradedFunction[]): string[] {
  const learner = read(learnerFile);
  const reference = read(referenceFile);
  if (!learner || !reference) return [];
  return graded
    .filter((fn) => {
      const mine = functionText(learner, fn.name);
      const theirs = functionText(reference, fn.name);
      return mine !== null && theirs !== null && normalisedTokens(mine).join(' ') === normalisedTokens(theirs).join(' ');
    })
    .map((fn) => fn.name);
}
