/*
 * Browser script of the API documentation page (/api/docs), served by @fastify/swagger-ui as a
 * "theme" script (platform/openapi.ts): it runs after Swagger UI's bundle and before the page's load
 * event starts Swagger UI, and adds to Swagger UI's plugins one that draws every operation.
 *
 * Why: since 5.33 Swagger UI virtualizes the operations list once it has 150 rows or more (a row is a
 * tag or an operation of an open tag; the number is fixed in its `operations` component, no option):
 * it then draws only the ~12 rows in view and the others when scrolled to. A browser's find-in-page,
 * a screen reader's list of headings and a test see only those rows. This `operations` component is
 * Swagger UI's own drawing below that threshold (5.34's `components/operations`), for every size
 * (docs/adr/0027-api-docs-draw-every-operation.md).
 */
(function () {
  'use strict';

  /** Swagger UI plugin: replaces the `operations` component by one drawing every tag and operation. */
  function allOperationsPlugin(system) {
    const h = system.React.createElement;

    function Operations(props) {
      const { specSelectors, getComponent, oas3Selectors, layoutSelectors, layoutActions, getConfigs } = props;
      const taggedOperations = specSelectors.taggedOperations();
      if (taggedOperations.size === 0) return h('h3', null, ' No operations defined in spec!');
      const methods = specSelectors.validOperationMethods();
      const OperationTag = getComponent('OperationTag');
      const OperationContainer = getComponent('OperationContainer', true);
      return h(
        'div',
        null,
        taggedOperations
          .map((tagObj, tag) =>
            h(
              OperationTag,
              {
                key: 'operation-' + tag,
                tagObj,
                tag,
                oas3Selectors,
                layoutSelectors,
                layoutActions,
                getConfigs,
                getComponent,
                specUrl: specSelectors.url(),
              },
              h(
                'div',
                { className: 'operation-tag-content' },
                tagObj
                  .get('operations')
                  .map((op) => {
                    const path = op.get('path');
                    const method = op.get('method');
                    if (methods.indexOf(method) === -1) return null;
                    return h(OperationContainer, {
                      key: path + '-' + method,
                      specPath: op.get('specPath'),
                      op,
                      path,
                      method,
                      tag,
                    });
                  })
                  .toArray(),
              ),
            ),
          )
          .valueSeq()
          .toArray(),
      );
    }

    return { components: { operations: Operations } };
  }

  // @fastify/swagger-ui's swagger-initializer.js calls the global `SwaggerUIBundle(config)` on load:
  // the same function (with its presets, plugins and config), the plugin added to the config's.
  const swaggerUiBundle = window.SwaggerUIBundle;
  window.SwaggerUIBundle = Object.assign(
    (config) => swaggerUiBundle({ ...config, plugins: [...(config.plugins || []), allOperationsPlugin] }),
    swaggerUiBundle,
  );
})();
