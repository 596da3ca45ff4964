/** The published version of @recon/icici. */
export const VERSION = '0.0.0';
