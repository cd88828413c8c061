/**
 * The HCL parser: tree-sitter's HCL grammar (its Terraform dialect) run by web-tree-sitter, pure
 * WebAssembly, so the same code runs in Node and in a browser. Loading it is asynchronous (the
 * WebAssembly modules are compiled), while the engine's analysis is synchronous: the host (language
 * server, CLI) loads the parser once at start, passing the two .wasm files' bytes in (the engine
 * reads no files), and until then a Terraform file is simply not analysed yet.
 */
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { changedRange } from '../changedRange';

/** The two WebAssembly modules: web-tree-sitter's runtime and the grammar. */
export interface TerraformWasm {
  /** web-tree-sitter's `tree-sitter.wasm`. */
  runtime: Uint8Array;
  /** `tree-sitter-terraform.wasm` of @tree-sitter-grammars/tree-sitter-hcl. */
  grammar: Uint8Array;
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Load the parser (once: later calls return the first call's promise). Rejects when the modules
 * cannot be compiled; a later call then tries again.
 */
export function loadTerraformParser(
  wasm: TerraformWasm | (() => TerraformWasm | Promise<TerraformWasm>),
): Promise<void> {
  loading ??= (async () => {
    const bytes = typeof wasm === 'function' ? await wasm() : wasm;
    await Parser.init({ wasmBinary: bytes.runtime });
    const language = await Language.load(bytes.grammar);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Is the parser loaded (so that Terraform files are analysed)? */
export function terraformParserLoaded(): boolean {
  return parser !== undefined;
}

/** Documents whose last tree is kept for an incremental re-parse (the open editors, in practice). */
const KEPT_TREES = 8;
const trees = new Map<string, { text: string; tree: Tree }>();

/**
 * Parse `text`; undefined while the parser is not loaded. With a `key` (the document's URI), the
 * previous tree of that document is edited and re-used, so that a keystroke in a large file costs a
 * fraction of a full parse.
 */
export function parseHcl(text: string, key?: string): Tree | undefined {
  if (!parser) return undefined;
  const previous = key !== undefined ? trees.get(key) : undefined;
  let old: Tree | undefined;
  if (previous) {
    old = previous.tree;
    if (previous.text === text) return old;
    describeEdit(old, previous.text, text);
  }
  const tree = parser.parse(text, old) ?? undefined;
  if (key === undefined || !tree) {
    return tree;
  }
  if (previous) {
    trees.delete(key);
    previous.tree.delete();
  }
  trees.set(key, { text, tree });
  while (trees.size > KEPT_TREES) {
    const [oldest, entry] = trees.entries().next().value as [string, { tree: Tree }];
    trees.delete(oldest);
    entry.tree.delete();
  }
  return tree;
}

/** Forget the kept tree of a document (closed). */
export function forgetHcl(key: string): void {
  const entry = trees.get(key);
  if (!entry) return;
  trees.delete(key);
  entry.tree.delete();
}

/**
 * Tell the old tree what changed: the one range between the texts' common prefix and suffix. The
 * parser reads the text as UTF-16, so offsets are string indices; rows and columns count UTF-16
 * code units too. Both texts share the prefix, so the start point is counted once.
 */
function describeEdit(tree: Tree, before: string, after: string): void {
  const { start, oldEnd, newEnd } = changedRange(before, after);
  const startPosition = advance({ row: 0, column: 0 }, before, 0, start);
  tree.edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: advance(startPosition, before, start, oldEnd),
    newEndPosition: advance(startPosition, after, start, newEnd),
  });
}

/** The point at `to`, from the point at `from` (rows end at \n, as tree-sitter counts them). */
function advance(
  point: { row: number; column: number },
  text: string,
  from: number,
  to: number,
): { row: number; column: number } {
  let { row, column } = point;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === 10) {
      row++;
      column = 0;
    } else column++;
  }
  return { row, column };
}
