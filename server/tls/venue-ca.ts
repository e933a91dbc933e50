// The venue CA and the server's one TLS key, kept in `<data>/tls/`:
//   ca.key, ca.crt         the venue CA: ECDSA P-256, SHA-256, path length 0, name
//                          constraints to private/loopback/link-local addresses and
//                          private-use DNS names (names.ts); made once, kept
//   server.key             the server's key, made once and kept, so the pin in
//                          pairing links (fp) survives address changes and restarts
//   server.crt             the latest leaf (re-issued at every start and whenever
//                          the interface addresses change), for operators to inspect
// Keys are owner-only files. A broken or half-present CA is an error, never
// silently replaced: kiosks and browsers already trust the old one.

import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it loaded first
import { createHash, createPrivateKey, createPublicKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GeneralName, GeneralSubtree, GeneralSubtrees, id_ce_nameConstraints, NameConstraints } from '@peculiar/asn1-x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as x509 from '@peculiar/x509';
import { PERMITTED_DNS_SUFFIXES, PERMITTED_IP_RANGES, type LeafNames } from './names';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { ...EC, hash: 'SHA-256' } as const;
const DAY = 86_400_000;
/** Chromium refuses leaves valid for longer than 398 days; stay a day under. */
export const LEAF_VALIDITY_DAYS = 397;
export const CA_VALIDITY_DAYS = 10 * 365;
/** Clock skew allowance: a kiosk whose clock runs behind still accepts a fresh leaf. */
const BACKDATE_MS = 60 * 60_000;

/** The RFC 7469 pin of a certificate's key: base64url SHA-256 of its SPKI, no padding. */
export function spkiPin(cert: string | Buffer | X509Certificate): string {
  const c = cert instanceof X509Certificate ? cert : new X509Certificate(cert);
  return createHash('sha256').update(c.publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
}

/** The same pin in standard base64, as Chromium's --ignore-certificate-errors-spki-list and curl's --pinnedpubkey take it. */
export const pinToBase64 = (pin: string): string => Buffer.from(pin, 'base64url').toString('base64');

const serial = (): string => {
  const b = randomBytes(16);
  b[0]! &= 0x7f; // positive
  b[0]! |= 0x01; // and no leading zero byte to strip
  return b.toString('hex');
};

async function privateKeyFromPem(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, EC, false, ['sign']) as Promise<CryptoKey>;
}

async function publicKeyFromPem(pem: string): Promise<CryptoKey> {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return webcrypto.subtle.importKey('spki', der, EC, true, ['verify']) as Promise<CryptoKey>;
}

async function newKeyPem(): Promise<string> {
  const pair = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** Writes a file atomically, owner-only when it holds a key. */
async function writeAtomic(path: string, text: string, secret: boolean): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text, { mode: secret ? 0o600 : 0o644 });
  if (secret) await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** The CA's name constraints extension (critical): only the permitted names and ranges. */
export function nameConstraintsExtension(
  dns: readonly string[] = PERMITTED_DNS_SUFFIXES,
  ipRanges: readonly string[] = PERMITTED_IP_RANGES,
): x509.Extension {
  const subtrees = [
    ...dns.map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
    ...ipRanges.map((iPAddress) => new GeneralSubtree({ base: new GeneralName({ iPAddress }) })),
  ];
  const value = AsnConvert.serialize(new NameConstraints({ permittedSubtrees: new GeneralSubtrees(subtrees) }));
  return new x509.Extension(id_ce_nameConstraints, true, value);
}

export interface CaOptions {
  /** Shown in trust stores: which venue server this CA belongs to. */
  label: string;
  now?: number;
  /** Tests only: a CA without name constraints, to prove the constraints are what refuses. */
  unconstrained?: boolean;
}

/** A new venue CA: its key and certificate as PEM. */
export async function createCa({ label, now = Date.now(), unconstrained = false }: CaOptions): Promise<{ keyPem: string; certPem: string }> {
  const keyPem = await newKeyPem();
  const keys = { privateKey: await privateKeyFromPem(keyPem), publicKey: await publicKeyFromPem(keyPem) };
  const cn = `Turnout venue CA ${label}`.replace(/[,+=<>#;"\\]/g, ' ').slice(0, 64);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [cn] }, { O: ['Turnout'] }],
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + CA_VALIDITY_DAYS * DAY),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(unconstrained ? [] : [nameConstraintsExtension()]),
    ],
  });
  return { keyPem, certPem: cert.toString('pem') };
}

export interface IssueOptions {
  caKeyPem: string;
  caCertPem: string;
  leafKeyPem: string;
  names: Pick<LeafNames, 'dns' | 'ips'>;
  now?: number;
}

/** A serverAuth leaf for `names`, signed by the CA, valid ≤ 397 days; PEM. */
export async function issueLeaf({ caKeyPem, caCertPem, leafKeyPem, names, now = Date.now() }: IssueOptions): Promise<string> {
  const ca = new x509.X509Certificate(caCertPem);
  const publicKey = await publicKeyFromPem(leafKeyPem);
  const notBefore = new Date(now - BACKDATE_MS);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: ['Turnout venue server'] }, { O: ['Turnout'] }],
    issuer: ca.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + LEAF_VALIDITY_DAYS * DAY),
    signingAlgorithm: SIGNING,
    publicKey,
    signingKey: await privateKeyFromPem(caKeyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  return cert.toString('pem');
}

export interface VenueKeys {
  dir: string;
  caKeyPem: string;
  caCertPem: string;
  leafKeyPem: string;
  /** The pin of the leaf key (what pairing links carry as fp). */
  pin: string;
  /** true when this call made the CA (first start). */
  created: boolean;
}

/** Opens `<dataDir>/tls`, making the CA and the server key on first use. */
export async function openVenueKeys(dataDir: string, label: string): Promise<VenueKeys> {
  const dir = join(dataDir, 'tls');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => join(dir, name);
  let created = false;
  const haveKey = existsSync(file('ca.key'));
  const haveCert = existsSync(file('ca.crt'));
  if (haveKey !== haveCert) {
    throw new Error(`${dir} has ${haveKey ? 'ca.key without ca.crt' : 'ca.crt without ca.key'}: restore the missing file, or move the folder away to make a new venue CA (every kiosk must then be provisioned again)`);
  }
  if (!haveKey) {
    const ca = await createCa({ label });
    await writeAtomic(file('ca.key'), ca.keyPem, true);
    await writeAtomic(file('ca.crt'), ca.certPem, false);
    created = true;
  }
  if (!existsSync(file('server.key'))) await writeAtomic(file('server.key'), await newKeyPem(), true);
  const [caKeyPem, caCertPem, leafKeyPem] = await Promise.all(['ca.key', 'ca.crt', 'server.key'].map((n) => readFile(file(n), 'utf8')));
  try {
    createPrivateKey(caKeyPem!);
    new X509Certificate(caCertPem!);
  } catch (error) {
    throw new Error(`the venue CA in ${dir} cannot be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const pin = createHash('sha256').update(createPublicKey(leafKeyPem!).export({ type: 'spki', format: 'der' })).digest('base64url');
  return { dir, caKeyPem: caKeyPem!, caCertPem: caCertPem!, leafKeyPem: leafKeyPem!, pin, created };
}

/** Issues a leaf for `names` and keeps a copy as server.crt. */
export async function renewLeaf(keys: VenueKeys, names: Pick<LeafNames, 'dns' | 'ips'>, now?: number): Promise<string> {
  const pem = await issueLeaf({ caKeyPem: keys.caKeyPem, caCertPem: keys.caCertPem, leafKeyPem: keys.leafKeyPem, names, now });
  await writeAtomic(join(keys.dir, 'server.crt'), pem, false);
  return pem;
}
