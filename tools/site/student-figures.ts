// Student mode (ZC_MODEL=student) for the chapters' own text: a remark plugin, added to the docs
// only in student mode, that marks every figure computed by the learner's code and shows the
// reference's beside it where the two differ. The chapters compute their figures in MDX:
//
//   export const oneGiB4K = readWriteSummary(GiB, 4 * KiB);
//   ... {formatCount(oneGiB4K.syscalls)} system calls ...
//
// Each exported constant gets two twins: `__zcT_x` (its value, and which learner functions it
// came from, src/model-fallback `track`) and `__zcR_x` (the same expression evaluated with the
// reference answering, `asReference`). Each expression in the text that uses a constant or a
// model function becomes `__zcFigure(() => (expr), () => (expr with the __zcR_ twins), uses)`,
// which renders the value with a marker (src/components/ModelNotice/figures.tsx). A string
// attribute (a quiz's explanation) gets the same through `__zcText`. Each live component that
// draws on a learner's module is wrapped in <ZcStudentFrame>, which marks it and says whose model
// drove it. The chapters' MDX stays as authors wrote it.
import {createRequire} from 'node:module';
import type {Node as EstreeNode, Program} from 'estree';

const require = createRequire(import.meta.url);
// The parser MDX itself uses for the code in a page, with its JSX extension.
const mdxjs = require.resolve('micromark-extension-mdxjs', {paths: [require.resolve('@mdx-js/mdx')]});
const acorn = require(require.resolve('acorn', {paths: [mdxjs]})) as typeof import('acorn');
const acornJsx = require(require.resolve('acorn-jsx', {paths: [mdxjs]})) as () => (base: typeof acorn.Parser) => typeof acorn.Parser;
const Parser = acorn.Parser.extend(acornJsx());

export const TRACK_PREFIX = '__zcT_';
export const REFERENCE_PREFIX = '__zcR_';

export interface StudentFiguresOptions {
  /** The chapter modules the learner implements: "read-write". */
  readonly studentModules: readonly string[];
  /** Each component folder under src/components, with the model modules its files import. */
  readonly componentModules: Readonly<Record<string, readonly string[]>>;
}

interface MdastNode {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: MdastNode[];
  attributes?: MdastNode[];
  data?: {estree?: Program};
}

type AnyNode = EstreeNode & {start: number; end: number; [key: string]: unknown};

function parseModule(code: string): Program {
  return Parser.parse(code, {ecmaVersion: 'latest', sourceType: 'module'}) as unknown as Program;
}

function parseExpression(code: string): AnyNode {
  const program = parseModule(`(${code}\n)`);
  const statement = program.body[0];
  if (program.body.length !== 1 || statement.type !== 'ExpressionStatement') throw new Error(`not one expression: ${code}`);
  return statement.expression as AnyNode;
}

/** Names a pattern declares: `a`, `{a, b: [c]}`, `...rest`. */
function patternNames(pattern: AnyNode | null | undefined, into: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === 'Identifier') into.add(pattern.name);
  else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties) patternNames((p.type === 'RestElement' ? p.argument : p.value) as AnyNode, into);
  else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements) patternNames(p as AnyNode, into);
  else if (pattern.type === 'RestElement') patternNames(pattern.argument as AnyNode, into);
  else if (pattern.type === 'AssignmentPattern') patternNames(pattern.left as AnyNode, into);
}

function declaredIn(body: AnyNode): Set<string> {
  const names = new Set<string>();
  const statements = body.type === 'BlockStatement' ? body.body : [];
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') for (const d of statement.declarations) patternNames(d.id as AnyNode, names);
    if (statement.type === 'FunctionDeclaration' && statement.id) names.add(statement.id.name);
  }
  return names;
}

interface FreeReference {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** `{name}` in an object literal: renaming must keep the key. */
  readonly shorthand: boolean;
}

/** The identifiers an expression reads from the page's scope (not its own parameters or locals). */
export function freeReferences(node: AnyNode, wanted: ReadonlySet<string>): FreeReference[] {
  const found: FreeReference[] = [];
  const visit = (at: unknown, shadowed: ReadonlySet<string>): void => {
    if (Array.isArray(at)) {
      for (const item of at) visit(item, shadowed);
      return;
    }
    if (!at || typeof at !== 'object' || typeof (at as {type?: unknown}).type !== 'string') return;
    const n = at as AnyNode;
    switch (n.type) {
      case 'Identifier':
        if (wanted.has(n.name) && !shadowed.has(n.name)) found.push({name: n.name, start: n.start, end: n.end, shorthand: false});
        return;
      case 'MemberExpression':
        visit(n.object, shadowed);
        if (n.computed) visit(n.property, shadowed);
        return;
      case 'Property':
        if (n.shorthand && (n.value as AnyNode).type === 'Identifier') {
          const value = n.value as AnyNode & {name: string};
          if (wanted.has(value.name) && !shadowed.has(value.name)) found.push({name: value.name, start: n.start, end: n.end, shorthand: true});
          return;
        }
        if (n.computed) visit(n.key, shadowed);
        visit(n.value, shadowed);
        return;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration': {
        const inner = new Set(shadowed);
        for (const param of n.params) patternNames(param as AnyNode, inner);
        if (n.id) inner.add((n.id as {name: string}).name);
        for (const name of declaredIn(n.body as AnyNode)) inner.add(name);
        visit(n.params, inner);
        visit(n.body, inner);
        return;
      }
      case 'BlockStatement': {
        const inner = new Set(shadowed);
        for (const name of declaredIn(n)) inner.add(name);
        visit(n.body, inner);
        return;
      }
      case 'CatchClause': {
        const inner = new Set(shadowed);
        patternNames(n.param as AnyNode, inner);
        visit(n.body, inner);
        return;
      }
      case 'JSXAttribute':
        visit(n.value, shadowed);
        return;
      default:
        for (const [key, value] of Object.entries(n)) {
          if (key !== 'type' && key !== 'start' && key !== 'end' && key !== 'loc' && key !== 'range') visit(value, shadowed);
        }
    }
  }
  visit(node, new Set());
  return found;
}

/** `code` with the references renamed to their twins (`prefix` + name). */
function renamed(code: string, offset: number, references: readonly FreeReference[], prefix: string): string {
  let output = '';
  let from = 0;
  for (const ref of [...references].sort((a, b) => a.start - b.start)) {
    output += code.slice(from, ref.start - offset) + (ref.shorthand ? `${ref.name}: ${prefix}${ref.name}` : `${prefix}${ref.name}`);
    from = ref.end - offset;
  }
  return output + code.slice(from);
}

/** The uses of the constants an expression reads, for `__zcFigure` and `__zcTrack`. */
function usesList(references: readonly FreeReference[], constants: ReadonlySet<string>): string {
  const names = [...new Set(references.map((r) => r.name).filter((name) => constants.has(name)))];
  return `[${names.map((name) => `${TRACK_PREFIX}${name}.uses`).join(', ')}]`;
}

const IMPORTS = [
  `import {track as __zcTrack, asReference as __zcAsReference} from '@site/src/model-fallback';`,
  `import {studentFigure as __zcFigure, studentText as __zcText, StudentFrame as ZcStudentFrame} from '@site/src/components/ModelNotice/figures';`,
].join('\n');

/** One ESM block with its exported constants twinned. */
export function twinExports(code: string, constants: Set<string>, modelNames: ReadonlySet<string>): string {
  const program = parseModule(code);
  let output = '';
  let from = 0;
  for (const statement of program.body as AnyNode[]) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration as AnyNode | null;
    if (!declaration || declaration.type !== 'VariableDeclaration') continue;
    const lines: string[] = [];
    for (const declarator of declaration.declarations as AnyNode[]) {
      const id = declarator.id as AnyNode;
      const init = declarator.init as AnyNode | null;
      if (id.type !== 'Identifier' || !init) return code;
      const source = code.slice(init.start, init.end);
      const wanted = new Set([...constants, ...modelNames]);
      const references = freeReferences(init, wanted).filter((r) => constants.has(r.name));
      const referenceSource = renamed(source, init.start, references, REFERENCE_PREFIX);
      lines.push(
        `export const ${TRACK_PREFIX}${id.name} = __zcTrack(() => (${source}), ${usesList(references, constants)});`,
        `export const ${id.name} = ${TRACK_PREFIX}${id.name}.value;`,
        `export const ${REFERENCE_PREFIX}${id.name} = __zcAsReference(() => (${referenceSource}));`,
      );
      constants.add(id.name);
    }
    output += code.slice(from, statement.start) + lines.join('\n');
    from = statement.end;
  }
  return output + code.slice(from);
}

/** An expression of the text, wrapped so it renders marked; undefined when it uses nothing of the learner's. */
export function figureExpression(code: string, constants: ReadonlySet<string>, modelNames: ReadonlySet<string>, wrapper: '__zcFigure' | '__zcText'): string | undefined {
  if (code.trim() === '') return undefined;
  let expression: AnyNode;
  try {
    expression = parseExpression(code);
  } catch {
    return undefined; // a comment, {/* ... */}
  }
  const references = freeReferences(expression, new Set([...constants, ...modelNames]));
  if (references.length === 0) return undefined;
  // parseExpression wrapped the code in one parenthesis.
  const mine = code;
  const reference = renamed(code, 1, references.filter((r) => constants.has(r.name)), REFERENCE_PREFIX);
  return `${wrapper}(() => (${mine}\n), () => (${reference}\n), ${usesList(references, constants)})`;
}

const EXPRESSIONS = new Set(['mdxFlowExpression', 'mdxTextExpression']);
const ELEMENTS = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const MODEL_IMPORT = /^@site\/src\/model\/([\w-]+)$/;
const COMPONENT_IMPORT = /^@site\/src\/components\/([\w-]+)/;

function setExpression(node: MdastNode, code: string, asModule = false): void {
  node.value = code;
  node.data = {...node.data, estree: asModule ? parseModule(code) : parseModule(`(${code}\n)`)};
}

/** The remark plugin's transform of one page's tree. */
export function markStudentFigures(tree: MdastNode, options: StudentFiguresOptions): void {
  const children = tree.children ?? [];
  const esm = children.filter((node) => node.type === 'mdxjsEsm');
  const modelNames = new Set<string>();
  const componentFolders = new Map<string, string>();
  for (const node of esm) {
    for (const statement of parseModule(String(node.value)).body as AnyNode[]) {
      if (statement.type !== 'ImportDeclaration') continue;
      const from = String((statement.source as {value: unknown}).value);
      const model = MODEL_IMPORT.exec(from);
      const component = COMPONENT_IMPORT.exec(from);
      for (const specifier of statement.specifiers as AnyNode[]) {
        const local = (specifier.local as {name: string}).name;
        if (model && options.studentModules.includes(model[1])) modelNames.add(local);
        if (component) componentFolders.set(local, component[1]);
      }
    }
  }
  const constants = new Set<string>();
  for (const node of esm) setExpression(node, twinExports(String(node.value), constants, modelNames), true);
  // A page that uses nothing of the learner's is left without the markers' imports.
  let marked = constants.size > 0;

  const liveModules = (name: string | null | undefined): string[] => {
    if (!name) return [];
    const folder = componentFolders.get(name) ?? name;
    return (options.componentModules[folder] ?? []).filter((m) => options.studentModules.includes(m));
  };

  const visit = (node: MdastNode, framed: boolean): MdastNode => {
    if (EXPRESSIONS.has(node.type)) {
      const code = figureExpression(String(node.value ?? ''), constants, modelNames, '__zcFigure');
      if (code) setExpression(node, code);
      marked ||= code !== undefined;
      return node;
    }
    if (ELEMENTS.has(node.type)) {
      const modules = framed ? [] : liveModules(node.name);
      if (modules.length === 0) {
        for (const attribute of node.attributes ?? []) {
          const value = attribute.value as MdastNode | string | null | undefined;
          if (attribute.type !== 'mdxJsxAttribute' || typeof value !== 'object' || value?.type !== 'mdxJsxAttributeValueExpression') continue;
          const code = figureExpression(String(value.value), constants, modelNames, '__zcText');
          if (code) setExpression(value, code);
          marked ||= code !== undefined;
        }
      }
      node.children = (node.children ?? []).map((child) => visit(child, framed || modules.length > 0));
      if (modules.length === 0) return node;
      marked = true;
      const inline = node.type === 'mdxJsxTextElement';
      const attribute = (name: string, code: string): MdastNode => {
        const value: MdastNode = {type: 'mdxJsxAttributeValueExpression'};
        setExpression(value, code);
        return {type: 'mdxJsxAttribute', name, value};
      };
      return {
        type: node.type,
        name: 'ZcStudentFrame',
        attributes: [attribute('modules', JSON.stringify(modules)), attribute('component', JSON.stringify(node.name)), ...(inline ? [attribute('inline', 'true')] : [])],
        children: [node],
      };
    }
    if (node.children) node.children = node.children.map((child) => visit(child, framed));
    return node;
  };
  tree.children = children.map((child) => visit(child, false));
  if (!marked) return;
  const imports: MdastNode = {type: 'mdxjsEsm'};
  setExpression(imports, IMPORTS, true);
  tree.children.unshift(imports);
}
