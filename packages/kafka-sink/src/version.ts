/** The published version of @recon/kafka-sink. */
export const VERSION = '0.1.0';
