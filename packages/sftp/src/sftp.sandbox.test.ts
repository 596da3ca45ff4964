import { describeSftpSuite } from './testing/sftp-suite.test-helper';
import { startSandboxTestServer } from './testing/test-servers.test-helper';

// The shared suite against the in-process sandbox (ssh2's Server): runs everywhere, no install.
describeSftpSuite('the in-process sandbox', startSandboxTestServer);
