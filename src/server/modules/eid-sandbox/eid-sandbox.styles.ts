/**
 * The stylesheet of the sandbox pages, served at `<mount>/assets/sandbox.css`. Mobile first,
 * system fonts (Vietnamese diacritics render everywhere), AA contrast, visible focus.
 */
export const SANDBOX_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#f2f4f7}
.banner{background:#8a4b00;color:#fff;padding:.6rem 1rem;text-align:center}
.banner .en{color:#fde9cc}
.card{max-width:30rem;margin:1rem auto;padding:1.25rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 .25rem;color:#a50e0e}
.en{color:#555;font-size:.9em}
h1+.en{margin-top:0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
label .en{font-weight:400}
input{width:100%;font-size:1.1rem;padding:.6rem .7rem;border:1px solid #767676;border-radius:.35rem}
input[aria-invalid="true"]{border-color:#b00020;border-width:2px}
button{display:block;width:100%;min-height:2.75rem;margin-top:1rem;font-size:1rem;font-weight:600;border-radius:.35rem;cursor:pointer}
button .en{color:inherit;font-weight:400;opacity:.9}
.primary{background:#a50e0e;color:#fff;border:0}
.secondary{background:#fff;color:#1a1a1a;border:1px solid #767676}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.hint{font-size:.9rem;color:#444}
.error{border-left:4px solid #b00020;background:#fdecee;padding:.5rem .75rem;margin:1rem 0}
.error p{margin:.2rem 0}
.claims{padding-left:1.25rem}
.claims li{margin:.3rem 0}
code{word-break:break-word}
`;
