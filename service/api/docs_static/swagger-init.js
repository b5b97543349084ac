// Starts Swagger UI on /docs. A file rather than FastAPI's inline script, so the page runs under
// `script-src 'self'` (service/api/headers.py, DOCS_CSP).
window.addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({
    url: document.body.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
  });
});
