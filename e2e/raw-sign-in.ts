import { request as httpRequest } from "node:http";

export type RawSignInOutcome = "signed-in" | "wrong" | "throttled";

interface RawResponse {
  status: number;
  body: string;
  setCookies: string[];
}

/** One HTTP exchange from a chosen local address (127.0.0.2, …), so the server sees a different client. */
function exchange(url: string, options: { method: string; localAddress: string; headers: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method, localAddress: options.localAddress, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), setCookies: response.headers["set-cookie"] ?? [] }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

/**
 * Signs in through next-auth's credentials endpoint as a script would, from `localAddress`,
 * optionally sending an X-Forwarded-For header of the caller's choice.
 */
export async function rawSignIn(
  base: string,
  credentials: { email: string; password: string },
  options: { localAddress: string; forwardedFor?: string; headers?: Record<string, string> },
): Promise<RawSignInOutcome> {
  const extra: Record<string, string> = { ...options.headers, ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}) };
  const csrf = await exchange(`${base}/api/auth/csrf`, { method: "GET", localAddress: options.localAddress, headers: extra });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((value) => value.split(";")[0]).join("; ");
  const body = new URLSearchParams({ csrfToken, email: credentials.email, password: credentials.password, json: "true", callbackUrl: `${base}/` }).toString();
  const response = await exchange(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress: options.localAddress,
    headers: { ...extra, cookie, "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) },
    body,
  });
  const { url } = JSON.parse(response.body) as { url: string };
  const error = new URL(url, base).searchParams.get("error");
  if (!error) return "signed-in";
  if (error === "CredentialsSignin") return "wrong";
  if (error === "TooManyFailedSignIns") return "throttled";
  throw new Error(`unexpected sign-in answer: ${url}`);
}
