/** The English model package of tesseract.js ships no types: what its index.js exports. */
declare module '@tesseract.js-data/eng' {
  const eng: { code: string; gzip: boolean; langPath: string };
  export default eng;
}
