export * from './recon-error';
export * from './redact';
