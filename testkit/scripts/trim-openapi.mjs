// Trims GitHub's official OpenAPI description (as shipped by @octokit/openapi) to the operations FakeGitHub
// serves, keeping every component they reference (schemas, parameters, responses, headers, request bodies).
// Examples are dropped: the fake builds its own payloads and the validator never reads them.
//
// Usage (from the repository root):
//   npm install --prefix /tmp/peers @octokit/openapi
//   node testkit/scripts/trim-openapi.mjs [/tmp/peers/node_modules/@octokit/openapi]
//
// Writes testkit/src/main/resources/dev/aegis/testkit/github/api.github.com.subset.json. Re-run it after
// adding an operation to OPERATIONS (and to FakeGitHub's routes).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OPERATIONS = [
  ["get", "/rate_limit"],
  ["get", "/app"],
  ["get", "/repos/{owner}/{repo}/installation"],
  ["post", "/app/installations/{installation_id}/access_tokens"],
  ["get", "/repos/{owner}/{repo}"],
  ["get", "/repos/{owner}/{repo}/issues"],
  ["post", "/repos/{owner}/{repo}/issues"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["patch", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["get", "/repos/{owner}/{repo}/labels"],
  ["post", "/repos/{owner}/{repo}/labels"],
  ["get", "/repos/{owner}/{repo}/labels/{name}"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["put", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/issues/comments"],
  ["get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["delete", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["get", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["post", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["get", "/repos/{owner}/{repo}/collaborators/{username}/permission"],
  ["get", "/repos/{owner}/{repo}/git/ref/{ref}"],
  ["post", "/repos/{owner}/{repo}/git/refs"],
  ["patch", "/repos/{owner}/{repo}/git/refs/{ref}"],
  ["delete", "/repos/{owner}/{repo}/git/refs/{ref}"],
  ["get", "/repos/{owner}/{repo}/git/commits/{commit_sha}"],
  ["post", "/repos/{owner}/{repo}/git/commits"],
  ["get", "/repos/{owner}/{repo}/pulls"],
  ["post", "/repos/{owner}/{repo}/pulls"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/actions/secrets"],
  ["get", "/repos/{owner}/{repo}/actions/variables"],
  ["post", "/repos/{owner}/{repo}/actions/variables"],
  ["get", "/repos/{owner}/{repo}/actions/variables/{name}"],
  ["patch", "/repos/{owner}/{repo}/actions/variables/{name}"],
  ["get", "/repos/{owner}/{repo}/git/matching-refs/{ref}"],
  ["get", "/user"],
];

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = process.argv[2] ?? "/tmp/peers/node_modules/@octokit/openapi";
const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const spec = JSON.parse(readFileSync(join(packageDir, "generated", "api.github.com.json"), "utf8"));

const paths = {};
for (const [method, path] of OPERATIONS) {
  const item = spec.paths[path];
  if (!item || !item[method]) throw new Error(`not in GitHub's description: ${method.toUpperCase()} ${path}`);
  paths[path] ??= item.parameters ? { parameters: item.parameters } : {};
  paths[path][method] = item[method];
}

// Walk every $ref reachable from the kept paths, dropping examples on the way.
const kept = {};
function strip(node, parentKey) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // "properties" maps field names to schemas: a field may well be called "example"
    if (parentKey !== "properties" && (key === "examples" || key === "example")) continue;
    if (key === "$ref" && typeof value === "string") visit(value);
    out[key] = strip(value, key);
  }
  return out;
}
function visit(ref) {
  const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
  if (!match) throw new Error(`unexpected $ref ${ref}`);
  const [, kind, name] = match;
  kept[kind] ??= {};
  if (kept[kind][name] !== undefined) return;
  kept[kind][name] = null; // mark before descending: schemas are recursive
  kept[kind][name] = strip(spec.components[kind][name]);
}
const keptPaths = strip(paths);

const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
const components = {};
for (const kind of Object.keys(kept).sort()) components[kind] = sorted(kept[kind]);

const subset = {
  openapi: spec.openapi,
  info: {
    ...spec.info,
    "x-aegis-subset": `Trimmed by testkit/scripts/trim-openapi.mjs from ${pkg.name}@${pkg.version} ` +
      `(generated/api.github.com.json): ${OPERATIONS.length} operations, examples removed.`,
  },
  servers: spec.servers,
  paths: keptPaths,
  components,
};

const out = join(here, "..", "src", "main", "resources", "dev", "aegis", "testkit", "github", "api.github.com.subset.json");
writeFileSync(out, JSON.stringify(subset, null, 1) + "\n");
const count = Object.values(components).reduce((n, group) => n + Object.keys(group).length, 0);
console.log(`wrote ${out}: ${OPERATIONS.length} operations, ${count} components`);
