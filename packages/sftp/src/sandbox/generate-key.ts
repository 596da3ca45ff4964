import ssh2 from 'ssh2';

/**
 * An ed25519 key pair in OpenSSH format, checked by parsing it back. ssh2's generator drops a
 * leading zero byte of the public key about once in 256 keys and writes a key it cannot read
 * itself ("Malformed OpenSSH private key"); such a key is simply generated again.
 */
export function generateEd25519KeyPair(options?: { passphrase: string }): { private: string; public: string } {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pair = options ? ssh2.utils.generateKeyPairSync('ed25519', { passphrase: options.passphrase, cipher: 'aes256-ctr', rounds: 16 }) : ssh2.utils.generateKeyPairSync('ed25519');
    const parsed = ssh2.utils.parseKey(pair.private, options?.passphrase);
    if (!(parsed instanceof Error) && !(ssh2.utils.parseKey(pair.public) instanceof Error)) return pair;
  }
  throw new Error('could not generate a readable ed25519 key');
}
