/** The line each code is printed on: destination, cognito-local's reason (SignUp, …), code. */
export declare const CODE_LINE: RegExp;

export interface DemoCognitoLocal {
  /** `http://<host>:<port>/` */
  endpoint: string;
  close(): Promise<void>;
}

export declare function startCognitoLocal(options: {
  host: string;
  port: number;
  dataDir: string;
  print: (line: string) => void;
}): Promise<DemoCognitoLocal>;
