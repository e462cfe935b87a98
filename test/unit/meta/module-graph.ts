import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * A syntax-only map of the repository's TypeScript imports and lib/ exports, enough for the
 * meta-test on exports: which names each file exports, and which names each file imports from
 * which other file. Parsing one file at a time keeps it fast (no type checker).
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** A file's imports: the resolved file, and the names taken from it ('*' for a namespace or re-export of all). */
export interface ImportEdge {
  from: string;
  target: string;
  names: string[];
}

export function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveSpecifier(from: string, specifier: string): string | null {
  const base =
    specifier.startsWith('@/') || specifier.startsWith('~/')
      ? path.join(REPO_ROOT, specifier.slice(2))
      : specifier.startsWith('.')
        ? path.resolve(path.dirname(from), specifier)
        : null;
  if (base === null) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function importedNames(clause: ts.ImportClause | undefined): string[] {
  if (clause === undefined) return [];
  const names = clause.name === undefined ? [] : ['default'];
  const bindings = clause.namedBindings;
  if (bindings === undefined) return names;
  if (ts.isNamespaceImport(bindings)) return [...names, '*'];
  return [...names, ...bindings.elements.map((element) => (element.propertyName ?? element.name).text)];
}

function edge(from: string, specifier: ts.Expression | undefined, names: string[]): ImportEdge[] {
  if (specifier === undefined || !ts.isStringLiteral(specifier)) return [];
  const target = resolveSpecifier(from, specifier.text);
  return target === null ? [] : [{ from, target, names }];
}

/** Static imports, re-exports, and import('...') calls (their names are unknown: '*'). */
export function importsOf(file: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) edges.push(...edge(file, node.moduleSpecifier, importedNames(node.importClause)));
    else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const names =
        clause === undefined || !ts.isNamedExports(clause)
          ? ['*']
          : clause.elements.map((element) => (element.propertyName ?? element.name).text);
      edges.push(...edge(file, node.moduleSpecifier, names));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      edges.push(...edge(file, node.arguments[0], ['*']));
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) edges.push(...edge(file, node.argument.literal, ['*']));
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return edges;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) =>
      ts.isIdentifier(declaration.name) ? [declaration.name.text] : [],
    );
  const isDefault =
    ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  if (isDefault) return ['default'];
  const name = (statement as { name?: ts.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}

/** The names a file exports itself (not what it re-exports from elsewhere). */
export function exportsOf(file: string): string[] {
  return parse(file).statements.flatMap((statement) => {
    if (ts.isExportAssignment(statement)) return ['default'];
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier === undefined &&
      statement.exportClause !== undefined &&
      ts.isNamedExports(statement.exportClause)
    ) {
      return statement.exportClause.elements.map((element) => element.name.text);
    }
    return hasExportModifier(statement) ? declaredNames(statement) : [];
  });
}
