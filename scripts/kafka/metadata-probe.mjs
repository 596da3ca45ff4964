// A Kafka Metadata request (v1) over a raw socket: the readiness check of the test broker.
// A TCP connect is not enough (the socket accepts before request processing is enabled); a
// Metadata answer listing at least one broker means the broker serves clients. Written against
// the wire format directly so the broker scripts need no npm dependency.
import { connect } from 'node:net';

const METADATA = 3;
const VERSION = 1;
const CLIENT_ID = 'recon-probe';

function request(correlationId) {
  const client = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length + 4);
  let at = 0;
  at = body.writeInt16BE(METADATA, at);
  at = body.writeInt16BE(VERSION, at);
  at = body.writeInt32BE(correlationId, at);
  at = body.writeInt16BE(client.length, at);
  at += client.copy(body, at);
  body.writeInt32BE(0, at); // topics: empty array = no topic metadata, brokers only
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

/** Parses a Metadata v1 response body (after the size prefix) into its broker list. */
function parseBrokers(frame, correlationId) {
  let at = 0;
  const got = frame.readInt32BE(at);
  at += 4;
  if (got !== correlationId) throw new Error(`correlation id ${got}, expected ${correlationId}`);
  const count = frame.readInt32BE(at);
  at += 4;
  const brokers = [];
  for (let i = 0; i < count; i++) {
    const nodeId = frame.readInt32BE(at);
    at += 4;
    const hostLength = frame.readInt16BE(at);
    at += 2;
    const host = frame.toString('utf8', at, at + hostLength);
    at += hostLength;
    const port = frame.readInt32BE(at);
    at += 4;
    const rackLength = frame.readInt16BE(at);
    at += 2 + Math.max(rackLength, 0);
    brokers.push({ nodeId, host, port });
  }
  return brokers;
}

/**
 * Sends one Metadata request to host:port and resolves with the brokers it lists; rejects on
 * connection error, malformed answer or after `timeoutMs`.
 * @param {string} host
 * @param {number} port
 * @param {number} [timeoutMs]
 * @returns {Promise<Array<{ nodeId: number, host: string, port: number }>>}
 */
export function probeMetadata(host, port, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const correlationId = 1 + Math.floor(Math.random() * 1_000_000);
    const socket = connect({ host, port });
    let received = Buffer.alloc(0);
    const done = (error, value) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => done(new Error(`no Metadata answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.once('error', (error) => done(error));
    socket.once('connect', () => socket.write(request(correlationId)));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length < 4 + size) return;
      try {
        done(undefined, parseBrokers(received.subarray(4, 4 + size), correlationId));
      } catch (error) {
        done(error);
      }
    });
    socket.once('end', () => done(new Error(`connection to ${host}:${port} closed before a Metadata answer`)));
  });
}
