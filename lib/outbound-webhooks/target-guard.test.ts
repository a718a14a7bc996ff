import { describe, expect, it } from "vitest";
import { refusedAddress, refusedUrl } from "./target-guard";

describe("SSRF guard", () => {
  it.each([
    "127.0.0.1",
    "127.1.2.3",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:8.8.8.8",
    "224.0.0.1",
    // IPv6 forms that can carry an IPv4 address on some networks (NAT64, 6to4, Teredo,
    // IPv4-compatible and -translated) and the old site-local range.
    "64:ff9b:1::a00:1",
    "2002:7f00:1::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "::7f00:1",
    "::127.0.0.1",
    "::ffff:0:7f00:1",
    "fec0::1",
  ])("refuses %s", (address) => {
    expect(refusedAddress(address)).not.toBeNull();
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.216.34"])("allows %s", (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  it("refuses other schemes and private literals in URLs unless private targets are allowed", () => {
    expect(refusedUrl(new URL("ftp://example.com/x"), false)).toMatch(/http and https/);
    expect(refusedUrl(new URL("ftp://example.com/x"), true)).toMatch(/http and https/);
    expect(refusedUrl(new URL("http://127.0.0.1:8080/"), false)).not.toBeNull();
    expect(refusedUrl(new URL("http://[::1]:8080/"), false)).not.toBeNull();
    expect(refusedUrl(new URL("http://localhost:8080/"), false)).not.toBeNull();
    expect(refusedUrl(new URL("http://127.0.0.1:8080/"), true)).toBeNull();
    expect(refusedUrl(new URL("https://hooks.example.com/signet"), false)).toBeNull();
  });
});
