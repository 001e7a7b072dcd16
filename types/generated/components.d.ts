import type { Schema, Struct } from '@strapi/strapi';

export interface NewsroomNotice extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_notices';
  info: {
    description: 'A notice the Pedoman Pemberitaan Media Siber asks for: Ralat, Koreksi, Hak Jawab, Klarifikasi or "Berita ini masih memerlukan verifikasi". Removing a notice is done by setting removedAt, so the record stays.';
    displayName: 'Editorial notice';
    icon: 'information';
  };
  attributes: {
    kind: Schema.Attribute.Enumeration<['ralat', 'koreksi', 'hak-jawab', 'klarifikasi', 'belum-terverifikasi']> &
      Schema.Attribute.Required;
    madeAt: Schema.Attribute.DateTime;
    madeBy: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    removedAt: Schema.Attribute.DateTime;
    removedBy: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    replyArticle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    text: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface NewsroomWhatsappFollowOverride extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_whatsapp_follow_overrides';
  info: {
    description: 'Overrides the site\'s "Ikuti Saluran WhatsApp" block for a category (and its subcategories) or one article. Empty fields keep the inherited value.';
    displayName: 'WhatsApp follow override';
    icon: 'message';
  };
  attributes: {
    afterParagraph: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 50;
          min: 1;
        },
        number
      >;
    buttonLabel: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    channelName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    channelUrl: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    headline: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    mode: Schema.Attribute.Enumeration<['inherit', 'custom', 'off']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'inherit'>;
    placement: Schema.Attribute.Enumeration<['end', 'after-paragraph']>;
  };
}

export interface SharedSocialLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_social_links';
  info: {
    description: 'A profile link of an author on a social network or a personal site.';
    displayName: 'Social link';
    icon: 'link';
  };
  attributes: {
    platform: Schema.Attribute.Enumeration<
      ['x', 'instagram', 'facebook', 'tiktok', 'youtube', 'linkedin', 'threads', 'website']
    > &
      Schema.Attribute.Required;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'newsroom.notice': NewsroomNotice;
      'newsroom.whatsapp-follow-override': NewsroomWhatsappFollowOverride;
      'shared.social-link': SharedSocialLink;
    }
  }
}
