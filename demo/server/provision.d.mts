export declare function provision(options: {
  endpoint: string;
  dataDir: string;
  appOrigin: string;
}): Promise<{ userPoolId: string; clientId: string; created: boolean }>;
