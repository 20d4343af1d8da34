import { configVariables, loadConfigFor, type ConfigVariable, type EnvValues } from './config';
import { VENDORS, type AppConfig } from './providers/vendors';

export type { AppConfig, ProvidersConfig } from './providers/vendors';

/** Reads the configuration (src/config) for the VENDORS list; `env` is process.env unless given. */
export function loadConfig(env?: EnvValues, stdoutIsTty?: boolean): AppConfig {
  return loadConfigFor(VENDORS, env, stdoutIsTty);
}

/** Every variable the server reads: its own and each vendor's (docs/configuration.md lists them). */
export const CONFIG_VARIABLES: ConfigVariable[] = configVariables(VENDORS);
