// mailauth 4.8 ships no type declarations; this declares the one function the DKIM tests use.
declare module 'mailauth/lib/dkim/verify' {
  /** One signature's verdict. */
  export interface DkimResult {
    signingDomain: string;
    selector: string;
    algo: string;
    status: { result: 'pass' | 'fail' | 'neutral' | 'none' | 'policy' | 'temperror' | 'permerror'; comment?: string };
  }
  export function dkimVerify(
    input: Buffer,
    options: { resolver: (name: string, type: string) => Promise<string[][]> },
  ): Promise<{ results: DkimResult[] }>;
}
