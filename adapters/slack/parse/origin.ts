/**
 * Where a private answer goes once a modal is submitted: Slack's view_submission names
 * neither the channel nor a response_url, so the modal carries them in private_metadata.
 */
export interface Origin {
  channelId?: string;
  responseUrl?: string;
  /** The message whose button opened the modal (`channel:ts`), to refresh it if needed. */
  messageId?: string;
  /** The modal was opened from App Home, which is published again afterwards. */
  fromHome?: boolean;
}

export function encodeOrigin(origin: Origin): string {
  return JSON.stringify({ c: origin.channelId, r: origin.responseUrl, m: origin.messageId, h: origin.fromHome || undefined });
}

export function decodeOrigin(metadata: string | undefined): Origin {
  try {
    const raw = JSON.parse(metadata || '{}') as { c?: unknown; r?: unknown; m?: unknown; h?: unknown };
    return {
      ...(typeof raw.c === 'string' ? { channelId: raw.c } : {}),
      ...(typeof raw.r === 'string' && /^https?:\/\//.test(raw.r) ? { responseUrl: raw.r } : {}),
      ...(typeof raw.m === 'string' ? { messageId: raw.m } : {}),
      ...(raw.h === true ? { fromHome: true } : {}),
    };
  } catch {
    return {};
  }
}
