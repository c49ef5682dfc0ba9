/**
 * `npm start`: builds in development mode and serves the add-in on https://localhost:3000 with
 * office-addin-dev-certs certificates, then tells how to sideload it into Excel.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { certTrustLine, trustFailed } from "./lib/certMessage";

const root = resolve(__dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const certDir = join(homedir(), ".office-addin-dev-certs");

if (!existsSync(join(certDir, "localhost.crt"))) {
  console.log("Tạo chứng chỉ HTTPS cho localhost (office-addin-dev-certs)…");
  // Creates the files; registering trust needs admin rights and may fail: then one clear line.
  const r = spawnSync(bin("office-addin-dev-certs"), ["install"], { encoding: "utf8" });
  const output = `${r.stdout ?? ""}\n${r.stderr ?? ""}`;
  if (trustFailed(output) || r.status !== 0) console.warn(certTrustLine(certDir));
}
if (!existsSync(join(certDir, "localhost.crt"))) {
  console.error(
    "Không tạo được chứng chỉ localhost trong " + certDir + ". Chạy: npx office-addin-dev-certs install",
  );
  process.exit(1);
}

const server = spawn(bin("webpack"), ["serve", "--mode", "development"], { stdio: "inherit", cwd: root });
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));

setTimeout(() => {
  console.log(`
──────────────────────────────────────────────────────────────────────────────
 Add-in đang chạy / running at https://localhost:3000/taskpane.html
 Nạp thử vào Excel (sideload):
  • Excel trên web: Trang đầu > Bổ trợ (Add-ins) > Thêm bổ trợ khác > Tải lên bổ trợ của tôi
    (Upload My Add-in) > chọn ${join(root, "manifest.xml")}
  • Excel Windows/Mac: xem README, mục "Sideload" (thư mục chia sẻ manifest hoặc
    npx office-addin-debugging start manifest.xml desktop trên máy Windows/Mac).
  Tin cậy chứng chỉ: ${join(certDir, "ca.crt")} (trình duyệt/hệ điều hành phải tin CA này).
──────────────────────────────────────────────────────────────────────────────`);
}, 8000);
