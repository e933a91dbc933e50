// A category chip with its own colour and both languages: desks told people apart
// faster with colour per category (alf.io #758), but the label is always written.
import type { Category } from '../../core/model';
import { useBilingual } from './KioskContext';

export function CategoryBadge({ category }: { category: Category }) {
  const { ko, en } = useBilingual();
  return (
    <span className={`badge badge--${category}`} data-category={category}>
      {ko(`category.${category}`)} · {en(`category.${category}`)}
    </span>
  );
}
