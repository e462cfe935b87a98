import { firefoxUnderTest } from '../../harness/firefox/firefox-under-test';
import { describeWebSocketTurn } from '../../suites/websocket-suite';

describeWebSocketTurn(firefoxUnderTest);
