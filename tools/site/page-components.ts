// Each page loads the code of the live components it shows, and no other. The chapters use the
// course's components without importing them (<Quiz>, <CostChart> and so on), as if they were
// built-in elements. They used to be registered in src/theme/MDXComponents.tsx for that, which put
// every component and the model behind it into the chunk of @theme/DocItem: every doc page
// downloaded and evaluated all nine, the plainest page included. This remark plugin gives each MDX
// file an import of each of these components it uses instead, so the bundler puts a component's
// code in the chunks of the pages that show it. The MDX stays as authors write it.
import type {ImportDeclaration, Program} from 'estree';

/** A component a page may use without importing it: the module and the export its name stands for. */
export interface PageComponent {
  readonly from: string;
  /** 'default', or the name of a named export. */
  readonly exportName: string;
}

const component = (folder: string, exportName = 'default'): PageComponent => ({from: `@site/src/components/${folder}`, exportName});

/** Every name the chapters may use without an import. */
export const PAGE_COMPONENTS: Readonly<Record<string, PageComponent>> = {
  CostChart: component('CostChart'),
  CourseMap: component('CourseMap'),
  DataPath: component('DataPath'),
  DmaTimeline: component('DmaTimeline'),
  GatherList: component('GatherList'),
  MethodCompare: component('MethodCompare'),
  MethodTable: component('MethodTable'),
  PageFaults: component('PageFaults'),
  Quiz: component('Quiz'),
  Question: component('Quiz', 'Question'),
  Choice: component('Quiz', 'Choice'),
  SyscallTimeline: component('SyscallTimeline'),
};

/** The slice of an MDX syntax tree (mdast with MDX's nodes) this plugin reads and writes. */
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: MdxNode[];
  data?: {estree?: Program | null};
}

const ELEMENTS = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

/** Names the file binds at its top level: its own imports and exported declarations. */
function boundNames(tree: MdxNode): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const statement of node.data?.estree?.body ?? []) {
      if (statement.type === 'ImportDeclaration') {
        for (const specifier of statement.specifiers) names.add(specifier.local.name);
      } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
        const declaration = statement.declaration;
        if (declaration.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
        } else if (declaration.id) {
          names.add(declaration.id.name);
        }
      }
    }
  }
  return names;
}

/** The registered names the file's JSX uses (`<Quiz>`, and `Quiz` of `<Quiz.Part>`), in order of first use. */
export function usedComponents(tree: MdxNode, registry: Readonly<Record<string, PageComponent>> = PAGE_COMPONENTS): string[] {
  const used = new Set<string>();
  const visit = (node: MdxNode) => {
    if (ELEMENTS.has(node.type) && node.name) {
      const name = node.name.split('.')[0];
      if (Object.hasOwn(registry, name)) used.add(name);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return [...used];
}

/** One import declaration per module, as the ESTree that MDX compiles (it reads `data.estree`, not the text). */
export function importDeclarations(names: readonly string[], registry: Readonly<Record<string, PageComponent>> = PAGE_COMPONENTS): ImportDeclaration[] {
  const byModule = new Map<string, string[]>();
  for (const name of names) {
    const {from} = registry[name];
    byModule.set(from, [...(byModule.get(from) ?? []), name]);
  }
  return [...byModule].map(([from, locals]): ImportDeclaration => ({
    type: 'ImportDeclaration',
    specifiers: locals.map((local) => {
      const {exportName} = registry[local];
      const identifier = {type: 'Identifier', name: local} as const;
      return exportName === 'default'
        ? {type: 'ImportDefaultSpecifier', local: identifier}
        : {type: 'ImportSpecifier', imported: {type: 'Identifier', name: exportName}, local: identifier};
    }),
    source: {type: 'Literal', value: from, raw: JSON.stringify(from)},
    attributes: [],
  }));
}

/** Source text of those declarations, for the node's `value` (what a reader of the tree sees). */
function importText(declarations: readonly ImportDeclaration[]): string {
  return declarations
    .map((declaration) => {
      const defaults = declaration.specifiers.filter((s) => s.type === 'ImportDefaultSpecifier').map((s) => s.local.name);
      const named = declaration.specifiers.flatMap((s) =>
        s.type === 'ImportSpecifier' && s.imported.type === 'Identifier' ? [s.imported.name === s.local.name ? s.local.name : `${s.imported.name} as ${s.local.name}`] : [],
      );
      const parts = [...defaults, ...(named.length > 0 ? [`{${named.join(', ')}}`] : [])];
      return `import ${parts.join(', ')} from ${JSON.stringify(declaration.source.value)};`;
    })
    .join('\n');
}

/** The transform of one file: imports of the registered components it uses and does not bind itself. */
export function importPageComponents(tree: MdxNode, registry: Readonly<Record<string, PageComponent>> = PAGE_COMPONENTS): void {
  const bound = boundNames(tree);
  const missing = usedComponents(tree, registry).filter((name) => !bound.has(name));
  if (missing.length === 0) return;
  const body = importDeclarations(missing, registry);
  const estree: Program = {type: 'Program', sourceType: 'module', body, comments: []};
  tree.children = [{type: 'mdxjsEsm', value: importText(body), data: {estree}}, ...(tree.children ?? [])];
}

/** The remark plugin (unified's attacher form). */
export function remarkPageComponents() {
  return (tree: MdxNode): void => importPageComponents(tree);
}
