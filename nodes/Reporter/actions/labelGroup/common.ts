import type { LabelKind } from '../../helpers/labels';
import { labelGroupLocator } from '../../helpers/labels';

/** What every Label Group operation names: the group and how it is picked. */
export const LABEL_GROUP: LabelKind = {
	noun: 'label group',
	locator: labelGroupLocator,
	id: ['groupId', 'Label Group'],
	loadOptionsMethod: 'getLabelGroups',
};
