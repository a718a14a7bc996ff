// nginx in front of local app instances, for the multi-instance tests and the benchmark. It
// runs deploy/nginx.conf itself, rewritten only where a test must differ (the upstream
// addresses and the listen port), inside a main configuration of its own: pid file, logs and
// temp directories in a fresh directory, so it needs no root and leaves nothing behind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SITE_CONF = fileURLToPath(new URL("../../deploy/nginx.conf", import.meta.url));

export function nginxBinary(): string | null {
  for (const candidate of [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() || null : null;
}

/** deploy/nginx.conf with these instances and this listen address. */
export function siteConfig(upstreamPorts: number[], listenPort: number, source = readFileSync(SITE_CONF, "utf8")): string {
  const upstream = /upstream signet \{[\s\S]*?\n\}/.exec(source);
  if (!upstream) throw new Error("deploy/nginx.conf has no `upstream signet { … }` block");
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/m;
  const first = serverLine.exec(upstream[0]);
  if (!first) throw new Error("deploy/nginx.conf's upstream has no `server 127.0.0.1:PORT …;` line");
  const [, indent, params = ""] = first;
  const servers = upstreamPorts.map((port) => `${indent}server 127.0.0.1:${port}${params};`).join("\n");
  const block = upstream[0].replace(new RegExp(`(${serverLine.source}\\n?)+`, "m"), `${servers}\n`);
  const site = source.replace(upstream[0], block);
  if (!/^\s*listen 80;$/m.test(site)) throw new Error("deploy/nginx.conf has no `listen 80;` line");
  return site.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
}

export interface NginxProxy {
  port: number;
  baseUrl: string;
  dir: string;
  /** The access log so far (one line per request: status and upstream). */
  accessLog(): string;
  errorLog(): string;
  stop(): Promise<void>;
}

export async function startNginx(options: { upstreamPorts: number[]; port: number; accessLog?: boolean }): Promise<NginxProxy> {
  const binary = nginxBinary();
  if (!binary) throw new Error("nginx is not installed: apt-get install nginx (scripts/lib/ensure-test-deps.sh does it for `npm test`)");
  const dir = mkdtempSync(join(tmpdir(), "signet-nginx-"));
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, sub));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The master runs as root, its worker as nobody: the worker writes request bodies here.
    chmodSync(dir, 0o755);
    for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) chmodSync(join(dir, sub), 0o777);
  }
  writeFileSync(join(dir, "signet.conf"), siteConfig(options.upstreamPorts, options.port));
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "daemon off;",
      "master_process on;",
      "worker_processes 1;",
      ...(asRoot ? ["user nobody nogroup;"] : []),
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 4096; }",
      "http {",
      `  client_body_temp_path ${dir}/client_body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  log_format signet '$status $request_method $uri upstream=$upstream_addr upstream_status=$upstream_status';`,
      options.accessLog === false ? "  access_log off;" : `  access_log ${dir}/access.log signet;`,
      `  include ${dir}/signet.conf;`,
      "}",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : "");

  const deadline = Date.now() + 10_000;
  while (!(await listening(options.port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const why = `${stderr}${read("error.log")}`.trim();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start: ${why || `exit ${child.exitCode}`}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port: options.port,
    baseUrl: `http://127.0.0.1:${options.port}`,
    dir,
    accessLog: () => read("access.log"),
    errorLog: () => read("error.log"),
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT"); // graceful: finishes open requests
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
