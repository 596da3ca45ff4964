/** The published version of @recon/hdfc. */
export const VERSION = '0.1.0';
