/** What start-up hands every adapter factory besides its own config. */
export interface ProviderDeps {
  /** Current time; tests pin it to check expiries. */
  now?: () => number;
}
