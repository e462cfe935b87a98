import { chromiumUnderTest } from '../harness/chromium-under-test';
import { describeWebSocketTurn } from '../suites/websocket-suite';

describeWebSocketTurn(chromiumUnderTest);
