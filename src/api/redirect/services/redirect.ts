import { factories } from '@strapi/strapi';
import { REDIRECT_UID } from '../../../constants';

export default factories.createCoreService(REDIRECT_UID);
