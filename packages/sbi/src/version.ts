/** The published version of @recon/sbi. */
export const VERSION = '0.1.0';
