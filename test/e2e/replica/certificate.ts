import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A throwaway certificate for the replica's hosts, made at run time so that no key is ever
 * committed. Chromium accepts it because the suite starts it with --ignore-certificate-errors.
 * EC keys: an RSA key takes about a second to generate, an EC key a few milliseconds.
 */
export async function replicaCertificate(hosts: readonly string[]): Promise<Certificate> {
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'chatgpt.com' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((host) => ({ type: 2 as const, value: host })) }],
  });
  return { key: pems.private, cert: pems.cert };
}
