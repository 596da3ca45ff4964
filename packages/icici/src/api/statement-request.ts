import { toIciciDate } from '../mapping/ist-dates';

/** Who is asking, as registered with ICICI. */
export interface StatementIdentity {
  corpId: string;
  userId: string;
  aggrId: string;
  urn: string;
  accountNumber: string;
}

/** One page to ask for: IST days (inclusive) and the previous page's token, if any. */
export interface StatementPageRequest {
  fromDay: string;
  toDay: string;
  lastTrId: string | null;
}

/** The plain (pre-encryption) body of an `AccountStatements` call. */
export interface StatementRequestBody {
  CORPID: string;
  USERID: string;
  AGGRID: string;
  URN: string;
  ACCOUNTNO: string;
  FROMDATE: string;
  TODATE: string;
  CONFLG: 'N' | 'Y';
  LASTTRID: string;
}

/**
 * Build the statement request. `CONFLG` is `N` on a slice's first call and `Y` on continuations,
 * with the previous page's `LASTTRID` echoed verbatim. `AGGRNAME` is deliberately absent: the
 * sandbox answers `8017 Invalid request` when statement calls carry it.
 */
export function statementRequestBody(identity: StatementIdentity, page: StatementPageRequest): StatementRequestBody {
  return {
    CORPID: identity.corpId,
    USERID: identity.userId,
    AGGRID: identity.aggrId,
    URN: identity.urn,
    ACCOUNTNO: identity.accountNumber,
    FROMDATE: toIciciDate(page.fromDay),
    TODATE: toIciciDate(page.toDay),
    CONFLG: page.lastTrId === null ? 'N' : 'Y',
    LASTTRID: page.lastTrId ?? '',
  };
}
