export { createRazorpayClient, itemsOf, type CallOptions, type RazorpayClient, type RazorpayClientOptions, type RazorpayPage } from './client';
export { classifyRazorpayResponse, enrichRazorpayError, parseRazorpayError, razorpayErrorCode } from './errors';
export { listQuery, reconQuery, type ListParams, type ReconParams } from './params';
export type * from './types';
