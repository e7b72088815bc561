// The three collections the console manages, as resourcePage specs.
import { h, time, toast } from '../dom.js';
import { resourcePage, secrets } from './resources.js';

export const numbersPage = resourcePage({
  title: 'Numbers',
  path: '/v1/numbers',
  id: 'numbers',
  columns: [['Number', 'number'], ['Project', (n) => n.projectId || ''], ['Trunk', (n) => n.trunkId || ''],
    ['answer_url', (n) => n.answerUrl || ''], ['Added', (n) => time(n.createdAt)]],
  fields: (n) => [
    ...(n ? [] : [{ name: 'number', label: 'Number (E.164)', required: true, hint: '+ and 2 to 15 digits' }]),
    { name: 'projectId', label: 'Project ID', value: n?.projectId },
    { name: 'trunkId', label: 'SIP trunk ID', value: n?.trunkId },
    { name: 'answerUrl', label: 'answer_url', type: 'url', value: n?.answerUrl },
    { name: 'eventUrl', label: 'event_url', type: 'url', value: n?.eventUrl },
  ],
});

export const trunksPage = resourcePage({
  title: 'SIP trunks',
  path: '/v1/sip-trunks',
  id: 'trunks',
  columns: [['Name', 'name'], ['Host', (t) => `${t.host}:${t.port}`], ['Transport', 'transport'],
    ['DTMF', 'dtmfMode'], ['Credentials', (t) => (t.hasCredentials ? 'yes' : 'no')], ['Enabled', (t) => (t.enabled ? 'yes' : 'no')]],
  fields: (t) => [
    { name: 'name', label: 'Name', value: t?.name, required: true },
    { name: 'host', label: 'Host', value: t?.host, required: true },
    { name: 'port', label: 'Port', type: 'number', value: t?.port ?? 5060, required: true },
    { name: 'transport', label: 'Transport', options: ['UDP', 'TCP', 'TLS'], value: t?.transport || 'UDP' },
    { name: 'dtmfMode', label: 'DTMF', options: ['RFC4733', 'INFO'], value: t?.dtmfMode || 'RFC4733' },
    { name: 'username', label: 'Username', value: null, hint: t?.hasCredentials ? 'Leave empty to keep the current credentials' : null },
    { name: 'password', label: 'Password', type: 'password', value: null },
    { name: 'enabled', label: 'Enabled', type: 'checkbox', value: t ? t.enabled : true },
  ],
});

export const projectsPage = resourcePage({
  title: 'Projects',
  path: '/v1/projects',
  id: 'projects',
  columns: [['Name', 'name'], ['API key SID', 'apiKeySid'], ['answer_url', (p) => p.answerUrl || ''],
    ['event_url', (p) => p.eventUrl || ''], ['Enabled', (p) => (p.enabled ? 'yes' : 'no')]],
  fields: (p) => [
    { name: 'name', label: 'Name', value: p?.name, required: true },
    { name: 'answerUrl', label: 'answer_url', type: 'url', value: p?.answerUrl },
    { name: 'eventUrl', label: 'event_url', type: 'url', value: p?.eventUrl },
    { name: 'enabled', label: 'Enabled', type: 'checkbox', value: p ? p.enabled : true },
    { name: 'clientChosenCallerNames', label: 'Clients choose caller names', type: 'checkbox', value: p ? p.clientChosenCallerNames : false },
  ],
  created: (p) => secrets(`Project ${p.name} created`, [['API key SID', p.apiKeySid], ['API key secret', p.apiKeySecret], ['Signing secret', p.signingSecret]]),
  actions: (p, { api, notice, reload }) => [
    h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (!window.confirm(`Replace the API key of ${p.name}? Tokens signed with the old one stop working.`)) return;
      const rotated = await api.post(`/v1/projects/${encodeURIComponent(p.id)}/api-key`);
      notice.replaceChildren(secrets(`New API key of ${p.name}`, [['API key SID', rotated.apiKeySid], ['API key secret', rotated.apiKeySecret]]));
      toast('API key replaced');
      await reload();
    } }, 'New API key'),
    h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (!window.confirm(`Replace the signing secret of ${p.name}? Your servers must verify with the new one.`)) return;
      const secret = await api.post(`/v1/projects/${encodeURIComponent(p.id)}/signing-secret`);
      notice.replaceChildren(secrets(`New signing secret of ${p.name}`, [['Signing secret', secret.signingSecret]]));
    } }, 'New signing secret'),
  ],
});
