/** The only pages the content scripts run on. */
export const CHATGPT_MATCHES = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];
export const CHATGPT_ORIGINS = ['https://chatgpt.com', 'https://chat.openai.com'];
