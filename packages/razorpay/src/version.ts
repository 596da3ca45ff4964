/** The published version of @recon/razorpay. */
export const VERSION = '0.1.0';
