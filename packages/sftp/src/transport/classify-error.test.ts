import { describe, expect, it } from 'vitest';
import { AuthError, isReconError } from '@recon/core';
import { classifyFailure, toSftpError } from './classify-error';

const error = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);
const context = { operation: 'download', server: 'h:22', path: '/outbox/a.sta', scrub: (t: string) => t.replaceAll('hunter22', '[REDACTED]') };

describe('classifyFailure', () => {
  it('reads ssh2 levels, SFTP status codes, socket codes and the messages ssh2-sftp-client keeps', () => {
    expect(classifyFailure(error('All configured authentication methods failed', { level: 'client-authentication' }))).toBe('auth');
    expect(classifyFailure(error('getConnection: All configured authentication methods failed'))).toBe('auth');
    expect(classifyFailure(error('Permission denied /outbox/a.sta', { code: 3 }))).toBe('permission');
    expect(classifyFailure(error('No such file /outbox/a.sta', { code: 2 }))).toBe('not-found');
    expect(classifyFailure(error('Timed out while waiting for handshake', { level: 'client-timeout' }))).toBe('timeout');
    expect(classifyFailure(error('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }))).toBe('network');
    expect(classifyFailure(error('No response from server'))).toBe('network');
    expect(classifyFailure(error('get: No SFTP connection available', { code: 'ERR_NOT_CONNECTED' }))).toBe('network');
    expect(classifyFailure(error('Failure', { code: 4 }))).toBe('failure');
    expect(classifyFailure('a string')).toBe('failure');
  });
});

describe('toSftpError', () => {
  it('maps to classified ReconErrors with SFTP_* codes and scrubbed messages', () => {
    const network = toSftpError(error('read ECONNRESET while sending hunter22', { code: 'ECONNRESET' }), context);
    expect(network).toMatchObject({ code: 'SFTP_CONNECTION_LOST', kind: 'network', retryable: true, details: { operation: 'download', server: 'h:22', path: '/outbox/a.sta' } });
    expect(network.message).not.toContain('hunter22');
    expect(String((network.cause as Error).message)).not.toContain('hunter22');
    expect(toSftpError(error('x', { code: 'ECONNREFUSED' }), { ...context, operation: 'connect' }).code).toBe('SFTP_CONNECT_FAILED');
    expect(toSftpError(error('x', { code: 3 }), context)).toMatchObject({ code: 'SFTP_PERMISSION_DENIED', kind: 'upstream', retryable: false });
    expect(toSftpError(error('x', { code: 2 }), context)).toMatchObject({ code: 'SFTP_NOT_FOUND', retryable: false });
    expect(toSftpError(error('Timed out', { level: 'client-timeout' }), context)).toMatchObject({ code: 'SFTP_TIMEOUT', kind: 'timeout', retryable: true });
    expect(toSftpError(error('x', { level: 'client-authentication' }), context)).toBeInstanceOf(AuthError);
    expect(toSftpError(error('Failure', { code: 4 }), context)).toMatchObject({ code: 'SFTP_FAILURE', kind: 'upstream', retryable: false });
    const passThrough = new AuthError('already classified');
    expect(toSftpError(passThrough, context)).toBe(passThrough);
    expect(isReconError(toSftpError(undefined, context))).toBe(true);
  });
});
