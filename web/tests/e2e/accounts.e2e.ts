// Accounts: the province makes a zone account (temporary password shown once); the new user is
// held on the forced password change until done; then makes an API token (shown once) and revokes
// it on its own page. Users without the right see no user administration.
import { describe, expect, it } from 'vitest';

import { useSuite } from './browser';

const suite = useSuite();

describe('accounts', () => {
  it('a new account changes its temporary password first, then manages its tokens', async () => {
    const admin = await suite.logInAs('province', 'accounts-admin');
    await admin.getByRole('link', { name: '用户管理' }).click();
    await admin.waitForURL((u) => u.pathname === '/users');
    await admin.getByRole('button', { name: '新建账号' }).click();
    await admin.locator('#user-name').fill('e2e-zone-user');
    await admin.locator('#user-display-name').fill('转型综改区管委会');
    await admin.locator('#user-scope').fill('taiyuan-zgq');
    await admin.getByRole('button', { name: '保存' }).click();
    const secret = admin.locator('.issued code');
    await secret.waitFor();
    const temporary = (await secret.innerText()).trim();
    expect(temporary).toHaveLength(16);
    await expect.poll(() => admin.locator('main .el-table').innerText()).toContain('e2e-zone-user');
    await admin.screenshot({ path: `${process.env.SANPI_E2E_OUT ?? 'test-results/e2e'}/accounts-users.png` });

    const user = await suite.open('accounts-user');
    await user.goto('/login');
    await user.locator('#login-username').fill('e2e-zone-user');
    await user.locator('#login-password').fill(temporary);
    await user.locator('button[type="submit"]').click();
    await user.waitForURL((u) => u.pathname === '/password');
    await user.goto('/projects');
    await user.waitForURL((u) => u.pathname === '/password');
    await user.locator('#password-current').fill(temporary);
    await user.locator('#password-new').fill('Transform-Zone-2024');
    await user.locator('#password-confirm').fill('Transform-Zone-2024');
    await user.getByRole('button', { name: '修改密码' }).click();
    await user.waitForURL((u) => u.pathname === '/');

    await user.goto('/account');
    await user.locator('#token-label').fill('夜间导出');
    await user.getByRole('button', { name: '创建令牌' }).click();
    const token = (await user.locator('.secret').innerText()).trim();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => user.locator('.tokens').innerText()).toContain('夜间导出');
    expect(await user.locator('.tokens').innerText()).not.toContain(token);
    const byToken = await user.request.get('/api/v1/projects', { headers: { Authorization: `Bearer ${token}` } });
    expect(byToken.status()).toBe(200);
    await user.getByRole('button', { name: '吊销' }).click();
    await user.locator('.el-popconfirm').getByRole('button', { name: /确定|Yes|OK/ }).click();
    await expect.poll(() => user.locator('.tokens').innerText()).toContain('尚无令牌');
    const revoked = await user.request.get('/api/v1/projects', { headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
  });

  it('shows user administration only to province and city accounts', async () => {
    const viewer = await suite.logInAs('viewer', 'accounts-viewer');
    expect(await viewer.locator('header nav').innerText()).not.toContain('用户管理');
    await viewer.goto('/users');
    await viewer.waitForURL((u) => u.pathname === '/');
    const city = await suite.logInAs('taiyuan', 'accounts-city', { language: 'en' });
    await city.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => city.locator('main .el-table').innerText()).toContain('taiyuan-zgq');
    expect(await city.locator('main .el-table').innerText()).not.toContain('datong');
  });
});
