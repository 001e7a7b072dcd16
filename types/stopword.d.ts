// stopword ships no type declarations; Warta uses only its word lists.
declare module 'stopword' {
  export const ind: string[];
  export const eng: string[];
}
