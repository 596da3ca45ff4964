import { createFormatsParser } from './formats-parser';
import type { FileParser } from './types';

/**
 * The parser used when the config gives none: `@recon/formats` with format and encoding
 * detection and its defaults (CSV mapping `auto`, IST for date-only INR lines).
 */
export const defaultParser: FileParser = createFormatsParser();
