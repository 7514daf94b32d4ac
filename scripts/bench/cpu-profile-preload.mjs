// Preloaded into the server by `npm run bench:profile` (scripts/bench/profile.ts) through
// NODE_OPTIONS="--import …": the first SIGUSR2 starts V8's CPU profiler (a sample every 200 µs),
// the second stops it and writes the profile to $TSUNAGU_PROFILE_DIR/<pid>.cpuprofile (open it in
// Chrome DevTools' Performance panel, or let profile.ts summarise it). Never loaded by `npm start`.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const session = new inspector.Session();
session.connect();
let running = false;
process.on("SIGUSR2", () => {
  if (!running) {
    running = true;
    session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start")));
    return;
  }
  running = false;
  session.post("Profiler.stop", (error, result) => {
    if (error) return console.error(error);
    const dir = process.env.TSUNAGU_PROFILE_DIR || ".";
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${process.pid}.cpuprofile`);
    fs.writeFileSync(`${file}.partial`, JSON.stringify(result.profile));
    fs.renameSync(`${file}.partial`, file);
  });
});
