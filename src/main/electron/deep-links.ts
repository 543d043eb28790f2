// Opening gloss:// links (from an exported bibliography) at their highlight. macOS hands a link
// to the running app as 'open-url'; Windows and Linux start a second instance with the link among
// its arguments, which the single-instance lock forwards to this one.
import { resolve } from 'node:path';
import type { App } from 'electron';
import { DEEP_LINK_SCHEME, deepLinkInArgs, routeOfDeepLink } from '../../shared/deep-link';

export interface DeepLinks {
  /** The route to open the first window at, when the app was started by a link. */
  takeInitialRoute(): string | null;
}

/**
 * Registers Gloss as the handler of gloss:// links and calls `open` with the window route of
 * each well-formed link that arrives; anything else is ignored. Call before the app is ready,
 * since macOS may deliver the launching link early.
 */
export function installDeepLinks(app: App, open: (route: string) => void, argv: readonly string[] = process.argv): DeepLinks {
  // Run from a checkout (`electron .`), the OS must be told to start Electron with the app's path.
  if (process.defaultApp && argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(argv[1])]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  let ready = false;
  let initial = routeFrom(deepLinkInArgs(argv));
  const deliver = (route: string | null) => {
    if (!route) return;
    if (ready) open(route);
    else initial = route;
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(routeOfDeepLink(url));
  });
  app.on('second-instance', (_event, commandLine) => deliver(routeFrom(deepLinkInArgs(commandLine))));
  return {
    takeInitialRoute() {
      ready = true;
      const route = initial;
      initial = null;
      return route;
    },
  };
}

function routeFrom(link: string | null): string | null {
  return link ? routeOfDeepLink(link) : null;
}
