import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorCommonConfig } from '../../src/config/config.types';
import type { ProviderName } from '../../src/domain/provider-name';
import { startEmulator, type Emulator, type EmulatorResponse } from '../../src/sandbox/emulator';
import { sandboxCommon } from '../../src/sandbox/vendor-sandbox';

/** One documented body in test/fixtures/<vendor>/, as its `fixtures.json` describes it. */
export interface Fixture {
  name: string;
  /** The HTTP status the vendor documents this body with. */
  status: number;
  endpoint: string;
  /** Where the body is documented (a page, or a repository path at a commit). */
  source: string;
  /** The fixture this one varies, and what it changes. */
  variantOf?: string;
  varies?: string;
  body: unknown;
}

/**
 * Every fixture of a vendor. Each body file must be described in `fixtures.json` with its
 * source, and each description must have its file: a fixture without a named source, or a
 * source without its fixture, fails here.
 */
export function loadFixtures(vendor: ProviderName): Map<string, Fixture> {
  const dir = join(__dirname, '..', 'fixtures', vendor);
  const index = JSON.parse(readFileSync(join(dir, 'fixtures.json'), 'utf8')) as Record<string, Omit<Fixture, 'name' | 'body'>>;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'fixtures.json')
    .sort();
  if (files.join() !== Object.keys(index).sort().join())
    throw new Error(`test/fixtures/${vendor}: fixtures.json and the body files differ`);
  return new Map(
    files.map((name) => {
      const meta = index[name];
      if (!meta.source || !meta.endpoint || !Number.isInteger(meta.status))
        throw new Error(`test/fixtures/${vendor}/${name}: no source, endpoint or status`);
      return [name, { ...meta, name, body: JSON.parse(readFileSync(join(dir, name), 'utf8')) }];
    }),
  );
}

/**
 * A node:http server that answers every GET with the fixture it was last told to serve,
 * so an adapter reads a documented body over real HTTP through its own client, schema
 * and mapper. Retries are off: an error fixture is answered once.
 */
export async function startFixtureVendor(
  vendor: ProviderName,
): Promise<{ emulator: Emulator; serve(fixture: Fixture): void; common: (path: string) => VendorCommonConfig }> {
  let answer: EmulatorResponse = { status: 500, body: { error: 'no fixture served' } };
  const emulator = await startEmulator({
    vendor,
    authorize: () => null,
    notFound: () => answer,
    routes: [{ name: 'fixture', method: 'GET', pattern: /^\//, handle: () => answer }],
  });
  return {
    emulator,
    serve(fixture) {
      answer = { status: fixture.status, body: fixture.body };
    },
    common(path) {
      const common = sandboxCommon(vendor, `${emulator.url}${path}`);
      return { ...common, resilience: { ...common.resilience, maxRetries: 0 } };
    },
  };
}

/** Every fixture name the contract test covers, so a fixture added without a case fails. */
export function expectEveryFixtureCovered(fixtures: Map<string, Fixture>, covered: Iterable<string>): void {
  expect([...new Set(covered)].sort()).toEqual([...fixtures.keys()].sort());
}
