import { browser } from 'wxt/browser';
import { parseTicketAnswer, type TicketRequest } from '../utils/session/protocol';

/** A dock ticket for a meeting, from the background (see entrypoints/background/dock-tickets.ts). */
export async function requestTicket(sessionKey: string): Promise<string | null> {
  const request: TicketRequest = { kind: 'dock-ticket', key: sessionKey };
  return parseTicketAnswer(await browser.runtime.sendMessage(request));
}
