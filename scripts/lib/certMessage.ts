/**
 * What `npm start` says when office-addin-dev-certs created the localhost certificate but could
 * not make the machine trust it (it prints "Error: Unable to install the CA certificate… sudo: not
 * found" and still exits 0): one line that says what it means and what to do.
 */
import { join } from "node:path";

/** True when the tool's output reports that trusting the CA failed. */
export function trustFailed(output: string): boolean {
  return /Unable to install the CA certificate|sudo: not found|certutil.*(fail|error)|security: .*(fail|error)/i.test(
    output,
  );
}

/** The single line printed instead of the tool's error (Vietnamese, then English). */
export function certTrustLine(certDir: string): string {
  const ca = join(certDir, "ca.crt");
  return (
    `Chứng chỉ HTTPS cho localhost đã được tạo nhưng máy chưa tin cậy nó (cần quyền quản trị): ` +
    `hãy tự thêm ${ca} vào mục chứng chỉ gốc tin cậy (Trusted Root) của hệ điều hành hoặc trình duyệt, ` +
    `nếu không Excel sẽ không mở được bổ trợ. / The localhost certificate was created but is not trusted ` +
    `(admin rights needed): trust ${ca} by hand as a root CA, or Excel cannot load the add-in.`
  );
}
