export * from './config.types';
export { ConfigError } from './config-error';
export type { EnvValues } from './env-readers';
export { loadConfigFor, type ConfigsOf, type SharedVendorSettings, type VendorConfigReader, type WebhookConfigsOf } from './load-config';
export { configVariables, type ConfigVariable } from './variables';
