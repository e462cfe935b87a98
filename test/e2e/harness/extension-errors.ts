import type { BrowserContext, CDPSession, ConsoleMessage, Page, WebError } from 'playwright-core';

/**
 * Collects every error the extension logs or throws: in its service worker, its pages (popup),
 * and its content scripts on chatgpt.com.
 *
 * Playwright reports console messages of pages and workers, and uncaught errors of pages, but not
 * uncaught errors or unhandled rejections of a service worker. For those, a CDP session of an
 * ordinary page attaches to the worker's target (not flattened: Playwright's CDPSession has no
 * way to address a child session) and enables Runtime there. That attachment survives a stopped
 * and restarted worker (Chromium sends Inspector.targetReloadedAfterCrash), and Runtime.enable
 * replays what the worker logged before we attached. Checked on Chromium 156.
 */

export interface ExtensionError {
  where: string;
  text: string;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface ChildMessage {
  method?: string;
  params?: {
    type?: string;
    args?: { value?: unknown; description?: string }[];
    exceptionDetails?: { text?: string; url?: string; exception?: { description?: string } };
  };
}

function describeChildMessage(message: ChildMessage): string | null {
  if (message.method === 'Runtime.exceptionThrown') {
    const details = message.params?.exceptionDetails;
    return `${details?.text ?? 'exception'} ${details?.exception?.description ?? ''}`.trim();
  }
  if (message.method === 'Runtime.consoleAPICalled' && message.params?.type === 'error') {
    return (message.params.args ?? []).map((arg) => String(arg.value ?? arg.description ?? '')).join(' ');
  }
  return null;
}

export class ExtensionErrors {
  readonly errors: ExtensionError[] = [];
  private readonly attached = new Set<string>();

  private constructor(private readonly origin: string) {}

  /** Starts watching; `controlPage` must stay open (its CDP session carries the worker's). */
  static async watch(context: BrowserContext, controlPage: Page, extensionId: string): Promise<ExtensionErrors> {
    const watcher = new ExtensionErrors(`chrome-extension://${extensionId}/`);
    context.on('console', (message) => watcher.onConsole(message));
    context.on('weberror', (error) => watcher.onWebError(error));
    const session = await context.newCDPSession(controlPage);
    session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const text = describeChildMessage(JSON.parse(event.message) as ChildMessage);
      if (text !== null) watcher.errors.push({ where: 'service worker', text });
    });
    const onTarget = (event: { targetInfo: TargetInfo }) => void watcher.attachWorker(session, event.targetInfo);
    session.on('Target.targetCreated', onTarget);
    session.on('Target.targetInfoChanged', onTarget);
    await session.send('Target.setDiscoverTargets', { discover: true });
    return watcher;
  }

  private async attachWorker(session: CDPSession, target: TargetInfo): Promise<void> {
    if (target.type !== 'service_worker' || !target.url.startsWith(this.origin) || this.attached.has(target.targetId)) return;
    this.attached.add(target.targetId);
    try {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) });
    } catch (error) {
      // A worker that stopped between discovery and attachment is attached again when it restarts.
      this.attached.delete(target.targetId);
      if (!String(error).includes('No target')) this.errors.push({ where: 'error watcher', text: String(error) });
    }
  }

  private onConsole(message: ConsoleMessage): void {
    if (message.type() !== 'error' || message.worker() !== null) return;
    // Content scripts log into the page's console; their messages carry the script's own URL.
    const fromExtension = message.location().url.startsWith(this.origin) || (message.page()?.url() ?? '').startsWith(this.origin);
    if (fromExtension) this.errors.push({ where: message.page()?.url() ?? 'page', text: message.text() });
  }

  private onWebError(error: WebError): void {
    const where = error.page()?.url() ?? '';
    const stack = error.error().stack ?? '';
    if (where.startsWith(this.origin) || stack.includes(this.origin)) {
      this.errors.push({ where: where || 'page', text: error.error().message });
    }
  }
}
