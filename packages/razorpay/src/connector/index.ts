export { razorpay, boundToUnix } from './razorpay-connector';
export { RazorpayConfig, RAZORPAY_STREAMS, type RazorpayStream, type ResolvedRazorpayConfig } from './config';
export { parseCursor, emptyCursor, type RazorpayCursor, type CreatedAtStreamState, type ReconStreamState } from './cursor';
export { revisionOf } from './revision';
