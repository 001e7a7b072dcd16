import type { TestApp } from './strapi';

/** Creates an admin user with the given Strapi role code and returns a logged-in admin JWT. */
export async function adminToken(app: TestApp, roleCode = 'strapi-super-admin'): Promise<string> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${roleCode}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@warta.example`;
  const password = 'RahasiaRedaksi2024!';
  await app.strapi
    .service('admin::user')
    .create({ email, firstname: 'Uji', password, isActive: true, roles: [role.id] });
  const login = await app.request().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${login.text}`);
  return login.body.data.token;
}

/** An admin user with the given Strapi role code, logged in: its id, display name and admin JWT. */
export async function adminUser(
  app: TestApp,
  roleCode: string,
  firstname: string
): Promise<{ id: number; name: string; token: string }> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${firstname.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@warta.example`;
  const password = 'RahasiaRedaksi2024!';
  const user = await app.strapi
    .service('admin::user')
    .create({ email, firstname, lastname: 'Uji', password, isActive: true, roles: [role.id] });
  const login = await app.request().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${login.text}`);
  return { id: user.id, name: `${firstname} Uji`, token: login.body.data.token };
}
