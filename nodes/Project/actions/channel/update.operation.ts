import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { invalidInput, requireChanges } from '../../../common/validate';
import { itemRequest } from '../../api';
import { channelLocator, channelRefOf, fetchChannel } from '../../helpers/channels';
import {
	channelBodyOf,
	channelFields,
	channelOut,
	currentChannelBody,
	simplifyField,
} from './common';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update channel',
	description: 'Change the settings of a bot channel; what is not set stays as it is',
	properties: [
		channelLocator,
		settingsCollection('update', 'channel', channelFields(true)),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ref = channelRefOf(this, itemIndex);
		const changes = channelBodyOf(this, itemIndex, 'updateFields');
		requireChanges(this, itemIndex, changes);
		// The PUT replaces the channel: the current one (token included) fills what is not changed.
		const current = await fetchChannel(this, itemIndex, ref, true);
		const body: IDataObject = { ...currentChannelBody(current), ...changes };
		if (changes.customData)
			body.customData = {
				...(currentChannelBody(current).customData as IDataObject | undefined),
				...(changes.customData as IDataObject),
			};
		if (!body.accessToken) {
			throw invalidInput(
				this,
				itemIndex,
				'Access Token',
				'is needed',
				'The platform did not return the current channel token; add Update Fields → Access Token.',
			);
		}
		if (!body.channelName) body.channelName = String(current.channelName ?? '');
		const channel = await itemRequest(this, itemIndex, 'updateChannel', {
			pathParams: { id: Number(current.id) },
			body,
		});
		return channelOut(this, itemIndex, channel);
	},
};
