import { connect, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';

/** TLS material for the sandbox's front door. */
export interface SandboxTlsOptions {
  /** Server certificate and key (PEM); the certificate should name 127.0.0.1. */
  cert: string;
  key: string;
  /** CA (PEM) that client certificates must chain to. */
  ca: string;
  /** Demand a client certificate signed by `ca` (mutual TLS). Default true. */
  requireClientCert?: boolean;
}

/** A running TLS terminator. */
export interface TlsFront {
  url: string;
  close(): Promise<void>;
}

/**
 * Terminate (mutual) TLS on 127.0.0.1 and pipe the plaintext bytes to the HTTP sandbox at
 * `targetPort`. The sandbox kit serves plain HTTP; this puts HDFC's mutual-TLS gateway in front of
 * it without touching the kit: a handshake without an acceptable client certificate never reaches it.
 */
export async function startTlsFront(targetPort: number, tls: SandboxTlsOptions): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const server = createServer({ cert: tls.cert, key: tls.key, ca: tls.ca, requestCert: tls.requireClientCert ?? true, rejectUnauthorized: tls.requireClientCert ?? true }, (secure: TLSSocket) => {
    const plain = connect(targetPort, '127.0.0.1');
    sockets.add(secure);
    sockets.add(plain);
    const drop = () => {
      secure.destroy();
      plain.destroy();
    };
    secure.on('error', drop).on('close', () => {
      sockets.delete(secure);
      plain.end();
    });
    plain.on('error', drop).on('close', () => {
      sockets.delete(plain);
      secure.end();
    });
    secure.pipe(plain).pipe(secure);
  });
  // Failed handshakes (no or wrong client certificate) are the point of the exercise, not errors.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `https://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
