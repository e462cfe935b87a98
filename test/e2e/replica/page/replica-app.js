// The replica of chatgpt.com's web app, as much of it as the extension can see: on load it asks
// conversation/init (and the models list) with the session's bearer token; send() posts a chat turn
// and reads its SSE stream, follows a stream_handoff to /f/conversation/resume, and shows the title
// and the assistant's text. Small and obviously fake. It also records, for the specs, every request
// it made: what it read (length, SHA-256) and when (first and last chunk). It never throws.
'use strict';
(() => {
  const token = JSON.parse(document.getElementById('bootstrap').textContent).accessToken;
  const requests = [];
  // Request ids stay unique across reloads, so the specs can match the server's log to the page's.
  const loadId = crypto.randomUUID().slice(0, 8);
  let conversationId = location.pathname.startsWith('/c/') ? location.pathname.slice(3) : null;
  // The workspace account the page acts for, as the real app sends it (chatgpt-account-id); a tab
  // opened with ?account=<id> plays that account.
  const account = new URLSearchParams(location.search).get('account');
  const domReady = new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));

  function toHex(buffer) {
    return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  async function call(method, path, body) {
    const entry = {
      id: `${loadId}-${requests.length + 1}`,
      method,
      path,
      status: null,
      bytes: 0,
      sha256: null,
      chunks: 0,
      startedAt: performance.now(),
      firstChunkAt: null,
      lastChunkAt: null,
      error: null,
      text: '',
    };
    requests.push(entry);
    try {
      const response = await fetch(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'X-Replica-Request': entry.id,
          ...(account === null ? {} : { 'chatgpt-account-id': account }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      entry.status = response.status;
      const reader = response.body.getReader();
      const parts = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        entry.firstChunkAt ??= performance.now();
        entry.lastChunkAt = performance.now();
        entry.chunks += 1;
        entry.bytes += value.byteLength;
        parts.push(value);
      }
      const all = new Uint8Array(entry.bytes);
      let offset = 0;
      for (const part of parts) {
        all.set(part, offset);
        offset += part.byteLength;
      }
      entry.sha256 = toHex(await crypto.subtle.digest('SHA-256', all));
      entry.text = new TextDecoder().decode(all);
    } catch (error) {
      entry.error = String(error);
    }
    return entry;
  }

  function events(text) {
    return text
      .split('\n\n')
      .map((block) =>
        block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n'),
      )
      .filter((data) => data !== '' && data !== '[DONE]')
      .flatMap((data) => {
        try {
          return [JSON.parse(data)];
        } catch {
          return [];
        }
      })
      .filter((event) => typeof event === 'object' && event !== null && !Array.isArray(event));
  }

  // Just enough of the v1 delta encoding to show the assistant's text: appends to parts/0.
  const turn = { title: null, text: '', path: null, handoff: false };
  function applyPatch(patch) {
    if (patch.p === '' && patch.o === 'add' && patch.v && patch.v.message) {
      const first = patch.v.message.content && patch.v.message.content.parts && patch.v.message.content.parts[0];
      if (patch.v.message.author && patch.v.message.author.role === 'assistant' && typeof first === 'string') turn.text = first;
      return;
    }
    if (patch.o === 'patch' && Array.isArray(patch.v)) return patch.v.forEach(applyPatch);
    if (patch.p !== undefined) turn.path = patch.p;
    if (turn.path === '/message/content/parts/0' && typeof patch.v === 'string' && (patch.o === undefined || patch.o === 'append'))
      turn.text += patch.v;
  }
  function readTurn(text) {
    for (const event of events(text)) {
      if (event.type === 'title_generation') turn.title = event.title;
      else if (event.type === 'stream_handoff')
        turn.handoff = (event.options || []).some((option) => option.type === 'resume_sse_endpoint');
      else if (typeof event.conversation_id === 'string') conversationId = event.conversation_id;
      if (event.type === undefined && Array.isArray(event.v)) event.v.forEach(applyPatch);
      else if (event.type === undefined) applyPatch(event);
    }
  }

  async function render() {
    await domReady;
    if (turn.title !== null) document.getElementById('title').textContent = turn.title;
    if (turn.text !== '') {
      const message = document.createElement('p');
      message.textContent = turn.text;
      document.getElementById('messages').append(message);
    }
  }

  async function send(prompt) {
    Object.assign(turn, { title: null, text: '', path: null, handoff: false });
    const entry = await call('POST', '/backend-api/f/conversation', {
      action: 'next',
      conversation_id: conversationId,
      messages: [{ author: { role: 'user' }, content: { content_type: 'text', parts: [prompt] } }],
    });
    readTurn(entry.text);
    if (turn.handoff)
      readTurn((await call('POST', '/backend-api/f/conversation/resume', { conversation_id: conversationId, offset: 0 })).text);
    await render();
    return { title: turn.title, text: turn.text };
  }

  // A turn the server moved to WebSocket (protocol.md section 1): its SSE items arrive inside JSON
  // frames. The page's own onmessage records every frame it gets, in order, and reads the items.
  const socketFrames = [];
  function receiveOverWebSocket() {
    Object.assign(turn, { title: null, text: '', path: null, handoff: false });
    return new Promise((resolve) => {
      const socket = new WebSocket('wss://ws.chatgpt.com/ws?topic=conversation-turn');
      socket.onmessage = (event) => {
        socketFrames.push(event.data);
        try {
          const item = JSON.parse(event.data).payload.payload.encoded_item;
          if (typeof item === 'string') readTurn(item);
        } catch {
          // Frames without an item (done, acknowledgements) carry nothing to show.
        }
      };
      socket.onclose = () => render().then(() => resolve({ title: turn.title, text: turn.text }));
    });
  }

  const ready = Promise.all([
    call('POST', '/backend-api/conversation/init', { conversation_id: conversationId, requested_default_model: null }),
    call('GET', '/backend-api/models?iim=false'),
  ]);
  // What chatgpt.com's Codex usage settings ask for when opened: the 5-hour and weekly windows.
  const openCodexUsage = () => call('GET', '/backend-api/wham/usage').then(() => undefined);
  // What chatgpt.com's memory settings ask for when opened: the saved memories, with how full memory is.
  const openMemories = () => call('GET', '/backend-api/memories?include_memory_entries=true').then(() => undefined);
  window.replica = { ready, send, requests, receiveOverWebSocket, socketFrames, openCodexUsage, openMemories };
})();
