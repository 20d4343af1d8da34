import { ConfigError } from '../../src/config';

/** The ConfigError `load` throws (the test fails when it throws none, or something else). */
export function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, the configuration loaded');
}
