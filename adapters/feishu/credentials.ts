import type * as lark from '@larksuiteoapi/node-sdk';
import type { FeishuSettings } from './settings.js';

/**
 * Asks Feishu for a tenant token once at start, so a wrong App ID or Secret (or an unreachable
 * FEISHU_DOMAIN) is reported with what to do, not at the first notification.
 */
export async function checkCredentials(client: lark.Client, settings: FeishuSettings): Promise<void> {
  let body: { code?: number; msg?: string };
  try {
    body = await client.auth.v3.tenantAccessToken.internal({ data: { app_id: settings.appId, app_secret: settings.appSecret } });
  } catch (error) {
    const refused = (error as { response?: { data?: { code?: number; msg?: string } } }).response?.data;
    if (refused?.code === undefined) {
      throw new Error(`Feishu could not be reached at ${settings.domain} (${error instanceof Error ? error.message : String(error)}): check FEISHU_DOMAIN and the network`);
    }
    body = refused;
  }
  if (body.code !== 0) {
    throw new Error(
      `Feishu refused FEISHU_APP_ID / FEISHU_APP_SECRET (code ${body.code}${body.msg ? `: ${body.msg}` : ''}): copy both from the app's "Credentials & Basic Info" page`,
    );
  }
}
