/** The published version of @recon/sftp. */
export const VERSION = '0.1.0';
