import { describe, expect, it } from "vitest";
import { clientIp, clientLimitKey, NO_TRUSTED_PROXIES, normalizeIp, parseTrustedProxies, type TrustedProxies } from "./client-ip";

const headers = (h: Record<string, string>) => new Headers(h);

function trusted(list: string): TrustedProxies {
  const parsed = parseTrustedProxies(list);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed;
}

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDR ranges of both families", () => {
    const t = trusted("127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8");
    expect(["127.0.0.1", "10.1.2.3", "::1", "fd12::5"].map(t.has)).toEqual([true, true, true, true]);
    expect(["127.0.0.2", "11.0.0.1", "::2", "fe80::1"].map(t.has)).toEqual([false, false, false, false]);
  });

  it("names what is wrong", () => {
    expect(parseTrustedProxies("10.0.0.0/33")).toEqual({ problem: expect.stringContaining("prefix length") });
    expect(parseTrustedProxies("nginx")).toEqual({ problem: expect.stringContaining('"nginx"') });
    expect(parseTrustedProxies("10.0.0.0/8/1")).toEqual({ problem: expect.stringContaining("not an IP") });
  });
});

describe("clientIp", () => {
  const proxy = trusted("127.0.0.1,10.0.0.0/8");

  it("is the socket's address when the peer is not a trusted proxy, whatever the headers say", () => {
    expect(clientIp("203.0.113.9", headers({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" }), proxy)).toBe("203.0.113.9");
    expect(clientIp("127.0.0.1", headers({ "x-forwarded-for": "1.1.1.1" }), NO_TRUSTED_PROXIES)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the rightmost address that is not a proxy", () => {
    expect(clientIp("127.0.0.1", headers({ "x-forwarded-for": "198.51.100.7" }), proxy)).toBe("198.51.100.7");
    // The client forged the first entry; our proxies appended the last two.
    expect(clientIp("::ffff:127.0.0.1", headers({ "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.0.0.5" }), proxy)).toBe("198.51.100.7");
  });

  it("never takes garbage a client wrote into the header as its address", () => {
    expect(clientIp("127.0.0.1", headers({ "x-forwarded-for": "not-an-ip, 10.0.0.5" }), proxy)).toBe("10.0.0.5");
    expect(clientIp("127.0.0.1", headers({ "x-forwarded-for": "198.51.100.7, <script>" }), proxy)).toBe("127.0.0.1");
  });

  it("falls back to X-Real-IP, then to the proxy itself", () => {
    expect(clientIp("127.0.0.1", headers({ "x-real-ip": "198.51.100.8" }), proxy)).toBe("198.51.100.8");
    expect(clientIp("127.0.0.1", headers({}), proxy)).toBe("127.0.0.1");
  });
});

describe("clientLimitKey", () => {
  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(clientLimitKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientLimitKey(normalizeIp("2001:DB8:0:42::1"))).toBe("2001:db8:0:42::/64");
    expect(clientLimitKey("2001:db8:0:42:ffff:1:2:3")).toBe("2001:db8:0:42::/64");
    expect(clientLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(clientLimitKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(clientLimitKey(null)).toBe("unknown");
  });
});
