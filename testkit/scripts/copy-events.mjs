// Copies real webhook payloads from @octokit/webhooks-examples into the testkit's event fixtures, one file per
// example: <event>.<action>.<n>.json (n counts from 1 in upstream order). There is no upstream schedule example:
// schedule.1.json is constructed from GitHub's documentation of the event (a "schedule" cron string and the
// workflow path) around the real repository/organization/sender objects of the first workflow_dispatch example.
//
// Usage (from the repository root):
//   npm install --prefix /tmp/peers @octokit/webhooks-examples
//   node testkit/scripts/copy-events.mjs [/tmp/peers/node_modules/@octokit/webhooks-examples]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const WANTED = [
  ["issues", "opened"],
  ["issues", "labeled"],
  ["issues", "edited"],
  ["issue_comment", "created"],
  ["workflow_dispatch", undefined],
];

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = process.argv[2] ?? "/tmp/peers/node_modules/@octokit/webhooks-examples";
const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const events = JSON.parse(readFileSync(join(packageDir, "api.github.com", "index.json"), "utf8"));
const outDir = join(here, "..", "src", "main", "resources", "dev", "aegis", "testkit", "events");

for (const [name, action] of WANTED) {
  const event = events.find((e) => e.name === name);
  if (!event) throw new Error(`no ${name} examples in ${pkg.name}@${pkg.version}`);
  const examples = event.examples.filter((example) => example.action === action);
  if (examples.length === 0) throw new Error(`no ${name}.${action} examples`);
  examples.forEach((example, i) => {
    const file = `${action ? `${name}.${action}` : name}.${i + 1}.json`;
    writeFileSync(join(outDir, file), JSON.stringify(example, null, 2) + "\n");
    console.log(`${file} <- ${pkg.name}@${pkg.version} api.github.com/index.json ${name} example`);
  });
}

// GitHub documents the schedule payload as the cron expression that triggered the run ("schedule") plus the
// usual repository, organization and sender objects, and the workflow file path.
const dispatch = events.find((e) => e.name === "workflow_dispatch").examples[0];
const schedule = {
  schedule: "*/10 * * * *",
  workflow: dispatch.workflow,
  repository: dispatch.repository,
  organization: dispatch.organization,
  sender: dispatch.sender,
};
writeFileSync(join(outDir, "schedule.1.json"), JSON.stringify(schedule, null, 2) + "\n");
console.log("schedule.1.json <- constructed (no upstream example), objects from workflow_dispatch example 1");
