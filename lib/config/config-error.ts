/**
 * Start-up configuration is wrong. The message names the variable and says how to fix it;
 * it is meant to be printed as is, and never contains a secret value.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
