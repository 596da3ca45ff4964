/** The published version of @recon/formats. */
export const VERSION = '0.1.0';
