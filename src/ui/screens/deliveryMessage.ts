import type { CodeDeliveryDetails } from '../../core/index';
import type { Translate } from '../i18n/translate';

/** Where the code went ("We emailed a code to a***@e***"), from the engine's codeDeliveryDetails. */
export function deliveryMessage(t: Translate, details: CodeDeliveryDetails | undefined): string {
  const destination = details?.destination;
  if (!destination) return t('delivery.none');
  const medium = details.deliveryMedium;
  if (medium === 'EMAIL') return t('delivery.EMAIL', { destination });
  if (medium === 'SMS' || medium === 'PHONE') return t('delivery.SMS', { destination });
  return t('delivery.unknown', { destination });
}
