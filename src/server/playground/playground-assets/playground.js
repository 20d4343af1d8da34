/*
 * Starts GraphiQL on the playground page. Loaded as a file (the page's Content-Security-Policy
 * allows no inline script); its settings come from the page's JSON data block.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  // The page is served at the GraphQL endpoint itself, so its own path is the endpoint,
  // also behind a proxy that adds a path prefix.
  var httpFetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  // Subscriptions go over WebSocket (graphql-ws, subprotocol graphql-transport-ws) to the same
  // path; the headers editor's values (the API key) become the connection_init payload, so
  // each subscription opens its own connection with the headers of its tab.
  var wsUrl = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + window.location.pathname;
  // Which kind of operation runs: read from the text (GraphiQL's parsed document can still be
  // the previous tab's right after a tab switch), else from the parsed document.
  function operationType(params, opts) {
    var text = String(params.query || '').replace(/#[^\n]*/g, '');
    var named = params.operationName && new RegExp('\\b(query|mutation|subscription)\\s+' + params.operationName + '\\b').exec(text);
    if (named) return named[1];
    var first = /^\s*(query|mutation|subscription)\b/.exec(text);
    if (first) return first[1];
    var doc = opts && opts.documentAST;
    var ops = doc
      ? doc.definitions.filter(function (d) {
          return d.kind === 'OperationDefinition';
        })
      : [];
    return ops.length === 1 ? ops[0].operation : 'query';
  }
  // Right after a tab switch GraphiQL can send the previous tab's operationName with the new
  // tab's document; a name the document does not define is dropped rather than refused.
  function withKnownName(params) {
    if (!params.operationName) return params;
    var text = String(params.query || '').replace(/#[^\n]*/g, '');
    if (new RegExp('\\b(query|mutation|subscription)\\s+' + params.operationName + '\\b').test(text)) return params;
    return Object.assign({}, params, { operationName: undefined });
  }
  function fetcher(rawParams, opts) {
    var params = withKnownName(rawParams);
    if (operationType(params, opts) !== 'subscription') return httpFetcher(params, opts);
    return {
      subscribe: function (observer) {
        var client = graphqlWs.createClient({ url: wsUrl, connectionParams: (opts && opts.headers) || {}, retryAttempts: 0, lazy: true });
        var stop = client.subscribe(params, {
          next: function (value) {
            observer.next(value);
          },
          error: function (error) {
            observer.error(
              error instanceof Error
                ? error
                : new Error('The subscription was refused or its connection closed (' + ((error && error.code) || 'network') + ').'),
            );
          },
          complete: function () {
            observer.complete();
          },
        });
        return {
          unsubscribe: function () {
            stop();
            client.dispose();
          },
        };
      },
    };
  }
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
