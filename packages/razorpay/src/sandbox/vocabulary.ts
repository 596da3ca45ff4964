/** Made-up but well-formed values the sandbox dataset draws from. */

/** 4-letter bank codes as Razorpay reports them for netbanking (`bank`) and card issuers. */
export const BANK_CODES = ['HDFC', 'ICIC', 'UTIB', 'SBIN', 'KKBK', 'YESB', 'PUNB'] as const;
export const WALLETS = ['payzapp', 'airtelmoney', 'mobikwik', 'freecharge'] as const;
export const UPI_HANDLES = ['okaxis', 'okhdfcbank', 'oksbi', 'ybl', 'paytm', 'ibl'] as const;
export const CARD_NETWORKS = ['Visa', 'MasterCard', 'RuPay', 'American Express'] as const;
export const FIRST_NAMES = ['aarav', 'diya', 'vihaan', 'ananya', 'arjun', 'isha', 'kabir', 'meera', 'rohan', 'saanvi', 'kiran', 'priya'] as const;
export const FAILURES = [
  { source: 'customer', step: 'payment_authentication', reason: 'payment_cancelled', description: 'Payment processing cancelled by user' },
  { source: 'bank', step: 'payment_authorization', reason: 'payment_failed', description: 'Payment failed due to an error at the bank' },
  { source: 'customer', step: 'payment_authentication', reason: 'incorrect_otp', description: 'Payment failed because the OTP entered was incorrect' },
] as const;
/** Razorpay ids: a prefix and 14 case-sensitive alphanumerics. */
export const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
