import { Redis, type RedisOptions } from "ioredis";
import { TermbridgeError } from "../../model/index.js";
import { usageError } from "../errors.js";

/** The BullMQ queue the documents of every run go to; workers listen on it. */
export const DOC_QUEUE = "termbridge-docs";
/** The queue of the runs' parent jobs: a parent waits there for its documents (nobody processes it). */
export const RUN_QUEUE = "termbridge-runs";

/** Redis connection options from `--queue redis://[user:password@]host:port[/db]` (rediss:// for TLS). */
export function redisOptions(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw usageError(`--queue ${url} is not a URL`, "give the Redis server as redis://HOST:PORT");
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw usageError(`--queue ${url} is not a redis:// URL`, "give the Redis server as redis://HOST:PORT (rediss:// for TLS)");
  const db = u.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) throw usageError(`--queue ${url}: "${db}" is not a database number`, "give redis://HOST:PORT or redis://HOST:PORT/DB");
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    // BullMQ's blocking commands must wait as long as they need.
    maxRetriesPerRequest: null,
  };
}

/**
 * Checks that Redis answers before anything is queued: without this a wrong address would
 * leave the run retrying the connection forever, silently.
 */
export async function checkRedis(url: string, opts: RedisOptions, timeoutMs = 5000): Promise<void> {
  const probe = new Redis({ ...opts, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // The connection's own error (ECONNREFUSED, ENOTFOUND…) comes as an event; the promise only says "closed".
  let cause: NodeJS.ErrnoException | undefined;
  probe.on("error", (e: NodeJS.ErrnoException) => (cause ??= e));
  try {
    await probe.connect();
    const info = await probe.info("server");
    const version = /redis_version:(\d+)\.(\d+)/.exec(info);
    if (version && (Number(version[1]) < 5 || (Number(version[1]) === 5 && Number(version[2]) < 0))) {
      throw new TermbridgeError({ code: "queue-unreachable", message: `Redis at ${url} is version ${version[1]}.${version[2]}; BullMQ needs 5.0 or later`, file: "", hint: "upgrade Redis (Debian: apt-get install redis-server)" });
    }
  } catch (e) {
    if (e instanceof TermbridgeError) throw e;
    const err = cause ?? (e as NodeJS.ErrnoException);
    const why = err.code ?? err.message ?? String(e);
    throw new TermbridgeError({ code: "queue-unreachable", message: `cannot reach Redis at ${url} (${why})`, file: "", hint: "start it (redis-server --port PORT) or correct --queue redis://HOST:PORT" });
  } finally {
    probe.disconnect();
  }
}
