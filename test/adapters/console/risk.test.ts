import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveConsoleSession } from '../../support/console-session.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { startIndicatorSource, type IndicatorSource } from '../../support/indicator-source.js';

let h: Harness;
let monitoring: IndicatorSource;
beforeEach(async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
  monitoring = await startIndicatorSource(h.baton, () => h.scheduler.settle());
});
afterEach(async () => {
  await monitoring.close();
  await h.close();
});

const playground = (lines: string[]) => liveConsoleSession(h, lines);
const pushDisk = (value: number) => monitoring.push('RSK-1', 'disk', value);

describe('risks in the console playground', () => {
  it('registers a risk, adds an indicator, and shows a pushed value raising and then clearing a red alert', async () => {
    const session = await playground([
      '/as chen.jie',
      '/risk category=technical title="Mail server disk" description="The spool fills the disk" likelihood=medium impact=high',
      '/my',
      '2', // Add or change an indicator
      'disk',
      'Disk usage',
      '%',
      '1', // alert when it rises
      '70',
      '85',
      '95',
    ]);
    const setUp = session.since(0);
    expect(setUp).toContain('✓ Registered RSK-1: High risk, suggested response "Mitigate". 陈杰 owns it; next review on 2026-12-30.');
    expect(setUp).toMatch(/→ channel #it \(信息技术部\)\n {2}陈杰 登记了风险 RSK-1：Mail server disk（高；建议应对措施：风险降低）。/);
    expect(setUp).toContain('[1] Review ★   [2] Add or change an indicator   [3] Close risk');
    expect(setUp).toContain('✓ RSK-1: "Add or change an indicator" done; now "Monitored".');
    expect(setUp).toContain('│ Disk usage (disk): 正常 · 暂无数值 · ≥ 黄 70 % · 橙 85 % · 红 95 %');

    let mark = session.length;
    await pushDisk(97);
    const alert = session.since(mark);
    expect(alert).toContain('RSK-1 (Mail server disk) raised a red alert: Disk usage is 97 %, past its red threshold of 95 %. The owner, 陈杰, acknowledges it on the card.');
    expect(alert).toMatch(/→ channel #it \(信息技术部\)\n {2}RSK-1（Mail server disk）红色预警：Disk usage 为 97 %，已达红色阈值 95 %。/);
    expect(alert).toContain('┌─ 🔴 RSK-1 · Risk: Mail server disk');
    expect(alert).toContain('Acknowledge alert');

    mark = session.length;
    await pushDisk(97.5);
    expect(session.since(mark)).not.toMatch(/raised|预警：/);

    mark = session.length;
    await pushDisk(50);
    const recovered = session.since(mark);
    expect(recovered).toContain('RSK-1 (Mail server disk) recovered: Disk usage is back to normal at 50 %, and no indicator is past a threshold.');
    expect(recovered).toContain('RSK-1（Mail server disk）已解除预警：Disk usage 恢复正常（50 %），所有指标均未达阈值。');
    // Every printed copy of the card is reprinted, back to normal.
    expect(recovered).toContain('┌─ ℹ RSK-1 · Risk: Mail server disk');
    expect(recovered).not.toContain('🔴');
  });
});
