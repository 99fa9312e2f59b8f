/**
 * The Chat API's routes and request wrapper live in `nodes/common/chat/api.ts`: Tovie Chat, Chat
 * Trigger and Chat Polling Trigger all call it (docs/architecture.md, "Where shared code goes").
 */
export { CHAT_ROUTES, EVENTS_PAGE_MAX, itemRequest, request } from '../common/chat/api';
