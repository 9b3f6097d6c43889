/** One entry of the server's error catalogue. */
export interface ServerErrorEntry {
  code: string;
  zhCN: string;
  en: string | null;
}

export const SERVER_CATALOGUE_PATH: string;
export const GENERATED_PATH: string;
export function parseErrorCatalogue(source: string): ServerErrorEntry[];
export function renderErrorCatalogue(entries: ServerErrorEntry[]): Promise<string>;
export function generateErrorCatalogue(): Promise<string>;
