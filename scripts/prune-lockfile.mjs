// Removes, from package-lock.json, optional dependencies that the registry in use could not resolve
// (platform binaries for other operating systems, on a mirror that serves only this platform's).
// Without this, `npm ci` rejects the lock file as out of sync. Run it after `npm install` on such a mirror.
import fs from "node:fs";

const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const present = new Set(Object.keys(lock.packages));
let removed = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    // resolution: nested first, then hoisted
    const nested = `${path ? path + "/" : ""}node_modules/${name}`;
    if (!present.has(nested) && !present.has(`node_modules/${name}`)) {
      delete entry.optionalDependencies[name];
      removed++;
    }
  }
  if (!Object.keys(entry.optionalDependencies).length) delete entry.optionalDependencies;
}
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log("removed", removed);
