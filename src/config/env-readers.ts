import type { ConfigProblem } from './config-error';
import type { RateLimitSetting } from './rate-limits';

/** The environment as loadConfigFor is given it (process.env, or a test's object). */
export type EnvValues = Record<string, string | undefined>;

/**
 * The environment being read, and every problem found so far: a reader that finds a bad
 * value records it and carries on with the default, so one start reports every variable
 * to fix (loadConfigFor throws them together at the end).
 */
export interface Env {
  values: EnvValues;
  problems: ConfigProblem[];
}

/** Records a problem; the caller carries on with a fallback. */
export function problem(env: Env, variable: string, message: string): void {
  env.problems.push({ variable, message });
}

/** A set, non-blank variable, trimmed; undefined otherwise. */
export function str(env: Env, name: string): string | undefined {
  const value = env.values[name]?.trim();
  return value ? value : undefined;
}

/** A whole number from min to max, or the fallback when unset (or wrong: the problem is recorded). */
export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problem(env, name, `must be a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

/** An http(s) base URL; '' when it is missing or unusable (the problem is recorded). */
export function httpUrl(env: Env, name: string, fallback: string | null): string {
  const raw = str(env, name) ?? fallback;
  const refuse = (message: string): string => (problem(env, name, message), '');
  if (!raw) return refuse('is required.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('must be an absolute http(s) URL.');
  if (url.username || url.password) return refuse('must not carry credentials; use the credential variables.');
  if (url.search || url.hash) return refuse('must not have a query or fragment.');
  return url.toString().replace(/\/+$/, '');
}

/**
 * A vendor is enabled when any of its credential variables is set; then all of them
 * must be, so a half-configured vendor refuses to start instead of failing per request.
 */
export function credentials<K extends string>(env: Env, names: Record<K, string>): Record<K, string> | undefined {
  const entries = Object.entries(names) as Array<[K, string]>;
  const present = entries.filter(([, variable]) => str(env, variable) !== undefined);
  if (present.length === 0) return undefined;
  for (const [, variable] of entries.filter(([, v]) => str(env, v) === undefined)) {
    problem(env, variable, `is required because ${present.map(([, v]) => v).join(', ')} ${present.length === 1 ? 'is' : 'are'} set.`);
  }
  // Still enabled with the missing ones empty: it counts as configured (no sandbox), and
  // loadConfigFor refuses to start anyway.
  return Object.fromEntries(entries.map(([key, variable]) => [key, str(env, variable) ?? ''])) as Record<K, string>;
}

/** One of a few words, case-insensitive, or the fallback when unset (or wrong). */
export function choice<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = (str(env, name) ?? fallback).toLowerCase();
  if (!(allowed as readonly string[]).includes(raw)) {
    problem(
      env,
      name,
      `must be ${allowed.length > 2 ? `one of ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed.join(' or ')}.`,
    );
    return fallback;
  }
  return raw as T;
}

const RATE_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };

/** `<count>/<window>` (`20/1s`, `1200/300s`, `1000/1m`, `2/500ms`) or `off`. */
export function rateLimit(env: Env, name: string, fallback: RateLimitSetting | null): RateLimitSetting | null {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (raw.toLowerCase() === 'off') return null;
  const m = /^(\d{1,7})\/(\d{1,7})(ms|s|m)$/.exec(raw);
  const limit = m ? Number(m[1]) : 0;
  const windowMs = m ? Number(m[2]) * RATE_UNITS[m[3]] : 0;
  if (limit < 1 || windowMs < 1 || windowMs > 86_400_000) {
    problem(env, name, 'must be `off` or calls per window such as 20/1s, 1200/300s or 1000/1m (window at most a day).');
    return fallback;
  }
  return { limit, windowMs };
}
