/** The published version of @recon/core. */
export const VERSION = '0.0.0';
