/** `npm start`: the certificate-trust failure becomes one line saying what it means and what to do. */
import { certTrustLine, trustFailed } from "../../scripts/lib/certMessage";

describe("npm start certificate message", () => {
  test.each([
    [
      "Error: Unable to install the CA certificate. Error: Command failed: sudo ...\n/bin/sh: 1: sudo: not found",
      true,
    ],
    ["/bin/sh: 1: sudo: not found", true],
    ["You already have trusted access to https://localhost.", false],
    ["The developer certificates have been generated in /root/.office-addin-dev-certs", false],
  ])("trustFailed(%j) = %s", (out, expected) => {
    expect(trustFailed(out)).toBe(expected);
  });

  test("one line, names ca.crt and what to do, in Vietnamese then English", () => {
    const line = certTrustLine("/home/an/.office-addin-dev-certs");
    expect(line).not.toContain("\n");
    expect(line).toContain("/home/an/.office-addin-dev-certs/ca.crt");
    expect(line).toMatch(/^Chứng chỉ HTTPS cho localhost đã được tạo nhưng máy chưa tin cậy/);
    expect(line).toContain("trust /home/an/.office-addin-dev-certs/ca.crt by hand");
    expect(line).not.toMatch(/sudo/);
  });
});
