export * from './config.types';
export { ConfigError } from './config-error';
export { loadConfig } from './load-config';
export { CONFIG_VARIABLES } from './variables';
export { VENDOR_DEFAULTS, SIGNALWIRE_API_PATH } from './vendor-defaults';
