import { describe, expect, it } from 'vitest';
import { dockedHereAddress, identifyMeeting, isSessionKey, platformOfAddress } from '../../utils/meeting/meeting-identity';

const key = (url: string) => identifyMeeting(url)?.key ?? null;

describe('Google Meet', () => {
  it.each([
    'https://meet.google.com/abc-defg-hij',
    'https://meet.google.com/abc-defg-hij?authuser=1',
    'https://meet.google.com/abc-defg-hij/',
    'https://meet.google.com/ABC-DEFG-HIJ',
    'https://meet.google.com/abc-defg-hij?pli=1&hs=179#foo',
  ])('%s is meeting abc-defg-hij', (url) => {
    expect(key(url)).toBe('meet:abc-defg-hij');
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/new',
    'https://meet.google.com/abc-defg-hi',
    'https://meet.google.com/abcd-efg-hij',
    'http://meet.google.com/abc-defg-hij',
    'https://meet.google.com.evil.example/abc-defg-hij',
  ])('%s is not a meeting', (url) => {
    expect(key(url)).toBeNull();
  });
});

describe('Zoom web client', () => {
  it.each([
    ['https://app.zoom.us/wc/123456789/join?fromPWA=1', 'zoom:123456789'],
    ['https://app.zoom.us/wc/123456789/start', 'zoom:123456789'],
    ['https://us02web.zoom.us/wc/12345678901/join?pwd=abc', 'zoom:12345678901'],
    ['https://zoom.us/wc/join/1234567890', 'zoom:1234567890'],
  ])('%s is %s', (url, expected) => {
    expect(key(url)).toBe(expected);
  });

  it('the lobby and the call of one meeting share a session', () => {
    expect(key('https://app.zoom.us/wc/123456789/join')).toBe(key('https://app.zoom.us/wc/123456789/start?x=1'));
  });

  it.each([
    'https://app.zoom.us/wc/home',
    'https://app.zoom.us/wc/leave',
    'https://zoom.us/',
    'https://zoom.us/j/123456789',
    'http://app.zoom.us/wc/123456789/join',
    'https://zoom.us.evil.example/wc/123456789/join',
    'https://notzoom.us/wc/123456789/join',
    'https://app.zoom.us/wc/12345/join',
  ])('%s is not a meeting', (url) => {
    expect(key(url)).toBeNull();
  });
});

describe('Microsoft Teams', () => {
  const thread = '19:meeting_NjQ0ZjE3@thread.v2';

  it.each([
    `https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ0ZjE3%40thread.v2/0?context=%7b%7d`,
    `https://teams.microsoft.com/l/meetup-join/${thread}/0`,
    `https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${thread}/0?context=%7b%7d`,
    `https://teams.cloud.microsoft/l/meetup-join/19%3ameeting_NjQ0ZjE3%40thread.v2/0`,
  ])('%s is the meeting thread', (url) => {
    expect(key(url)).toBe(`teams:${thread}`);
  });

  it.each([
    ['https://teams.live.com/meet/9381234567890?p=xyz', 'teams:9381234567890'],
    ['https://teams.microsoft.com/meet/23456789012345?p=abc', 'teams:23456789012345'],
    ['https://teams.live.com/v2/?meetingjoin=true#/meet/9381234567890?p=xyz', 'teams:9381234567890'],
  ])('%s is %s', (url, expected) => {
    expect(key(url)).toBe(expected);
  });

  it.each([
    'https://teams.microsoft.com/',
    'https://teams.microsoft.com/v2/',
    'https://teams.microsoft.com/v2/#/conversations/19:abc@thread.v2?ctx=chat',
    'https://teams.microsoft.com/l/meetup-join/not-a-thread/0',
    'https://teams.live.com/meet/12',
    'https://teams.microsoft.com.evil.example/l/meetup-join/19%3ameeting_x%40thread.v2/0',
  ])('%s is not a meeting', (url) => {
    expect(key(url)).toBeNull();
  });
});

describe('other pages', () => {
  it.each(['not a url', '', 'https://example.com/abc-defg-hij', 'chrome://extensions'])('%s is not a meeting', (url) => {
    expect(key(url)).toBeNull();
  });

  it('different meetings get different sessions', () => {
    expect(key('https://meet.google.com/abc-defg-hij')).not.toBe(key('https://meet.google.com/abc-defg-hik'));
    expect(key('https://app.zoom.us/wc/123456789/join')).not.toBe(key('https://app.zoom.us/wc/123456788/join'));
  });
});

describe('isSessionKey', () => {
  it.each(['meet:abc-defg-hij', 'zoom:123456789', 'teams:19:meeting_x@thread.v2', 'practice:rehearsal'])('accepts %s', (value) => {
    expect(isSessionKey(value)).toBe(true);
  });

  it.each([null, undefined, 42, '', 'meet:', 'skype:abc', 'meet:abc def', `meet:${'a'.repeat(201)}`, 'meet:<script>'])(
    'rejects %s',
    (value) => {
      expect(isSessionKey(value)).toBe(false);
    },
  );
});

describe('the address Dock the panel here remembers', () => {
  it('is the origin and path of a meeting-site page, without query or hash', () => {
    expect(dockedHereAddress('https://teams.microsoft.com/v2/?ctx=chat#/calls')).toBe('https://teams.microsoft.com/v2/');
    expect(dockedHereAddress('https://meet.google.com/landing?authuser=0')).toBe('https://meet.google.com/landing');
    expect(dockedHereAddress('https://us02web.zoom.us/wc/home')).toBe('https://us02web.zoom.us/wc/home');
  });

  it('is nothing off the meeting sites or off https', () => {
    for (const href of ['https://example.com/v2/', 'http://meet.google.com/x', 'https://zoom.us.evil.example/wc', 'not a url']) {
      expect(dockedHereAddress(href)).toBeNull();
    }
    expect(platformOfAddress('https://teams.live.com/v2/')).toBe('teams');
  });
});
