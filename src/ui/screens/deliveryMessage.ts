import type { CodeDeliveryDetails } from '../../core/index';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/** Where the code went ("… enter the code we emailed to a***@e***. …"), from the engine's codeDeliveryDetails. */
export function deliveryMessage(t: Translate, details: CodeDeliveryDetails | undefined): string {
  const destination = details?.destination;
  if (!destination) return t('delivery.none');
  const medium = details.deliveryMedium;
  if (medium === 'EMAIL') return t('delivery.EMAIL', { destination });
  if (medium === 'SMS' || medium === 'PHONE') return t('delivery.SMS', { destination });
  return t('delivery.unknown', { destination });
}

/** The confirm-sign-up heading for where the code went ("We Emailed You"), as Amplify UI words it. */
export function deliveryHeading(details: CodeDeliveryDetails | undefined): MessageKey {
  const medium = details?.deliveryMedium;
  return medium === 'EMAIL' ? 'confirmSignUp.headingEmail' : medium === 'SMS' || medium === 'PHONE' ? 'confirmSignUp.headingSms' : 'confirmSignUp.heading';
}
