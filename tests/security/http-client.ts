// A browser-less client for the running app: a cookie jar, Auth.js credentials sign-in
// (GET /api/auth/csrf, then POST /api/auth/callback/credentials), and manual redirects so a
// test sees each 3xx itself.

export class CookieJar {
  private cookies = new Map<string, string>();
  /** Raw Set-Cookie lines, for attribute checks. */
  readonly setCookies: string[] = [];

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Another jar holding the same cookies now (a copy someone kept, e.g. a stolen cookie). */
  copy(): CookieJar {
    const other = new CookieJar();
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  has(name: RegExp): boolean {
    return [...this.cookies.keys()].some((k) => name.test(k));
  }
}

export interface Fetched {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export async function get(baseUrl: string, path: string, jar?: CookieJar, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: { ...(jar ? { cookie: jar.header() } : {}), ...headers } });
  jar?.store(response);
  return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("location") };
}

/** Signs in through Auth.js's own endpoints; returns the POST's answer (a redirect either way). */
export async function signInWithCredentials(baseUrl: string, jar: CookieJar, email: string, password: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header(), ...headers } });
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), ...headers },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  jar.store(response);
  return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("location") };
}
