// Real certificates for the pinning tests: a venue CA and two leaves made by the
// server's own code (server/tls/venue-ca.ts), made once per test file.
import { generateKeyPairSync } from 'node:crypto';
import { createCa, issueLeaf, spkiPin } from '../../../server/tls/venue-ca';

export interface TestCertificates {
  caPem: string;
  leafPem: string;
  /** The pin of leafPem's key. */
  pin: string;
  /** A leaf for the same names under the same CA, with another key. */
  otherLeafPem: string;
  leafKeyPem: string;
}

let made: Promise<TestCertificates> | undefined;

const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

export function testCertificates(): Promise<TestCertificates> {
  made ??= (async () => {
    const ca = await createCa({ label: 'unit test' });
    const names = { dns: ['localhost', 'venue.test'], ips: ['127.0.0.1', '192.168.0.10'] };
    const leafKeyPem = ecKey();
    const leafPem = await issueLeaf({ caKeyPem: ca.keyPem, caCertPem: ca.certPem, leafKeyPem, names });
    const otherLeafPem = await issueLeaf({ caKeyPem: ca.keyPem, caCertPem: ca.certPem, leafKeyPem: ecKey(), names });
    return { caPem: ca.certPem, leafPem, pin: spkiPin(leafPem), otherLeafPem, leafKeyPem };
  })();
  return made;
}
