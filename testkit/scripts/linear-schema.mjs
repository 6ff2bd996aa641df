#!/usr/bin/env node
// Generates testkit/src/main/resources/dev/aegis/testkit/linear/linear-subset.graphql: the part of Linear's GraphQL
// schema Aegis uses, derived from the types Linear publishes in @linear/sdk (MIT).
//
//   npm install --prefix /tmp/peers @linear/sdk@98.0.0
//   node testkit/scripts/linear-schema.mjs /tmp/peers/node_modules/@linear/sdk
//
// How the SDK's TypeScript maps back to GraphQL (graphql-codegen's "typescript" plugin output):
//   field: Scalars["X"]          -> X!          field?: Maybe<T> / InputMaybe<T> -> T (nullable)
//   Array<T>                     -> [T]!        declare enum E { A = "a" }        -> enum E { a }
//   type XFieldArgs = {...}      -> the arguments of X.field (Query/Mutation: QueryFieldArgs, MutationFieldArgs)
// Object types carry `__typename`; input types do not. Interfaces (Node, Entity...) are not emitted: Aegis never
// selects through them.
//
// The subset is chosen below (SUBSET). Rules that keep it honest:
//   - a field listed for a type must exist in the SDK, or the script fails;
//   - required (non-null) arguments and required input fields are always kept, listed or not;
//   - an optional argument or input field whose type is outside the subset is dropped and named in a comment;
//   - every Query/Mutation field is cross-checked against the operation documents the SDK itself sends
//     (`query issues($after: String, ...)` in dist/index.mjs): each kept argument must have exactly the type the
//     SDK declares for the matching variable.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SUBSET = {
  Query: ['viewer', 'teams', 'team', 'issues', 'issue', 'workflowStates', 'issueLabels', 'comments', 'users'],
  Mutation: ['commentCreate', 'commentUpdate', 'issueUpdate', 'reactionCreate', 'attachmentCreate', 'attachmentLinkURL'],
  // object types
  User: ['id', 'name', 'displayName', 'email', 'active', 'app', 'url', 'createdAt', 'updatedAt', 'archivedAt'],
  Team: ['id', 'key', 'name', 'displayName', 'createdAt', 'updatedAt', 'archivedAt', 'states', 'labels'],
  WorkflowState: ['id', 'name', 'type', 'position', 'color', 'team', 'createdAt', 'updatedAt', 'archivedAt'],
  IssueLabel: ['id', 'name', 'color', 'isGroup', 'team', 'createdAt', 'updatedAt', 'archivedAt'],
  Issue: ['id', 'identifier', 'number', 'title', 'description', 'url', 'branchName', 'createdAt', 'updatedAt',
    'archivedAt', 'trashed', 'state', 'labels', 'labelIds', 'creator', 'team', 'comments', 'attachments'],
  Comment: ['id', 'body', 'url', 'createdAt', 'updatedAt', 'editedAt', 'archivedAt', 'user', 'botActor', 'issue',
    'issueId', 'parentId'],
  ActorBot: ['id', 'name', 'type', 'subType', 'userDisplayName'],
  Reaction: ['id', 'emoji', 'createdAt', 'updatedAt', 'user', 'comment'],
  Attachment: ['id', 'url', 'title', 'subtitle', 'createdAt', 'updatedAt', 'creator', 'issue'],
  PageInfo: '*',
  TeamConnection: '*', TeamEdge: '*',
  IssueConnection: '*', IssueEdge: '*',
  WorkflowStateConnection: '*', WorkflowStateEdge: '*',
  IssueLabelConnection: '*', IssueLabelEdge: '*',
  CommentConnection: '*', CommentEdge: '*',
  UserConnection: '*', UserEdge: '*',
  AttachmentConnection: '*', AttachmentEdge: '*',
  CommentPayload: '*', IssuePayload: '*', ReactionPayload: '*', AttachmentPayload: '*',
  // input types (required fields are added automatically)
  IssueFilter: ['and', 'or', 'id', 'number', 'title', 'team', 'state', 'labels', 'creator', 'createdAt', 'updatedAt',
    'archivedAt'],
  NullableIssueFilter: ['and', 'or', 'id', 'number', 'team', 'null'],
  TeamFilter: ['and', 'or', 'id', 'key', 'name'],
  NullableTeamFilter: ['and', 'or', 'id', 'key', 'name', 'null'],
  WorkflowStateFilter: ['and', 'or', 'id', 'name', 'type', 'team'],
  IssueLabelFilter: ['and', 'or', 'id', 'name', 'isGroup', 'team'],
  IssueLabelCollectionFilter: ['and', 'or', 'id', 'name', 'some', 'every', 'length', 'null'],
  CommentFilter: ['and', 'or', 'id', 'body', 'issue', 'user', 'createdAt', 'updatedAt'],
  UserFilter: ['and', 'or', 'id', 'email', 'name', 'displayName', 'active', 'app', 'isMe'],
  NullableUserFilter: ['and', 'or', 'id', 'email', 'name', 'displayName', 'null'],
  StringComparator: '*', IdComparator: '*', IssueIdComparator: '*',
  DateComparator: '*', NullableDateComparator: '*', NumberComparator: '*', BooleanComparator: '*',
  CommentCreateInput: ['id', 'issueId', 'body', 'parentId', 'doNotSubscribeToIssue'],
  CommentUpdateInput: ['body'],
  IssueUpdateInput: ['stateId', 'addedLabelIds', 'removedLabelIds', 'labelIds', 'title', 'description', 'assigneeId'],
  ReactionCreateInput: ['id', 'commentId', 'issueId', 'emoji'],
  AttachmentCreateInput: ['id', 'issueId', 'url', 'title', 'subtitle', 'iconUrl', 'metadata'],
};
const BUILT_IN_SCALARS = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

function main() {
  const sdkDir = process.argv[2] ?? '/tmp/peers/node_modules/@linear/sdk';
  const here = path.dirname(fileURLToPath(import.meta.url));
  const out = process.argv[3] ??
    path.join(here, '..', 'src/main/resources/dev/aegis/testkit/linear/linear-subset.graphql');
  const pkg = JSON.parse(fs.readFileSync(path.join(sdkDir, 'package.json'), 'utf8'));
  const typesFile = fs.readdirSync(path.join(sdkDir, 'dist')).find((f) => /^index-.*\.d\.mts$/.test(f));
  const model = parseTypes(fs.readFileSync(path.join(sdkDir, 'dist', typesFile), 'utf8'));
  const subset = buildSubset(model);
  crossCheck(subset, fs.readFileSync(path.join(sdkDir, 'dist', 'index.mjs'), 'utf8'));
  const license = fs.readFileSync(path.join(sdkDir, 'LICENSE'), 'utf8');
  fs.writeFileSync(out, render(subset, { version: pkg.version, typesFile, license }));
  console.log(`wrote ${out}: ${Object.keys(subset.types).length} types, ${subset.enums.size} enums`);
}

// ---- parsing the SDK's .d.mts ----------------------------------------------------------------------------------

function parseTypes(text) {
  const lines = text.split('\n');
  const types = new Map();
  let current = null;
  for (const line of lines) {
    if (/^type \w+Fragment = /.test(line)) break; // operation/fragment result types follow the schema types
    let m = line.match(/^type (\w+) = (?:[\w ]+? & )?\{$/);
    if (m) {
      current = { name: m[1], kind: 'type', fields: [], object: false };
      types.set(m[1], current);
      continue;
    }
    m = line.match(/^declare enum (\w+) \{$/);
    if (m) {
      current = { name: m[1], kind: 'enum', values: [] };
      types.set(m[1], current);
      continue;
    }
    if (current && /^\}/.test(line)) {
      current = null;
      continue;
    }
    if (!current) continue;
    if (current.kind === 'enum') {
      const e = line.match(/^\s+\w+ = "([_A-Za-z][_0-9A-Za-z]*)",?$/);
      if (e) current.values.push(e[1]);
      continue;
    }
    const f = line.match(/^ {2}(\w+)\??: (.+);$/);
    if (!f) continue;
    if (f[1] === '__typename') current.object = true;
    else current.fields.push({ name: f[1], type: toGraphQL(f[2]) });
  }
  return types;
}

/** TypeScript type text -> { named, sdl } where sdl is the GraphQL type reference. */
function toGraphQL(ts) {
  let m;
  if ((m = ts.match(/^(?:Input)?Maybe<(.+)>$/))) {
    const inner = toGraphQL(m[1]);
    return { named: inner.named, sdl: inner.sdl.replace(/!$/, '') };
  }
  if ((m = ts.match(/^Array<(.+)>$/))) {
    const inner = toGraphQL(m[1]);
    return { named: inner.named, sdl: `[${inner.sdl}]!` };
  }
  if ((m = ts.match(/^Scalars\["(\w+)"\]$/))) return { named: m[1], sdl: `${m[1]}!` };
  if ((m = ts.match(/^(\w+)$/))) return { named: m[1], sdl: `${m[1]}!` };
  return { named: null, sdl: null, unsupported: ts };
}

// ---- choosing the subset ----------------------------------------------------------------------------------------

function buildSubset(model) {
  const chosen = {};
  const enums = new Set();
  const scalars = new Set();
  const kept = (name) => name in SUBSET || BUILT_IN_SCALARS.has(name) || isScalar(model, name) || isEnum(model, name);
  for (const [typeName, wanted] of Object.entries(SUBSET)) {
    const type = model.get(typeName);
    if (!type || type.kind !== 'type') throw new Error(`${typeName} is not a type in the SDK`);
    const input = !type.object && !['Query', 'Mutation'].includes(typeName);
    const names = wanted === '*' ? type.fields.map((f) => f.name) : wanted;
    const fields = [];
    const omitted = [];
    for (const field of type.fields) {
      const required = field.type.sdl?.endsWith('!');
      const listed = names.includes(field.name);
      if (!listed && !(input && required)) continue;
      if (field.type.unsupported) throw new Error(`${typeName}.${field.name}: cannot map ${field.type.unsupported}`);
      if (!kept(field.type.named)) {
        if (input && !required) {
          omitted.push(field.name);
          continue;
        }
        throw new Error(`${typeName}.${field.name} needs ${field.type.named}: add it to SUBSET`);
      }
      note(model, field.type.named, enums, scalars);
      fields.push({ ...field, args: input ? [] : argsOf(model, typeName, field.name, kept, enums, scalars) });
    }
    for (const n of names) {
      if (!type.fields.some((f) => f.name === n)) throw new Error(`${typeName}.${n} does not exist in the SDK`);
    }
    chosen[typeName] = { input, fields, omitted };
  }
  return { types: chosen, enums, scalars, model };
}

function argsOf(model, typeName, fieldName, kept, enums, scalars) {
  const argsType = [...model.values()].find(
    (t) => t.kind === 'type' && t.name.toLowerCase() === `${typeName}${fieldName}Args`.toLowerCase());
  if (!argsType) return [];
  const args = [];
  for (const arg of argsType.fields) {
    const required = arg.type.sdl.endsWith('!');
    if (!kept(arg.type.named)) {
      if (required) throw new Error(`${typeName}.${fieldName}(${arg.name}) needs ${arg.type.named}: add it to SUBSET`);
      args.push({ ...arg, omitted: true });
      continue;
    }
    note(model, arg.type.named, enums, scalars);
    args.push(arg);
  }
  return args;
}

function isEnum(model, name) {
  return model.get(name)?.kind === 'enum';
}

function isScalar(model, name) {
  return !model.has(name) && !BUILT_IN_SCALARS.has(name) && /^[A-Z]\w*$/.test(name) && SCALARS.has(name);
}

const SCALARS = new Set(['DateTime', 'DateTimeOrDuration', 'Duration', 'JSON', 'JSONObject', 'TimelessDate',
  'TimelessDateOrDuration', 'UUID']);

function note(model, name, enums, scalars) {
  if (isEnum(model, name)) enums.add(name);
  else if (SCALARS.has(name)) scalars.add(name);
}

// ---- cross-check against the SDK's own operation documents -----------------------------------------------------

function crossCheck(subset, documentsText) {
  for (const root of ['Query', 'Mutation']) {
    const keyword = root === 'Query' ? 'query' : 'mutation';
    for (const field of subset.types[root].fields) {
      const re = new RegExp(`\\n\\s*${keyword} \\w+\\(([^)]*)\\)\\s*\\{\\s*\\n\\s*${field.name}[\\s(]`);
      const m = documentsText.match(re);
      if (!m) {
        if (field.args.length) throw new Error(`no SDK document found for ${root}.${field.name}`);
        continue;
      }
      const declared = Object.fromEntries(
        [...m[1].matchAll(/\$(\w+): ([^,]+?)(?=,\s*\$|$)/g)].map((v) => [v[1], v[2].trim()]));
      for (const arg of field.args.filter((a) => !a.omitted)) {
        if (declared[arg.name] !== arg.type.sdl) {
          throw new Error(`${root}.${field.name}(${arg.name}): derived ${arg.type.sdl}, SDK document says ` +
            `${declared[arg.name]}`);
        }
      }
    }
  }
}

// ---- rendering ---------------------------------------------------------------------------------------------------

function render(subset, { version, typesFile, license }) {
  const out = [];
  out.push('# Linear GraphQL API: the subset Aegis uses. GENERATED, do not edit by hand:');
  out.push('#   node testkit/scripts/linear-schema.mjs <node_modules>/@linear/sdk');
  out.push(`# Source: @linear/sdk ${version} (npm), dist/${typesFile} (schema types) and dist/index.mjs (operation`);
  out.push('# documents used to cross-check every Query/Mutation argument). Field names, argument names and argument');
  out.push('# types, non-null markers included, are Linear\'s. Descriptions, interfaces and everything Aegis does not');
  out.push('# use are left out; optional arguments and input fields whose types are outside the subset are named in');
  out.push('# "omitted" comments. A query that names anything not declared here is rejected by the fake server.');
  out.push('#');
  out.push('# The SDK is published under the MIT License; its notice follows.');
  for (const line of license.trim().split('\n')) out.push(line ? `#   ${line}` : '#');
  out.push('');
  out.push('schema {\n  query: Query\n  mutation: Mutation\n}\n');
  for (const s of [...subset.scalars].sort()) out.push(`scalar ${s}`);
  out.push('');
  for (const e of [...subset.enums].sort()) {
    out.push(`enum ${e} {\n${subset.model.get(e).values.map((v) => `  ${v}`).join('\n')}\n}\n`);
  }
  for (const name of Object.keys(subset.types).sort(rootsFirst)) {
    const t = subset.types[name];
    if (t.omitted.length) out.push(`# omitted: ${t.omitted.join(', ')}`);
    out.push(`${t.input ? 'input' : 'type'} ${name} {`);
    for (const f of t.fields) {
      const dropped = f.args.filter((a) => a.omitted).map((a) => a.name);
      if (dropped.length) out.push(`  # ${f.name}: omitted arguments ${dropped.join(', ')}`);
      out.push(`  ${f.name}${renderArgs(f.args)}: ${f.type.sdl}`);
    }
    out.push('}\n');
  }
  return out.join('\n');
}

function renderArgs(args) {
  const kept = args.filter((a) => !a.omitted);
  return kept.length ? `(${kept.map((a) => `${a.name}: ${a.type.sdl}`).join(', ')})` : '';
}

function rootsFirst(a, b) {
  const rank = (n) => (n === 'Query' ? 0 : n === 'Mutation' ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

main();
