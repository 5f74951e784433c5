import { describe, expect, it } from 'vitest';
import { NAV_GROUPS } from '../../shell/navigation';
import { todayVn } from './template-form';

describe('a new template version starts today in Vietnam', () => {
  it.each([
    ['2026-12-07T16:59:59Z', '2026-12-07'],
    ['2026-12-07T17:00:00Z', '2026-12-08'],
  ])('at %s it is %s', (at, day) => expect(todayVn(new Date(at))).toBe(day));
});

describe('the notifications menu entries', () => {
  const item = (path: string) => NAV_GROUPS.flatMap((g) => g.items).find((i) => i.path === path);
  it('shows the inbox to citizens, the outbox and templates to holders of their actions', () => {
    expect(item('/me/thong-bao')).toMatchObject({ requires: ['citizen.self.read'], kind: 'citizen' });
    expect(item('/admin/notifications')?.requires).toEqual(['notifications.outbox.read']);
    expect(item('/admin/notification-templates')?.requires).toEqual(['notifications.templates.manage']);
  });
});
