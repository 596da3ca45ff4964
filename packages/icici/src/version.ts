/** The published version of @recon/icici. */
export const VERSION = '0.1.0';
