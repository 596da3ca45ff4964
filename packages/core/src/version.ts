/** The published version of @recon/core. */
export const VERSION = '0.1.0';
