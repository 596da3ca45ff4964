import { describe, it } from 'vitest';
import { describeSftpSuite } from './testing/sftp-suite.test-helper';
import { opensshAvailability, startOpensshTestServer } from './testing/test-servers.test-helper';

// The shared suite against a real OpenSSH sshd started by scripts/sshd (127.0.0.1, free port,
// generated host and user keys). Without sshd: a loud skip, or with CI=true a failure (the
// availability check throws at collection).
const availability = opensshAvailability();
if (availability.available) {
  describeSftpSuite('a real OpenSSH sshd', startOpensshTestServer);
} else {
  describe.skip(`@recon/sftp against a real OpenSSH sshd (skipped: ${availability.reason})`, () => {
    it('needs sshd: bash scripts/bootstrap-test-deps.sh', () => undefined);
  });
}
