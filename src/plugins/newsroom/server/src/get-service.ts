import type { Core } from '@strapi/strapi';
import type services from './services';

type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
export type ServiceName = keyof Services;

/**
 * The plugin's services, typed (the i18n plugin's `getService` pattern): a renamed service or method
 * is a compile error at every call site. Factories pass their own `strapi`; the app's code may rely
 * on the global one.
 */
export function getService<Name extends ServiceName>(name: Name, instance: Core.Strapi = strapi): Services[Name] {
  return instance.plugin('newsroom').service(name) as Services[Name];
}
