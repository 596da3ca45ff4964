/** The published version of @recon/razorpay. */
export const VERSION = '0.0.0';
