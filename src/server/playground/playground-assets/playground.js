/*
 * Starts GraphiQL on the playground page. Loaded as a file (the page's Content-Security-Policy
 * allows no inline script); its settings come from the page's JSON data block.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  // The page is served at the GraphQL endpoint itself, so its own path is the endpoint,
  // also behind a proxy that adds a path prefix.
  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  // GraphiQL 4 opens the first tab without the variables of `defaultTabs[0]` (its initial
  // editor state reads only the `variables` prop or storage): hand them over on a first
  // visit, when there are no stored tabs.
  var firstVisit = !window.localStorage.getItem('graphiql:tabState');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      variables: firstVisit ? config.tabs[0].variables : undefined,
      defaultHeaders: config.headers || undefined,
      isHeadersEditorEnabled: true,
      // An API key typed into the headers editor stays in this tab, not in localStorage.
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: config.headers ? 'headers' : 'variables',
    }),
  );
})();
