import { Channel, TransactionStatus, TransactionType } from '../../schema/transaction';

/** Small integer codes of the schema's enums, so filters and checks compare numbers, not strings. */
export const STATUS_NAMES = TransactionStatus.options;

const index = (names: readonly string[]): Readonly<Record<string, number>> => Object.fromEntries(names.map((n, k) => [n, k]));

/** Status → code (bit position in status masks). */
export const STATUS_CODE = index(STATUS_NAMES);
export const TYPE_CODE = index(TransactionType.options);
/** Channel → code; records without a channel get −1. */
export const CHANNEL_CODE = index(Channel.options);
