// Starts ReDoc on /redoc. A file rather than an inline script, so the page runs under
// `script-src 'self'`; ReDoc writes its styles into <style> elements, which carry the page's
// nonce (service/api/headers.py, styles_by_nonce).
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("redoc");
  Redoc.init(document.body.dataset.openapi, { nonce: root.dataset.nonce }, root);
});
